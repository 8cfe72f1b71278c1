package org.zhizhi.shared.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The platform's data source when a read replica is configured (docs/scaling.md, "Read replicas"). Every connection
 * handed out is lazy ({@link LazyConnectionDataSourceProxy}): the server is chosen at the first statement, when the
 * transaction's read-only flag is known — the replica for a read-only transaction inside a {@code @ReplicaRead} while
 * {@link ReplicaLag} finds the replica within the bound, the primary for everything else. Both sides hand their
 * connections the signed-in person's scope ({@link ScopedDataSource}), so the row-level security policies hold on
 * the replica as on the primary. A replica that refuses a connection sends the read to the primary at once, and the
 * reads after it until a heartbeat is seen there again.
 * <p>Unwrapped ({@code DelegatingDataSource.getTargetDataSource}, as the audit trail's writer pool does) it leads to
 * the primary's pool, never to the replica's.
 */
final class ReplicaRouting extends LazyConnectionDataSourceProxy implements AutoCloseable {

	private final DataSource primaryPool;

	private final HikariDataSource replicaPool;

	private final ReplicaLag lag;

	private ReplicaRouting(DataSource primaryPool, HikariDataSource replicaPool, ReplicaLag lag) {
		super(new Chooser(new ScopedDataSource(primaryPool), new ScopedDataSource(replicaPool), lag));
		this.primaryPool = primaryPool;
		this.replicaPool = replicaPool;
		this.lag = lag;
	}

	/** Routes over the platform's pool and a pool of the configured replica, and starts the heartbeat. */
	static ReplicaRouting over(DataSource primaryPool, ReplicaProperties settings, Clock clock) {
		HikariDataSource replicaPool = replicaPool(primaryPool, settings);
		ReplicaLag lag = new ReplicaLag(primaryPool, replicaPool, clock, settings.maxLag());
		lag.start(settings.heartbeat());
		return new ReplicaRouting(primaryPool, replicaPool, lag);
	}

	private static HikariDataSource replicaPool(DataSource primaryPool, ReplicaProperties settings) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(settings.url());
		if (settings.username().isBlank()) {
			if (!(primaryPool instanceof HikariDataSource primary)) {
				throw new IllegalStateException(ReplicaProperties.PREFIX
						+ ".username must be set: the platform's pool is not HikariCP, whose role it could take");
			}
			config.setUsername(primary.getUsername());
			config.setPassword(primary.getPassword());
		}
		else {
			config.setUsername(settings.username());
			config.setPassword(settings.password());
		}
		config.setMaximumPoolSize(settings.poolSize());
		config.setPoolName("zhizhi-replica");
		config.setConnectionTimeout(settings.connectionTimeout().toMillis());
		// a replica that is down must not stop the platform: its reads go to the primary meanwhile
		config.setInitializationFailTimeout(-1);
		// a hot standby refuses writes by itself; a logically replicated copy would take them and drift apart
		config.setConnectionInitSql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
		return new HikariDataSource(config);
	}

	ReplicaLag lag() {
		return lag;
	}

	/** Stops the heartbeat and closes both pools, as the container would have closed the platform's pool itself. */
	@Override
	public void close() throws Exception {
		lag.close();
		replicaPool.close();
		if (primaryPool instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	/**
	 * Where a lazy connection really connects. A {@link DelegatingDataSource} over the primary, so that whoever
	 * unwraps the platform's data source finds the primary's pool.
	 */
	private static final class Chooser extends DelegatingDataSource {

		private final DataSource replica;

		private final ReplicaLag lag;

		Chooser(DataSource primary, DataSource replica, ReplicaLag lag) {
			super(primary);
			this.replica = replica;
			this.lag = lag;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (ReplicaReads.replicaMayAnswer() && lag.fresh()) {
				try {
					return replica.getConnection();
				}
				catch (SQLException e) {
					lag.unreachable(e);
				}
			}
			return super.getConnection();
		}

		// getConnection(username, password) stays on the primary: those credentials are the primary's
	}
}

package org.zhizhi.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhizhi.shared.Actor;

/**
 * Hands every connection the scope of whoever is signed in on this thread ({@code zhizhi.scope}, the LIKE pattern of
 * his {@code DataScope}), which the row-level security policies of the personal-data and incident tables compare
 * with each row — a second wall behind the scope predicate every query binds. The setting is checked on every
 * checkout, so a pooled connection never keeps the scope of the request that used it before; the platform's own work
 * (no one signed in) gets the empty scope, which the policies leave to the application's predicates.
 *
 * <p>A connection that already carries the caller's setting is not given it again: that is a round trip on every
 * checkout, and the intake's writers (issue 16) take one for every group in their serial lane. What a connection
 * carries is known only from a setting made here with the connection in autocommit, where it is its own committed
 * transaction — made inside a transaction it would be undone by a rollback — and nothing else on the platform sets
 * these two settings.
 */
class ScopedDataSource extends DelegatingDataSource implements AutoCloseable {

	/**
	 * The caller whose setting each physical connection carries, by the driver's connection (weakly: a connection the
	 * pool drops is forgotten with it).
	 */
	private final Map<PGConnection, Caller> carried = Collections.synchronizedMap(new WeakHashMap<>());

	ScopedDataSource(DataSource pool) {
		super(pool);
	}

	/**
	 * Set while the scope is being found: asking Spring Security for the signed-in person may load the web session —
	 * from this very database — and that load must not ask again (each asking would hold a connection of the pool).
	 */
	private static final ThreadLocal<Boolean> RESOLVING = ThreadLocal.withInitial(() -> Boolean.FALSE);

	@Override
	public Connection getConnection() throws SQLException {
		// the caller first: a session it loads takes and returns its own connection before this one is taken
		Caller caller = currentCaller();
		return scoped(super.getConnection(), caller);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		Caller caller = currentCaller();
		return scoped(super.getConnection(username, password), caller);
	}

	/**
	 * Who is asking, as the policies see him: his scope's LIKE pattern, and his account (the relations a policy honours
	 * beyond the scope — the wish he posted or took); both empty for the platform's own work.
	 */
	record Caller(String scope, String account) {

		static final Caller PLATFORM = new Caller("", "");
	}

	/** Closes the pool behind it, as the container would have closed the pool itself. */
	@Override
	public void close() throws Exception {
		if (getTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	private Connection scoped(Connection connection, Caller caller) throws SQLException {
		PGConnection physical = null;
		try {
			physical = connection.unwrap(PGConnection.class);
			if (caller.equals(carried.get(physical))) {
				return connection;
			}
			carried.remove(physical);
			try (PreparedStatement set = connection.prepareStatement(
					"SELECT set_config('zhizhi.scope', ?, false), set_config('zhizhi.account', ?, false)")) {
				set.setString(1, caller.scope());
				set.setString(2, caller.account());
				set.execute();
			}
			if (connection.getAutoCommit()) {
				carried.put(physical, caller);
			}
		}
		catch (SQLException | RuntimeException e) {
			if (physical != null) {
				carried.remove(physical);
			}
			connection.close();
			throw e;
		}
		return connection;
	}

	/** The signed-in person as the policies see him, or the platform. */
	static Caller currentCaller() {
		if (RESOLVING.get()) {
			return Caller.PLATFORM; // the session's own tables, read to find the person: no policy on them
		}
		RESOLVING.set(Boolean.TRUE);
		try {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return authentication != null && authentication.getPrincipal() instanceof Actor actor
					? new Caller(actor.scope().likePattern(), actor.userId().toString()) : Caller.PLATFORM;
		}
		finally {
			RESOLVING.set(Boolean.FALSE);
		}
	}
}

package org.zhizhi.shared.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled pass on one node at a time: {@code @Scheduled} fires on every node, and every node asks here first.
 * The lock is a row of {@code scheduling.shedlock} per schedule, taken with the database's clock; a node that dies in
 * the middle of a pass holds it at most {@code atMostFor}, after which another node may run the schedule again.
 * Explicit rather than an annotation with a proxy around the method: the pass itself ({@code run(now)}) stays a plain
 * method the tests call, and the schedule's wrapper says in one line that it runs once across nodes.
 */
@Component
public class ClusterSchedules {

	private final LockingTaskExecutor executor;

	ClusterSchedules(DataSource dataSource) {
		this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource))
					.withTableName("scheduling.shedlock")
					.usingDbTime()
					.build()));
	}

	/**
	 * Runs the pass unless another node runs the same schedule right now.
	 *
	 * @param name the schedule, unique across the platform ({@code module.what}, at most 64 characters)
	 * @param atMostFor how long a pass may take at most: a node that died holding the lock frees it after this
	 * @return whether this node ran the pass
	 */
	public boolean runOnce(String name, Duration atMostFor, Runnable pass) {
		AtomicBoolean ran = new AtomicBoolean();
		Runnable marked = () -> {
			ran.set(true);
			pass.run();
		};
		// the lock row's times are the database's (usingDbTime): the moment given here is only ShedLock's bookkeeping
		executor.executeWithLock(marked, new LockConfiguration(Instant.now(), name, atMostFor, Duration.ZERO));
		return ran.get();
	}
}

package org.zhizhi.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * A scheduled pass runs on one node at a time (issue 20): while one holds the schedule's lock row another skips the
 * pass; a lock left by a node that died frees itself after its bound; another schedule is not held up.
 */
@ZhizhiIntegrationTest
class ClusterSchedulesIntegrationTests {

	@Autowired
	ClusterSchedules schedules;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whileOnePassRunsTheSameScheduleElsewhereIsSkippedAndAnotherScheduleIsNot() throws Exception {
		String name = "test.pass-" + UUID.randomUUID().toString().substring(0, 8);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger passes = new AtomicInteger();
		CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> schedules.runOnce(name,
				Duration.ofMinutes(1), () -> {
					passes.incrementAndGet();
					started.countDown();
					await(release);
				}));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		// the same schedule on "another node" (another thread, another connection) while the first pass runs
		assertThat(schedules.runOnce(name, Duration.ofMinutes(1), passes::incrementAndGet)).isFalse();
		assertThat(schedules.runOnce(name + "-other", Duration.ofMinutes(1), () -> { })).isTrue();
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(passes).hasValue(1);
		// the next pass of the schedule, once the first has ended
		assertThat(schedules.runOnce(name, Duration.ofMinutes(1), passes::incrementAndGet)).isTrue();
		assertThat(passes).hasValue(2);
	}

	@Test
	void aLockLeftByANodeThatDiedHoldsUntilItsBoundAndNoLonger() {
		String held = "test.held-" + UUID.randomUUID().toString().substring(0, 8);
		String expired = "test.expired-" + UUID.randomUUID().toString().substring(0, 8);
		lockedByAnotherNode(held, "interval '5 minutes'");
		lockedByAnotherNode(expired, "interval '-1 second'");
		assertThat(schedules.runOnce(held, Duration.ofMinutes(1), () -> { })).isFalse();
		assertThat(schedules.runOnce(expired, Duration.ofMinutes(1), () -> { })).isTrue();
	}

	private void lockedByAnotherNode(String name, String until) {
		jdbc.sql("insert into scheduling.shedlock (name, lock_until, locked_at, locked_by) "
				+ "values (:name, now() + " + until + ", now() - interval '1 minute', 'node-b')")
			.param("name", name)
			.update();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}

package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.incident.persistence.JdbcIncidents;

/**
 * The idempotency-key clean-up on the real PostgreSQL: keys older than the retention (a week) go, newer ones stay.
 * Each test claims keys for an actor of its own and only ever looks at those.
 */
@ZhizhiIntegrationTest
class IdempotencyKeyRetentionIntegrationTests {

	private static final Duration DAY = Duration.ofDays(1);

	@Autowired
	IdempotencyKeyRetention retention;

	@Autowired
	JdbcIncidents incidents;

	@Autowired
	TestClock clock;

	private final UUID actor = UUID.randomUUID();

	@Test
	void keysOlderThanTheRetentionGoAndNewerOnesStay() {
		Instant now = clock.instant();
		incidents.claimKey(actor, "eight-days", "h", now.minus(DAY.multipliedBy(8)));
		incidents.claimKey(actor, "six-days", "h", now.minus(DAY.multipliedBy(6)));
		incidents.claimKey(actor, "just-now", "h", now);

		retention.run(now, IdempotencyKeyRetention.BATCH);

		assertThat(incidents.storedKey(actor, "eight-days")).isEmpty();
		assertThat(incidents.storedKey(actor, "six-days")).isPresent();
		assertThat(incidents.storedKey(actor, "just-now")).isPresent();
	}

	@Test
	void aBacklogGoesInBatchesUntilNoneIsLeft() {
		Instant now = clock.instant();
		for (int i = 0; i < 7; i++) {
			incidents.claimKey(actor, "old-" + i, "h", now.minus(DAY.multipliedBy(30)));
		}

		assertThat(retention.run(now, 2)).isGreaterThanOrEqualTo(7);

		for (int i = 0; i < 7; i++) {
			assertThat(incidents.storedKey(actor, "old-" + i)).isEmpty();
		}
	}

	@Test
	void aWeekOnThePlatformsClockMakesAKeyOldAndItsKeyFreeAgain() {
		incidents.claimKey(actor, "k", "h", clock.instant());
		retention.run(clock.instant(), IdempotencyKeyRetention.BATCH);
		assertThat(incidents.storedKey(actor, "k")).isPresent();

		// a week later (passed to the job, not set on the shared clock: the sweeps of the running platform read it too)
		Instant weekLater = clock.instant().plus(DAY.multipliedBy(7).plusMinutes(1));
		retention.run(weekLater, IdempotencyKeyRetention.BATCH);

		assertThat(incidents.storedKey(actor, "k")).isEmpty();
		assertThat(incidents.claimKey(actor, "k", "h", weekLater)).as("the key submits anew").isTrue();
	}
}

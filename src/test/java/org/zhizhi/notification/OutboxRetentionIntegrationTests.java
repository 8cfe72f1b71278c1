package org.zhizhi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The outbox clean-up on the real PostgreSQL: rows delivered longer ago than the retention (30 days) go, recent and
 * undelivered ones stay, however old. Each test writes its own rows on a channel of its own name and only ever looks
 * at those.
 */
@ZhizhiIntegrationTest
class OutboxRetentionIntegrationTests {

	private static final Duration DAY = Duration.ofDays(1);

	@Autowired
	OutboxRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	private final String channel = "ret-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void rowsDeliveredBeforeTheRetentionGoAndRecentOrUndeliveredOnesStay() {
		Instant now = clock.instant();
		Row deliveredLongAgo = row(now.minus(DAY.multipliedBy(40)), now.minus(DAY.multipliedBy(31)));
		Row deliveredRecently = row(now.minus(DAY.multipliedBy(40)), now.minus(DAY.multipliedBy(29)));
		Row neverDelivered = row(now.minus(DAY.multipliedBy(90)), null);

		retention.run(now, OutboxRetention.BATCH);

		assertThat(remaining()).containsExactlyInAnyOrder(deliveredRecently.outbox(), neverDelivered.outbox());
		assertThat(messageExists(deliveredLongAgo.message())).as("the inbox keeps its message").isTrue();
	}

	@Test
	void aBacklogGoesInBatchesUntilNoneIsLeft() {
		Instant now = clock.instant();
		for (int i = 0; i < 7; i++) {
			row(now.minus(DAY.multipliedBy(60)), now.minus(DAY.multipliedBy(45)));
		}
		Row recent = row(now.minus(DAY), now.minus(DAY));

		assertThat(retention.run(now, 2)).isGreaterThanOrEqualTo(7);

		assertThat(remaining()).containsExactly(recent.outbox());
	}

	@Test
	void timePassingOnThePlatformsClockMakesARowOld() {
		Row delivered = row(clock.instant(), clock.instant());
		retention.run(clock.instant(), OutboxRetention.BATCH);
		assertThat(remaining()).containsExactly(delivered.outbox());

		// a month later (passed to the job, not set on the shared clock: the sweeps of the running platform read it too)
		retention.run(clock.instant().plus(DAY.multipliedBy(31)), OutboxRetention.BATCH);
		assertThat(remaining()).isEmpty();
	}

	private record Row(UUID outbox, UUID message) {
	}

	/** An inbox message with one outbox row on this test's channel, delivered at {@code deliveredAt} unless null. */
	private Row row(Instant createdAt, Instant deliveredAt) {
		UUID message = UUID.randomUUID();
		UUID outbox = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO notification.inbox_message (id, recipient_id, kind, title, body, created_at)
				VALUES (:id, :recipient, 'RETENTION_TEST', 'retention', 'retention', :at)""")
			.param("id", message)
			.param("recipient", UUID.randomUUID())
			.param("at", Timestamp.from(createdAt))
			.update();
		jdbc.sql("""
				INSERT INTO notification.outbox (id, message_id, channel, next_attempt_at, delivered_at, created_at)
				VALUES (:id, :message, :channel, :at, CAST(:delivered AS timestamptz), :at)""")
			.param("id", outbox)
			.param("message", message)
			.param("channel", channel)
			.param("at", Timestamp.from(createdAt))
			.param("delivered", deliveredAt == null ? null : Timestamp.from(deliveredAt))
			.update();
		return new Row(outbox, message);
	}

	private List<UUID> remaining() {
		return jdbc.sql("SELECT id FROM notification.outbox WHERE channel = :channel")
			.param("channel", channel)
			.query(UUID.class)
			.list();
	}

	private boolean messageExists(UUID messageId) {
		return jdbc.sql("SELECT count(*) FROM notification.inbox_message WHERE id = :id")
			.param("id", messageId)
			.query(Long.class)
			.single() == 1;
	}
}

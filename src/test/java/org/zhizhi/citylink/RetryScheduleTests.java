package org.zhizhi.citylink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The retry schedule and a delivery's steps through it, without Spring. */
class RetryScheduleTests {

	static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(12)));

	static final Instant NOW = Instant.parse("2026-06-10T02:00:00Z");

	@Test
	void waitsOneFiveThirtyMinutesTwoAndTwelveHoursThenGivesUp() {
		assertThat(DEFAULT.waitAfter(1)).contains(Duration.ofMinutes(1));
		assertThat(DEFAULT.waitAfter(2)).contains(Duration.ofMinutes(5));
		assertThat(DEFAULT.waitAfter(3)).contains(Duration.ofMinutes(30));
		assertThat(DEFAULT.waitAfter(4)).contains(Duration.ofHours(2));
		assertThat(DEFAULT.waitAfter(5)).contains(Duration.ofHours(12));
		assertThat(DEFAULT.waitAfter(6)).isEmpty();
		assertThat(DEFAULT.maxAttempts()).isEqualTo(6);
	}

	@Test
	void refusesAnEmptyOrNonPositiveSchedule() {
		assertThatThrownBy(() -> new RetrySchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DEFAULT.waitAfter(0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aTwoHundredSomethingDeliversAndNothingElseDoes() {
		assertThat(Delivery.accepted(200)).isTrue();
		assertThat(Delivery.accepted(204)).isTrue();
		assertThat(Delivery.accepted(299)).isTrue();
		assertThat(Delivery.accepted(301)).as("a redirect is not followed").isFalse();
		assertThat(Delivery.accepted(500)).isFalse();
		assertThat(Delivery.accepted(null)).as("no answer").isFalse();
	}

	@Test
	void aFailedAttemptWaitsTheScheduleAndTheLastGivesUp() {
		Delivery.Outcome first = new Delivery(null, DeliveryState.PENDING, 1, 1).attempted(500, DEFAULT, NOW);
		assertThat(first.action()).isEqualTo(DeliveryAction.RETRY);
		assertThat(first.state()).isEqualTo(DeliveryState.PENDING);
		assertThat(first.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));

		Delivery.Outcome fifth = new Delivery(null, DeliveryState.PENDING, 5, 5).attempted(null, DEFAULT, NOW);
		assertThat(fifth.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));

		Delivery.Outcome last = new Delivery(null, DeliveryState.PENDING, 6, 6).attempted(503, DEFAULT, NOW);
		assertThat(last.action()).isEqualTo(DeliveryAction.GIVE_UP);
		assertThat(last.state()).isEqualTo(DeliveryState.FAILED);
		assertThat(last.nextAttemptAt()).isNull();

		Delivery.Outcome delivered = new Delivery(null, DeliveryState.PENDING, 6, 6).attempted(202, DEFAULT, NOW);
		assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
	}

	@Test
	void onlyADeliveredOrFailedDeliveryIsResentAndFromTheStart() {
		Delivery failed = new Delivery(null, DeliveryState.FAILED, 6, 9);
		Delivery.Outcome resent = failed.resend(NOW);
		assertThat(resent.state()).isEqualTo(DeliveryState.PENDING);
		assertThat(resent.nextAttemptAt()).isEqualTo(NOW);
		assertThat(failed.attempts()).isZero();

		assertThatThrownBy(() -> new Delivery(null, DeliveryState.PENDING, 1, 1).resend(NOW))
			.hasMessageContaining("ILLEGAL_TRANSITION");
	}

	@Test
	void theLifecycleTablesAnswerEveryActionFromEveryState() {
		for (DeliveryState state : DeliveryState.values()) {
			for (DeliveryAction action : DeliveryAction.values()) {
				boolean allowed = switch (action) {
					case DELIVER, RETRY, GIVE_UP -> state == DeliveryState.PENDING;
					case RESEND -> state != DeliveryState.PENDING;
				};
				assertThat(DeliveryLifecycle.TABLE.allows(state, action)).as(state + " " + action).isEqualTo(allowed);
			}
		}
		for (SubscriberState state : SubscriberState.values()) {
			for (SubscriberAction action : SubscriberAction.values()) {
				boolean allowed = switch (action) {
					case PAUSE -> state == SubscriberState.ACTIVE;
					case RESUME -> state == SubscriberState.PAUSED;
					case ROTATE_SECRET, RETIRE -> state != SubscriberState.RETIRED;
				};
				assertThat(SubscriberLifecycle.TABLE.allows(state, action)).as(state + " " + action)
					.isEqualTo(allowed);
			}
		}
	}
}

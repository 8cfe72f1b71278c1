package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhizhi.identity.SignInThrottle.Verdict;

/**
 * Issue 11: guessing is slowed down with a growing wait instead of a lock anyone can trigger, per name and client,
 * per name and per client. Time is moved, never waited for.
 */
class SignInThrottleTests {

	private final MovableClock clock = new MovableClock();

	private final SignInThrottle throttle = new SignInThrottle(
			new SignInProperties(5, Duration.ofMinutes(15), Duration.ofHours(8), Duration.ofHours(12)),
			new ThrottleProperties(Duration.ofSeconds(30), 100, 60), clock);

	@Test
	void fiveFreeAttemptsThenAWaitThatGrowsWithTheGuessing() {
		for (int i = 1; i <= 5; i++) {
			assertThat(throttle.tryAttempt("jumin01", "10.0.0.1").allowed()).as("attempt %d", i).isTrue();
		}
		List<Duration> waits = new ArrayList<>();
		int attempts = 5;
		while (attempts < 25) {
			Verdict verdict = throttle.tryAttempt("jumin01", "10.0.0.1");
			if (verdict.allowed()) {
				attempts++;
			}
			else {
				waits.add(verdict.retryAfter());
				clock.advance(verdict.retryAfter());
			}
		}
		assertThat(waits.get(0)).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
		for (int i = 1; i < waits.size(); i++) {
			// never shorter than the wait before (but for the refill's rounding)
			assertThat(waits.get(i)).as("wait %d", i).isGreaterThanOrEqualTo(waits.get(i - 1).minusSeconds(1));
		}
		assertThat(waits.get(waits.size() - 1)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
	}

	@Test
	void theWaitPassesWithTimeAndNoAccountStaysLocked() {
		exhaust("jumin01", "10.0.0.1");
		Verdict refused = throttle.tryAttempt("jumin01", "10.0.0.1");
		assertThat(refused.allowed()).isFalse();
		assertThat(throttle.heldBack("jumin01")).isTrue();

		clock.advance(refused.retryAfter());
		assertThat(throttle.tryAttempt("jumin01", "10.0.0.1").allowed()).isTrue();
	}

	@Test
	void theGuesserSlowsHimselfDownNotTheHolderSigningInFromElsewhere() {
		exhaust("jumin01", "10.0.0.66");
		assertThat(throttle.tryAttempt("jumin01", "10.0.0.66").allowed()).isFalse();
		assertThat(throttle.tryAttempt("jumin01", "192.168.1.7").allowed()).isTrue();
	}

	@Test
	void everyNameIsThrottledAlikeWhetherItExistsOrNot() {
		List<Boolean> real = new ArrayList<>(), unknown = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			real.add(throttle.tryAttempt("jumin01", "10.0.0.1").allowed());
			unknown.add(throttle.tryAttempt("no-such-user", "10.0.0.1").allowed());
		}
		assertThat(unknown).isEqualTo(real).containsExactly(true, true, true, true, true, false, false, false);
	}

	@Test
	void aRightPasswordStartsTheCountAgain() {
		for (int i = 0; i < 4; i++) {
			throttle.tryAttempt("Jumin01", "10.0.0.1");
		}
		throttle.succeeded("jumin01 ", "10.0.0.1");
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.tryAttempt("jumin01", "10.0.0.1").allowed()).isTrue();
		}
	}

	@Test
	void aManagerLetsTheHolderInAgainFromEveryClient() {
		exhaust("jumin01", "10.0.0.1");
		exhaust("jumin01", "10.0.0.2");
		throttle.release("jumin01");
		assertThat(throttle.heldBack("jumin01")).isFalse();
		assertThat(throttle.tryAttempt("jumin01", "10.0.0.1").allowed()).isTrue();
		assertThat(throttle.tryAttempt("jumin01", "10.0.0.2").allowed()).isTrue();
	}

	@Test
	void oneClientTryingManyNamesIsHeldBack() {
		for (int i = 0; i < 60; i++) {
			assertThat(throttle.tryAttempt("name" + i, "10.0.0.9").allowed()).isTrue();
		}
		assertThat(throttle.tryAttempt("name60", "10.0.0.9").allowed()).isFalse();
		// the refused attempt took nothing from the name's own buckets
		assertThat(throttle.tryAttempt("name60", "10.0.0.10").allowed()).isTrue();
	}

	@Test
	void guessesAtOneNameSpreadOverManyClientsAreHeldBack() {
		for (int i = 0; i < 100; i++) {
			assertThat(throttle.tryAttempt("jumin01", "10.1.0." + i).allowed()).isTrue();
		}
		assertThat(throttle.tryAttempt("jumin01", "10.2.0.1").allowed()).isFalse();
		clock.advance(Duration.ofMinutes(1));
		assertThat(throttle.tryAttempt("jumin01", "10.2.0.1").allowed()).isTrue();
	}

	private void exhaust(String name, String client) {
		while (throttle.tryAttempt(name, client).allowed()) {
			// take the free attempts
		}
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-06-10T02:00:00Z");

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}

package org.zhizhi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

	@Test
	void theFirstFailureWaitsTheBaseAndEachFurtherOneTwiceAsLong() {
		assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
		assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofSeconds(30 * 64));
	}

	@Test
	void theWaitNeverExceedsTheCap() {
		// 30 s × 2^7 = 64 min > 1 h
		assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofHours(1));
		assertThat(backoff.delayAfter(40)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void attemptsFarBeyondTheCapDoNotOverflow() {
		assertThat(backoff.delayAfter(63)).isEqualTo(Duration.ofHours(1));
		assertThat(backoff.delayAfter(64)).isEqualTo(Duration.ofHours(1));
		assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
		assertThat(new Backoff(Duration.ofMillis(1), Duration.ofDays(365 * 1000)).delayAfter(62))
			.isEqualTo(Duration.ofDays(365 * 1000));
	}

	@Test
	void zeroOrNegativeAttemptsWaitTheBase() {
		assertThat(backoff.delayAfter(0)).isEqualTo(Duration.ofSeconds(30));
		assertThat(backoff.delayAfter(-5)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aBaseAboveTheCapOrNotPositiveIsRefused() {
		assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}
}

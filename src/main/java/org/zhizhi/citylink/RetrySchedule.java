package org.zhizhi.citylink;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long a delivery waits after each failed attempt: the waits in order (by default 1 min, 5 min, 30 min, 2 h,
 * 12 h), after the last of which one more attempt is made and then the delivery is given up as failed — about 15
 * hours of trying, enough to outlast a night's outage of a subscriber, short enough that a failure is seen the next
 * morning in the delivery log, where it can be resent by hand.
 */
public record RetrySchedule(List<Duration> waits) {

	public RetrySchedule {
		if (waits == null || waits.isEmpty() || waits.stream().anyMatch(w -> w.isNegative() || w.isZero())) {
			throw new IllegalArgumentException("a retry schedule needs at least one positive wait: " + waits);
		}
		waits = List.copyOf(waits);
	}

	/** How many attempts a delivery gets at most: the first one and one after each wait. */
	public int maxAttempts() {
		return waits.size() + 1;
	}

	/**
	 * The wait before the next attempt after the given number of attempts failed (1 = the first failed), or empty
	 * when that was the last attempt.
	 */
	public Optional<Duration> waitAfter(int failedAttempts) {
		if (failedAttempts < 1) {
			throw new IllegalArgumentException("no attempt has failed yet: " + failedAttempts);
		}
		return failedAttempts <= waits.size() ? Optional.of(waits.get(failedAttempts - 1)) : Optional.empty();
	}
}

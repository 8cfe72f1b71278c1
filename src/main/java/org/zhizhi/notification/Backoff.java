package org.zhizhi.notification;

import java.time.Duration;

/**
 * How long a failed delivery waits before the next attempt: the base after the first failure, doubling after each
 * further one, never more than the cap — so a channel that is down for hours is tried a few times an hour, not
 * hammered, and is never given up on.
 */
record Backoff(Duration base, Duration cap) {

	Backoff {
		if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
			throw new IllegalArgumentException("backoff needs 0 < base <= cap: " + base + ", " + cap);
		}
	}

	/** The wait after the given number of attempts (1 = the first one failed). */
	Duration delayAfter(int attempts) {
		int doublings = Math.max(attempts, 1) - 1;
		// past 62 doublings the factor overflows a long, and long before that the cap has been reached
		if (doublings >= 62) {
			return cap;
		}
		long factor = 1L << doublings;
		long baseMillis = base.toMillis();
		if (baseMillis > cap.toMillis() / factor) {
			return cap;
		}
		return Duration.ofMillis(baseMillis * factor);
	}
}

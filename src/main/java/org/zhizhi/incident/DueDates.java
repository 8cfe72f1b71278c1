package org.zhizhi.incident;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * The deadlines a whistle sets: to respond (claim or answer), to be on site, to resolve. Stand-in around the clock
 * until the configured policy with its working-hours calendar takes over.
 */
@Component
class DueDates {

	record Set(Instant respondDue, Instant onSiteDue, Instant resolveDue) {
	}

	Set of(WhistleType type, String categoryCode, Instant whistledAt) {
		return switch (type) {
			case EMERGENCY -> new Set(whistledAt.plus(Duration.ofMinutes(10)), whistledAt.plus(Duration.ofMinutes(30)),
					whistledAt.plus(Duration.ofHours(4)));
			case QUICK -> new Set(whistledAt.plus(Duration.ofHours(2)), whistledAt.plus(Duration.ofHours(4)),
					whistledAt.plus(Duration.ofHours(24)));
			case TOUGH -> new Set(whistledAt.plus(Duration.ofDays(3)), whistledAt.plus(Duration.ofDays(3)),
					whistledAt.plus(Duration.ofDays(30)));
		};
	}

	/** The respond deadline afresh, from now: after an escalation, the new tier gets its own time to take it up. */
	Instant respondAgain(WhistleType type, String categoryCode, Instant now) {
		return of(type == null ? WhistleType.QUICK : type, categoryCode, now).respondDue();
	}

	Instant extend(Instant due, WhistleType type, int hours) {
		return due.plus(Duration.ofHours(hours));
	}
}

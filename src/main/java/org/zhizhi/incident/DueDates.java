package org.zhizhi.incident;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.zhizhi.incident.deadline.DeadlinePolicy;

/**
 * The deadlines a whistle sets — to respond (claim or answer), to be on site, to resolve — and how they move, as the
 * configured {@link DeadlinePolicy} computes them on its working calendar.
 */
@Component
class DueDates {

	record Set(Instant respondDue, Instant onSiteDue, Instant resolveDue) {
	}

	private final DeadlinePolicy policy;

	DueDates(DeadlinePolicy policy) {
		this.policy = policy;
	}

	Set of(WhistleType type, String categoryCode, Instant whistledAt) {
		DeadlinePolicy.DueDates due = policy.dueDates(type, categoryCode, whistledAt);
		return new Set(due.respondDue(), due.onSiteDue(), due.resolveDue());
	}

	/** The respond deadline afresh, from now: after an escalation, the new tier gets its own time to take it up. */
	Instant respondAgain(WhistleType type, String categoryCode, Instant now) {
		return of(type == null ? WhistleType.QUICK : type, categoryCode, now).respondDue();
	}

	/** An approved extension of some hours, on the clock the type's resolution runs on. */
	Instant extend(Instant due, WhistleType type, int hours) {
		return policy.extend(due, type == null ? WhistleType.QUICK : type, hours);
	}
}

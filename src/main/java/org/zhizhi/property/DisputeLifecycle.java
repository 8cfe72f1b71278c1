package org.zhizhi.property;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;

/**
 * OPEN —SESSION→ OPEN —SETTLE→ SETTLED —FOLLOW_UP→ SETTLED —CLOSE→ CLOSED, or OPEN —REFER→ REFERRED (to the people's
 * mediation committee or the court). The desk of the estate's scope records every step.
 */
public final class DisputeLifecycle {

	public static final Lifecycle<DisputeState, DisputeAction> TABLE = Lifecycle
		.of(DisputeState.class, DisputeAction.class, "property.disputes.illegalTransition")
		.stay(DisputeAction.SESSION, EnumSet.of(DisputeState.OPEN), SelfRunRoles.DESK)
		.step(DisputeAction.SETTLE, EnumSet.of(DisputeState.OPEN), DisputeState.SETTLED, SelfRunRoles.DESK)
		.step(DisputeAction.REFER, EnumSet.of(DisputeState.OPEN), DisputeState.REFERRED, SelfRunRoles.DESK)
		.stay(DisputeAction.FOLLOW_UP, EnumSet.of(DisputeState.SETTLED), SelfRunRoles.DESK)
		.step(DisputeAction.CLOSE, EnumSet.of(DisputeState.SETTLED), DisputeState.CLOSED, SelfRunRoles.DESK)
		.build();

	private DisputeLifecycle() {
	}
}

package org.zhizhi.points;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/** HELD → CONFIRMED (the sponsor, with the code) or CANCELLED (the person, the sponsor or the desk). */
public final class RedemptionLifecycle {

	public static final Lifecycle<RedemptionState, RedemptionAction> TABLE = Lifecycle
		.of(RedemptionState.class, RedemptionAction.class, "points.redemptionIllegalTransition")
		.step(RedemptionAction.CONFIRM, EnumSet.of(RedemptionState.HELD), RedemptionState.CONFIRMED,
				EnumSet.of(Role.PARTNER_LIAISON))
		// the policy adds who: the person himself, the sponsor's liaison, the desk of the scheme
		.step(RedemptionAction.CANCEL, EnumSet.of(RedemptionState.HELD), RedemptionState.CANCELLED,
				EnumSet.allOf(Role.class))
		.build();

	private RedemptionLifecycle() {
	}
}

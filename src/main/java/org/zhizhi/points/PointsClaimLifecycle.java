package org.zhizhi.points;

import static org.zhizhi.points.PointsClaimState.CREDITED;
import static org.zhizhi.points.PointsClaimState.OBJECTED;
import static org.zhizhi.points.PointsClaimState.ON_NOTICE;
import static org.zhizhi.points.PointsClaimState.REJECTED;
import static org.zhizhi.points.PointsClaimState.SUBMITTED;
import static org.zhizhi.points.PointsClaimState.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/**
 * A claim's life as a table: SUBMITTED → ON_NOTICE (approved) or REJECTED or WITHDRAWN; ON_NOTICE → OBJECTED → back
 * ON_NOTICE (dismissed) or REJECTED (upheld); ON_NOTICE → CREDITED when the notice has run. {@link PointsClaim} asks
 * it before every step and {@link PointsClaimPolicy} before offering one.
 */
public final class PointsClaimLifecycle {

	/** Everyone of the place may object while a claim is on notice. */
	static final Set<Role> OBJECTORS = EnumSet.of(Role.RESIDENT, Role.PARTY_MEMBER, Role.GRID_WORKER,
			Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN, Role.PROPERTY_STAFF, Role.PARTNER_LIAISON);

	public static final Lifecycle<PointsClaimState, PointsClaimAction> TABLE = Lifecycle
		.of(PointsClaimState.class, PointsClaimAction.class, "points.claimIllegalTransition")
		.step(PointsClaimAction.APPROVE, EnumSet.of(SUBMITTED), ON_NOTICE, PointsRoles.DESK)
		.step(PointsClaimAction.REJECT, EnumSet.of(SUBMITTED), REJECTED, PointsRoles.DESK)
		// the person himself, whatever his role (the policy adds the relation)
		.step(PointsClaimAction.WITHDRAW, EnumSet.of(SUBMITTED), WITHDRAWN, EnumSet.allOf(Role.class))
		.step(PointsClaimAction.OBJECT, EnumSet.of(ON_NOTICE), OBJECTED, OBJECTORS)
		.step(PointsClaimAction.UPHOLD, EnumSet.of(OBJECTED), REJECTED, PointsRoles.DESK)
		.step(PointsClaimAction.DISMISS, EnumSet.of(OBJECTED), ON_NOTICE, PointsRoles.DESK)
		// the notice sweep's step: nobody offers it
		.step(PointsClaimAction.CREDIT, EnumSet.of(ON_NOTICE), CREDITED, Set.of())
		.build();

	private PointsClaimLifecycle() {
	}
}

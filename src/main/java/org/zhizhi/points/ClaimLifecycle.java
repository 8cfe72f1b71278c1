package org.zhizhi.points;

import static org.zhizhi.points.ClaimState.CREDITED;
import static org.zhizhi.points.ClaimState.OBJECTED;
import static org.zhizhi.points.ClaimState.ON_NOTICE;
import static org.zhizhi.points.ClaimState.REJECTED;
import static org.zhizhi.points.ClaimState.SUBMITTED;
import static org.zhizhi.points.ClaimState.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/**
 * A claim's life as a table: SUBMITTED → ON_NOTICE (approved) or REJECTED or WITHDRAWN; ON_NOTICE → OBJECTED → back
 * ON_NOTICE (dismissed) or REJECTED (upheld); ON_NOTICE → CREDITED when the notice has run. {@link PointsClaim} asks
 * it before every step and {@link ClaimPolicy} before offering one.
 */
public final class ClaimLifecycle {

	/** Everyone of the place may object while a claim is on notice. */
	static final Set<Role> OBJECTORS = EnumSet.of(Role.RESIDENT, Role.PARTY_MEMBER, Role.GRID_WORKER,
			Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN, Role.PROPERTY_STAFF, Role.PARTNER_LIAISON);

	public static final Lifecycle<ClaimState, ClaimAction> TABLE = Lifecycle
		.of(ClaimState.class, ClaimAction.class, "points.claimIllegalTransition")
		.step(ClaimAction.APPROVE, EnumSet.of(SUBMITTED), ON_NOTICE, PointsRoles.DESK)
		.step(ClaimAction.REJECT, EnumSet.of(SUBMITTED), REJECTED, PointsRoles.DESK)
		// the person himself, whatever his role (the policy adds the relation)
		.step(ClaimAction.WITHDRAW, EnumSet.of(SUBMITTED), WITHDRAWN, EnumSet.allOf(Role.class))
		.step(ClaimAction.OBJECT, EnumSet.of(ON_NOTICE), OBJECTED, OBJECTORS)
		.step(ClaimAction.UPHOLD, EnumSet.of(OBJECTED), REJECTED, PointsRoles.DESK)
		.step(ClaimAction.DISMISS, EnumSet.of(OBJECTED), ON_NOTICE, PointsRoles.DESK)
		// the notice sweep's step: nobody offers it
		.step(ClaimAction.CREDIT, EnumSet.of(ON_NOTICE), CREDITED, Set.of())
		.build();

	private ClaimLifecycle() {
	}
}

package org.zhizhi.servicepoint;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/**
 * REQUESTED —ASSIGN→ ASSIGNED (the desk or a grid worker; again from ASSIGNED to give it to another runner)
 * —HAND_BACK→ REQUESTED (its runner cannot do it) —COMPLETE→ DONE (its runner, with proof) —CONFIRM→ CONFIRMED (the
 * resident's household, or whoever asked for him); CANCEL from REQUESTED or ASSIGNED (the requester or the desk). The
 * roles of the runner's, the resident's and the requester's steps are everyone's: the policy's relations decide.
 */
public final class ErrandLifecycle {

	/** Who assigns errands: the desk, and the grid worker who sits on the hotline. */
	public static final Set<Role> ASSIGNERS = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.GRID_WORKER);

	public static final Lifecycle<ErrandState, ErrandAction> TABLE = Lifecycle
		.of(ErrandState.class, ErrandAction.class, "servicepoint.errandIllegalTransition")
		.step(ErrandAction.ASSIGN, EnumSet.of(ErrandState.REQUESTED, ErrandState.ASSIGNED), ErrandState.ASSIGNED,
				ASSIGNERS)
		.step(ErrandAction.HAND_BACK, EnumSet.of(ErrandState.ASSIGNED), ErrandState.REQUESTED, EnumSet.allOf(Role.class))
		.step(ErrandAction.COMPLETE, EnumSet.of(ErrandState.ASSIGNED), ErrandState.DONE, EnumSet.allOf(Role.class))
		.step(ErrandAction.CONFIRM, EnumSet.of(ErrandState.DONE), ErrandState.CONFIRMED, EnumSet.allOf(Role.class))
		.step(ErrandAction.CANCEL, EnumSet.of(ErrandState.REQUESTED, ErrandState.ASSIGNED), ErrandState.CANCELLED,
				EnumSet.allOf(Role.class))
		.build();

	private ErrandLifecycle() {
	}
}

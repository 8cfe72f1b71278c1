package org.zhizhi.volunteer;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/** ACTIVE —VISIT→ ACTIVE (its helper, whatever his role: the policy says) —END→ ENDED (the desk of its scope). */
public final class PairingLifecycle {

	public static final Lifecycle<PairingState, PairingAction> TABLE = Lifecycle
		.of(PairingState.class, PairingAction.class, "volunteer.pairingIllegalTransition")
		.stay(PairingAction.VISIT, EnumSet.of(PairingState.ACTIVE), EnumSet.allOf(Role.class))
		.step(PairingAction.END, EnumSet.of(PairingState.ACTIVE), PairingState.ENDED, VolunteerRoles.DESK)
		.build();

	private PairingLifecycle() {
	}
}

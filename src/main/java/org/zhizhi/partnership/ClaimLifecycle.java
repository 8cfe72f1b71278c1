package org.zhizhi.partnership;

import static org.zhizhi.partnership.ClaimStatus.ACCEPTED;
import static org.zhizhi.partnership.ClaimStatus.DELIVERED;
import static org.zhizhi.partnership.ClaimStatus.PLEDGED;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;

/**
 * The pledge's life cycle as a table ({@link Lifecycle}): PLEDGED → DELIVERED → ACCEPTED, or sent back from DELIVERED
 * to PLEDGED. {@link Pledge} asks it in each step method, before the versioned save. A refused step is the table's own
 * refusal: 409 {@code ILLEGAL_TRANSITION} with {@code partnership.claimState}, naming the pledge's state (the pages put
 * it in words).
 * Who delivers is the staff or the deliverer's liaison ({@link ClaimPolicy} adds that a liaison acts for his own unit
 * only); the community's staff accept or send back.
 */
public final class ClaimLifecycle {

	public static final Lifecycle<ClaimStatus, ClaimAction> TABLE = Lifecycle
		.of(ClaimStatus.class, ClaimAction.class, "partnership.claimState")
		.stay(ClaimAction.PROGRESS, EnumSet.of(PLEDGED), PartnershipRoles.STAFF_AND_LIAISONS)
		.step(ClaimAction.DELIVER, EnumSet.of(PLEDGED), DELIVERED, PartnershipRoles.STAFF_AND_LIAISONS)
		.step(ClaimAction.ACCEPT, EnumSet.of(DELIVERED), ACCEPTED, PartnershipRoles.STAFF)
		.step(ClaimAction.SEND_BACK, EnumSet.of(DELIVERED), PLEDGED, PartnershipRoles.STAFF)
		.build();

	private ClaimLifecycle() {
	}
}

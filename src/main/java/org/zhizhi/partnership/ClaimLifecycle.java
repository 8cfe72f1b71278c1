package org.zhizhi.partnership;

import static org.zhizhi.partnership.ClaimStatus.ACCEPTED;
import static org.zhizhi.partnership.ClaimStatus.DELIVERED;
import static org.zhizhi.partnership.ClaimStatus.PLEDGED;

import java.util.EnumSet;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Lifecycle;

/**
 * The pledge's life cycle as a table ({@link Lifecycle}): PLEDGED → DELIVERED → ACCEPTED, or sent back from DELIVERED
 * to PLEDGED. {@link Claims} asks it before each conditional UPDATE; the UPDATE's row count still decides a race. A
 * refused step is 409 {@code ILLEGAL_TRANSITION} with {@code partnership.claimState}, naming the pledge's state — as
 * the state itself, which the pages put in words ({@link #require}, {@link #refused}), not as its name.
 * Who delivers is the staff or the deliverer's liaison (the commands add that a liaison acts for his own unit only);
 * the community's staff accept or send back.
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

	/** Refuses the action from a state the table does not allow it from. */
	public static void require(ClaimStatus current, ClaimAction action) {
		if (!TABLE.allows(current, action)) {
			throw refused(current);
		}
	}

	/** The refusal of a step from the wrong state: 409 {@code ILLEGAL_TRANSITION} naming the pledge's state. */
	public static DomainException refused(ClaimStatus current) {
		return new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "partnership.claimState", current);
	}
}

package org.zhizhi.partnership;

import static org.zhizhi.partnership.ItemStatus.COMPLETED;
import static org.zhizhi.partnership.ItemStatus.FULLY_CLAIMED;
import static org.zhizhi.partnership.ItemStatus.OPEN;
import static org.zhizhi.partnership.ItemStatus.WITHDRAWN;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;

/**
 * The list item's life cycle as a table ({@link Lifecycle}): OPEN → FULLY_CLAIMED → COMPLETED, or OPEN → WITHDRAWN.
 * {@link Item} asks it in each step method, before the save; a take's conditional UPDATE still decides a race
 * (claimers at once never take more than the quantity). Two refusals, as the API has always answered them, both the
 * table's, naming the item's state (the pages put it in words): a withdrawal (or a completion) from the wrong state is
 * 409 {@code ILLEGAL_TRANSITION} with {@code partnership.notWithdrawable}; a claim of an item that is no longer open is
 * 409 {@code NOT_OPEN} with {@code partnership.notOpen} — the TAKE row's own refusal.
 */
public final class ItemLifecycle {

	public static final Lifecycle<ItemStatus, ItemAction> TABLE = Lifecycle
		.of(ItemStatus.class, ItemAction.class, "partnership.notWithdrawable")
		// staff for a unit, the unit's liaison for itself; the community (its staff) takes a resource
		.step(ItemAction.TAKE, EnumSet.of(OPEN), EnumSet.of(OPEN, FULLY_CLAIMED), PartnershipRoles.STAFF_AND_LIAISONS)
		.refusing(ItemAction.TAKE, "NOT_OPEN", "partnership.notOpen")
		// staff, or the liaison of the unit that offered it
		.step(ItemAction.WITHDRAW, EnumSet.of(OPEN), WITHDRAWN, PartnershipRoles.STAFF_AND_LIAISONS)
		// follows the acceptance of the last pledge, by the staff who accept
		.step(ItemAction.COMPLETE, EnumSet.of(FULLY_CLAIMED), COMPLETED, PartnershipRoles.STAFF)
		.build();

	private ItemLifecycle() {
	}
}

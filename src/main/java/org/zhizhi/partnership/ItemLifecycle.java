package org.zhizhi.partnership;

import static org.zhizhi.partnership.ItemStatus.COMPLETED;
import static org.zhizhi.partnership.ItemStatus.FULLY_CLAIMED;
import static org.zhizhi.partnership.ItemStatus.OPEN;
import static org.zhizhi.partnership.ItemStatus.WITHDRAWN;

import java.util.EnumSet;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Lifecycle;

/**
 * The list item's life cycle as a table ({@link Lifecycle}): OPEN → FULLY_CLAIMED → COMPLETED, or OPEN → WITHDRAWN.
 * {@link Claims} and {@link ListItems} ask it before each conditional UPDATE; the UPDATE's row count still decides a
 * race (claimers at once never take more than the quantity). Two refusals, as the API has always answered them, each
 * naming the item's state as the state itself (the pages put it in words): a withdrawal from the wrong state (or of an
 * item somebody claimed) is 409 {@code ILLEGAL_TRANSITION} with {@code partnership.notWithdrawable}
 * ({@link #notWithdrawable}); a claim of an item that is no longer open is 409 {@code NOT_OPEN} ({@link #notOpen}).
 */
public final class ItemLifecycle {

	public static final Lifecycle<ItemStatus, ItemAction> TABLE = Lifecycle
		.of(ItemStatus.class, ItemAction.class, "partnership.notWithdrawable")
		// staff for a unit, the unit's liaison for itself; the community (its staff) takes a resource
		.step(ItemAction.TAKE, EnumSet.of(OPEN), EnumSet.of(OPEN, FULLY_CLAIMED), PartnershipRoles.STAFF_AND_LIAISONS)
		// staff, or the liaison of the unit that offered it
		.step(ItemAction.WITHDRAW, EnumSet.of(OPEN), WITHDRAWN, PartnershipRoles.STAFF_AND_LIAISONS)
		// follows the acceptance of the last pledge, by the staff who accept
		.step(ItemAction.COMPLETE, EnumSet.of(FULLY_CLAIMED), COMPLETED, PartnershipRoles.STAFF)
		.build();

	private ItemLifecycle() {
	}

	/** The refusal of a withdrawal: 409 {@code ILLEGAL_TRANSITION} naming the item's state. */
	public static DomainException notWithdrawable(ItemStatus current) {
		return new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "partnership.notWithdrawable", current);
	}

	/** The refusal of a claim on an item that is no longer open: 409 {@code NOT_OPEN} naming its state. */
	public static DomainException notOpen(ItemStatus current) {
		return new DomainException(Category.CONFLICT, "NOT_OPEN", "partnership.notOpen", current);
	}
}

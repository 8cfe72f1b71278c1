package org.zhizhi.partnership;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.partnership.PartnershipManagement.Access;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * The one answer to "what may this person do with this list item now": the steps {@link ItemLifecycle} allows from
 * its state to his roles, and the item's relations. A need or project is taken by a unit — recorded by the staff, or
 * by its liaison for his own unit, once ({@code claimedByHisUnit}: his unit holds a pledge on it already, and a second
 * claim would only answer that one); a resource is taken by the community, so by its staff. An item nobody has claimed
 * yet is withdrawn by the staff or by the liaison of the unit that offered it. COMPLETE follows the acceptance of the
 * last pledge and is nobody's button. The API's item detail and the desk offer exactly {@link #allowedActions}; the
 * commands ({@link Claims}, {@link ListItems}) throw {@link #refusal}, from which it is built.
 */
public final class ItemPolicy {

	private ItemPolicy() {
	}

	public static Set<ItemAction> allowedActions(Access access, ListItem item, boolean claimedByHisUnit) {
		Set<ItemAction> actions = EnumSet.noneOf(ItemAction.class);
		for (ItemAction action : ItemLifecycle.TABLE.actionsFrom(item.status())) {
			if (refusal(access, item.kind(), item.offeredBy(), action) == null
					&& ready(access, item, claimedByHisUnit, action)) {
				actions.add(action);
			}
		}
		return actions;
	}

	/**
	 * Why the actor may not take the step on the item, whatever state it is in, or null if he may; the commands throw
	 * it, the pages leave the step out. What is left, that nobody claimed it yet and the state are the item's to refuse
	 * ({@link Item}); a second claim by his unit only answers the pledge it holds.
	 */
	public static DomainException refusal(Access access, Item item, ItemAction action) {
		return refusal(access, item.kind(), item.offeredBy(), action);
	}

	private static DomainException refusal(Access access, ItemKind kind, UUID offeredBy, ItemAction action) {
		if (!ItemLifecycle.TABLE.mayTake(access.roles(), action)) {
			return forbidden("problem.forbidden");
		}
		return switch (action) {
			// a resource is taken by the community, so by its staff
			case TAKE -> access.liaison() && !kind.claimedByPartners()
					? forbidden("partnership.communityClaimsResources") : null;
			case WITHDRAW -> access.staff() || access.liaison() && access.partnerId().equals(offeredBy) ? null
					: forbidden("problem.forbidden");
			// follows the acceptance of the last pledge: nobody's button
			case COMPLETE -> forbidden("problem.forbidden");
		};
	}

	/** What the item must be for the step to be offered: something left and not yet his unit's; nothing claimed. */
	private static boolean ready(Access access, ListItem item, boolean claimedByHisUnit, ItemAction action) {
		return switch (action) {
			case TAKE -> item.remaining().signum() > 0 && !(access.liaison() && claimedByHisUnit);
			case WITHDRAW -> item.claimed().signum() == 0;
			case COMPLETE -> true;
		};
	}

	private static DomainException forbidden(String messageKey) {
		return new DomainException(Category.FORBIDDEN, "FORBIDDEN", messageKey);
	}
}

package org.zhizhi.partnership;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.partnership.PartnershipManagement.Access;

/**
 * The one answer to "what may this person do with this list item now": the steps {@link ItemLifecycle} allows from
 * its state to his roles, and the item's relations. A need or project is taken by a unit — recorded by the staff, or
 * by its liaison for his own unit, once ({@code claimedByHisUnit}: his unit holds a pledge on it already, and a second
 * claim would only answer that one); a resource is taken by the community, so by its staff. An item nobody has claimed
 * yet is withdrawn by the staff or by the liaison of the unit that offered it. COMPLETE follows the acceptance of the
 * last pledge and is nobody's button. The API's item detail and the desk offer exactly {@link #allowedActions}.
 */
public final class ItemPolicy {

	private ItemPolicy() {
	}

	public static Set<ItemAction> allowedActions(Access access, ListItem item, boolean claimedByHisUnit) {
		Set<ItemAction> actions = EnumSet.noneOf(ItemAction.class);
		for (ItemAction action : ItemLifecycle.TABLE.actionsFrom(item.status())) {
			if (ItemLifecycle.TABLE.mayTake(access.roles(), action) && related(access, item, claimedByHisUnit, action)) {
				actions.add(action);
			}
		}
		return actions;
	}

	private static boolean related(Access access, ListItem item, boolean claimedByHisUnit, ItemAction action) {
		return switch (action) {
			case TAKE -> item.remaining().signum() > 0 && (access.staff()
					|| access.liaison() && item.kind().claimedByPartners() && !claimedByHisUnit);
			// that nobody claimed it yet is the item's own rule (ListItems refuses the same)
			case WITHDRAW -> item.claimed().signum() == 0
					&& (access.staff() || access.liaison() && access.partnerId().equals(item.offeredBy()));
			case COMPLETE -> false;
		};
	}
}

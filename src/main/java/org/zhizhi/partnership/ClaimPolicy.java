package org.zhizhi.partnership;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.partnership.PartnershipManagement.Access;

/**
 * The one answer to "what may this person do with this pledge now": the steps {@link ClaimLifecycle} allows from its
 * state to his roles, and the pledge's relation — a liaison delivers his own unit's pledges only (another unit's does
 * not exist for him), the community's staff deliver for any unit of their scope, accept and send back. The pledge was
 * read in his scope, which is the rest of the staff's relation. The API's item detail and the desk offer exactly
 * {@link #allowedActions}; the commands ({@link Claims}) refuse the same.
 */
public final class ClaimPolicy {

	private ClaimPolicy() {
	}

	public static Set<ClaimAction> allowedActions(Access access, Claim claim) {
		Set<ClaimAction> actions = EnumSet.noneOf(ClaimAction.class);
		for (ClaimAction action : ClaimLifecycle.TABLE.actionsFrom(claim.status())) {
			if (ClaimLifecycle.TABLE.mayTake(access.roles(), action) && related(access, claim, action)) {
				actions.add(action);
			}
		}
		return actions;
	}

	private static boolean related(Access access, Claim claim, ClaimAction action) {
		return switch (action) {
			case PROGRESS, DELIVER -> access.staff() || access.liaison() && access.partnerId().equals(claim.partnerId());
			case ACCEPT, SEND_BACK -> access.staff();
		};
	}
}

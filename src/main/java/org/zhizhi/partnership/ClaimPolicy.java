package org.zhizhi.partnership;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.partnership.PartnershipManagement.Access;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * The one answer to "what may this person do with this pledge now": the steps {@link ClaimLifecycle} allows from its
 * state to his roles, and the pledge's relation — a liaison delivers his own unit's pledges only (another unit's does
 * not exist for him), the community's staff deliver for any unit of their scope, accept and send back. The pledge was
 * read in his scope, which is the rest of the staff's relation. The API's item detail and the desk offer exactly
 * {@link #allowedActions}; the commands ({@link Claims}) throw {@link #refusal}, from which it is built.
 */
public final class ClaimPolicy {

	private ClaimPolicy() {
	}

	public static Set<ClaimAction> allowedActions(Access access, Claim claim) {
		Set<ClaimAction> actions = EnumSet.noneOf(ClaimAction.class);
		for (ClaimAction action : ClaimLifecycle.TABLE.actionsFrom(claim.status())) {
			if (refusal(access, claim.partnerId(), action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	/**
	 * Refuses, before the pledge is read, whoever may not take the step whatever the pledge: the community's steps to
	 * a liaison, any step to roles the table does not name (403 before 404, whatever the id). Null if the pledge
	 * decides.
	 */
	public static DomainException refusalBeforeReading(Access access, ClaimAction action) {
		if (!ClaimLifecycle.TABLE.mayTake(access.roles(), action)) {
			return forbidden();
		}
		return switch (action) {
			case PROGRESS, DELIVER -> null;
			case ACCEPT, SEND_BACK -> access.staff() ? null : forbidden();
		};
	}

	/**
	 * Why the actor may not take the step on the pledge, whatever state it is in, or null if he may; the commands
	 * throw it, the pages leave the step out. That the state allows the step is the pledge's to refuse (its table).
	 */
	public static DomainException refusal(Access access, Pledge pledge, ClaimAction action) {
		return refusal(access, pledge.partnerId(), action);
	}

	private static DomainException refusal(Access access, UUID deliverer, ClaimAction action) {
		DomainException before = refusalBeforeReading(access, action);
		if (before != null) {
			return before;
		}
		return switch (action) {
			// another unit's pledge does not exist for a liaison: the same 404 as one outside his scope
			case PROGRESS, DELIVER -> access.staff() || access.liaison() && access.partnerId().equals(deliverer) ? null
					: DomainException.notFound("claim");
			case ACCEPT, SEND_BACK -> null;
		};
	}

	private static DomainException forbidden() {
		return new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
	}
}

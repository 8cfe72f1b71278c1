package org.zhizhi.property;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * Who records a dispute's steps: the desk of the estate's scope (it sits for the residents' committee at the three
 * parties' table); anyone else does not see it. A settlement is offered once the parties have met, a closing once the
 * agreement's keeping was followed up. The commands enforce {@link #refusal}; the pages offer {@link #allowedActions}.
 */
public final class DisputePolicy {

	private DisputePolicy() {
	}

	public static Set<DisputeAction> allowedActions(Actor actor, Dispute dispute, boolean inScope) {
		Set<DisputeAction> actions = EnumSet.noneOf(DisputeAction.class);
		for (DisputeAction action : DisputeLifecycle.TABLE.actionsFrom(dispute.state())) {
			boolean ready = switch (action) {
				case SETTLE -> dispute.sessions() > 0;
				case CLOSE -> dispute.followUps() > 0;
				default -> true;
			};
			if (ready && refusal(actor, inScope, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	static DomainException refusal(Actor actor, boolean inScope, DisputeAction action) {
		if (!inScope) {
			return DomainException.notFound("dispute");
		}
		if (!DisputeLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		return null;
	}

	static void require(Actor actor, Dispute dispute, boolean inScope, DisputeAction action) {
		DomainException refused = refusal(actor, inScope, action);
		if (refused != null) {
			throw refused;
		}
		DisputeLifecycle.TABLE.require(dispute.state(), action);
	}
}

package org.zhizhi.servicepoint;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * Who may do what to an errand: the desk of its scope (and a grid worker of it) assigns it; only its runner hands it
 * back or completes it; the resident's household confirms it — or, when someone asked for him, that person after
 * calling him (never the runner his own work); the requester or the desk cancels it. Anyone else does not see it. The commands enforce
 * {@link #refusal}; the API, the desk and the phone pages offer {@link #allowedActions}.
 */
public final class ErrandPolicy {

	/** How the actor stands to the errand. */
	public record Relation(boolean requester, boolean runner, boolean household, boolean desk) {

		boolean sees() {
			return requester || runner || household || desk;
		}
	}

	private ErrandPolicy() {
	}

	public static Set<ErrandAction> allowedActions(Actor actor, Errand errand, Relation relation) {
		Set<ErrandAction> actions = EnumSet.noneOf(ErrandAction.class);
		for (ErrandAction action : ErrandLifecycle.TABLE.actionsFrom(errand.state())) {
			if (refusal(actor, errand, relation, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	static DomainException refusal(Actor actor, Errand errand, Relation relation, ErrandAction action) {
		if (!relation.sees()) {
			return DomainException.notFound("errand");
		}
		if (!ErrandLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		return switch (action) {
			case ASSIGN -> relation.desk() ? null : forbidden();
			case HAND_BACK, COMPLETE -> relation.runner() ? null
					: new DomainException(Category.FORBIDDEN, "NOT_THE_RUNNER", "servicepoint.notTheRunner");
			case CONFIRM -> relation.runner()
					? new DomainException(Category.FORBIDDEN, "OWN_WORK", "servicepoint.ownWork")
					: relation.household()
					|| (relation.requester() && errand.terms().channel() != ErrandChannel.SELF) ? null
							: new DomainException(Category.FORBIDDEN, "NOT_THE_RESIDENT", "servicepoint.notTheResident");
			case CANCEL -> relation.requester() || relation.desk() ? null : forbidden();
		};
	}

	static void require(Actor actor, Errand errand, Relation relation, ErrandAction action) {
		DomainException refused = refusal(actor, errand, relation, action);
		if (refused != null) {
			throw refused;
		}
		errand.check(action);
	}

	private static DomainException forbidden() {
		return new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
	}
}

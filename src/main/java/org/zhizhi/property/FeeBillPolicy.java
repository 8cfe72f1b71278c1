package org.zhizhi.property;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * Who may do what to a bill: the guardian of its building (守护楼员) collects it, and the desk of the estate's scope
 * records a transfer or exempts it — an exemption is the body's decision, never the collector's. Nobody else sees a
 * household's bill. The commands enforce {@link #refusal}; the pages and the API offer {@link #allowedActions}.
 */
public final class FeeBillPolicy {

	/** How the actor stands to the bill: the guardian of its building, or the desk of its scope. */
	public record Relation(boolean guardian, boolean desk) {
	}

	private FeeBillPolicy() {
	}

	public static Set<FeeBillAction> allowedActions(Actor actor, FeeBill bill, Relation relation) {
		Set<FeeBillAction> actions = EnumSet.noneOf(FeeBillAction.class);
		for (FeeBillAction action : FeeBillLifecycle.TABLE.actionsFrom(bill.state())) {
			if (refusal(actor, relation, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	static DomainException refusal(Actor actor, Relation relation, FeeBillAction action) {
		if (!relation.guardian() && !relation.desk()) {
			return DomainException.notFound("bill");
		}
		if (!FeeBillLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		return switch (action) {
			case PAY -> null;
			case EXEMPT -> relation.desk() ? null
					: new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		};
	}

	static void require(Actor actor, FeeBill bill, Relation relation, FeeBillAction action) {
		DomainException refused = refusal(actor, relation, action);
		if (refused != null) {
			throw refused;
		}
		bill.check(action);
	}
}

package org.zhizhi.volunteer;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * Who may do what to a pairing: its helper logs his visits (nobody logs them for him — a visit is his word that he
 * went); the desk of its scope ends it. Anyone else does not see it. The commands enforce {@link #refusal}; the pages
 * and the API offer {@link #allowedActions}.
 */
public final class PairingPolicy {

	/** How the actor stands to the pairing: its helper, or the desk of its scope. */
	public record Relation(boolean helper, boolean desk) {
	}

	private PairingPolicy() {
	}

	public static Set<PairingAction> allowedActions(Actor actor, Pairing pairing, Relation relation) {
		Set<PairingAction> actions = EnumSet.noneOf(PairingAction.class);
		for (PairingAction action : PairingLifecycle.TABLE.actionsFrom(pairing.state())) {
			if (refusal(actor, relation, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	static DomainException refusal(Actor actor, Relation relation, PairingAction action) {
		if (!relation.helper() && !relation.desk()) {
			return DomainException.notFound("pairing");
		}
		if (!PairingLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		return switch (action) {
			case VISIT -> relation.helper() ? null
					: new DomainException(Category.FORBIDDEN, "NOT_THE_HELPER", "volunteer.notTheHelper");
			case END -> relation.desk() ? null : new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		};
	}

	static void require(Actor actor, Pairing pairing, Relation relation, PairingAction action) {
		DomainException refused = refusal(actor, relation, action);
		if (refused != null) {
			throw refused;
		}
		pairing.check(action);
	}
}

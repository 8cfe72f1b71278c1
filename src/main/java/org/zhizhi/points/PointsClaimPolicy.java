package org.zhizhi.points;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * The one answer to "what may this person do with this claim now": the table's states and roles plus the claim's
 * relations — the desk of its scope vets it (never his own deed or nomination), the person or his nominator withdraws
 * it, anyone of the scheme's place but the person objects while it is on notice. The commands enforce
 * {@link #refusal}; the API and the pages offer exactly {@link #allowedActions}.
 */
public final class PointsClaimPolicy {

	/** How the actor stands to the claim: it is his (claimed or nominated), his desk's, or of his place. */
	public record Relation(boolean own, boolean claimant, boolean desk, boolean ofPlace) {
	}

	private PointsClaimPolicy() {
	}

	public static Set<PointsClaimAction> allowedActions(Actor actor, PointsClaim claim, Relation relation) {
		Set<PointsClaimAction> actions = EnumSet.noneOf(PointsClaimAction.class);
		for (PointsClaimAction action : PointsClaimLifecycle.TABLE.actionsFrom(claim.state())) {
			if (action != PointsClaimAction.CREDIT && refusal(actor, relation, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	/** Why the actor may not take the step whatever the claim's state, or null if he may. */
	static DomainException refusal(Actor actor, Relation relation, PointsClaimAction action) {
		if (!PointsClaimLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		return switch (action) {
			case APPROVE, REJECT, UPHOLD, DISMISS -> !relation.desk() ? DomainException.notFound("claim")
					: relation.own() ? new DomainException(Category.FORBIDDEN, "OWN_CLAIM", "points.ownClaim") : null;
			case WITHDRAW -> relation.own() ? null
					: new DomainException(Category.FORBIDDEN, "NOT_YOUR_CLAIM", "points.notYourClaim");
			case OBJECT -> !relation.ofPlace() && !relation.desk() ? DomainException.notFound("claim")
					: relation.claimant() ? new DomainException(Category.FORBIDDEN, "OWN_CLAIM", "points.ownClaim")
							: null;
			case SUBMIT, CREDIT -> new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		};
	}

	static void require(Actor actor, PointsClaim claim, Relation relation, PointsClaimAction action) {
		DomainException refused = refusal(actor, relation, action);
		if (refused != null) {
			throw refused;
		}
		claim.check(action);
	}
}

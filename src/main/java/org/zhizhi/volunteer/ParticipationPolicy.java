package org.zhizhi.volunteer;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * What a person may do with a participation now: his own he cancels, checks in and out of; the organiser (the
 * activity's, the team's leader, the desk of its scope) approves the hours, marks absence and corrects — never his own
 * hours (谁组织谁记录: the one who records is not the one who served). The commands enforce {@link #refusal}; the pages
 * and the API offer {@link #allowedActions}.
 */
public final class ParticipationPolicy {

	/** How the actor stands to it: his own, or he organises the activity. */
	public record Relation(boolean own, boolean organiser) {
	}

	private static final Set<ParticipationAction> OWN = EnumSet.of(ParticipationAction.CANCEL,
			ParticipationAction.CHECK_IN, ParticipationAction.CHECK_OUT);

	private static final Set<ParticipationAction> ORGANISING = EnumSet.of(ParticipationAction.APPROVE,
			ParticipationAction.MARK_ABSENT, ParticipationAction.CORRECT);

	private ParticipationPolicy() {
	}

	public static Set<ParticipationAction> allowedActions(Actor actor, Participation participation, Relation relation) {
		Set<ParticipationAction> actions = EnumSet.noneOf(ParticipationAction.class);
		for (ParticipationAction action : ParticipationLifecycle.TABLE.actionsFrom(participation.state())) {
			if (refusal(actor, relation, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	static DomainException refusal(Actor actor, Relation relation, ParticipationAction action) {
		if (!ParticipationLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		if (OWN.contains(action)) {
			return relation.own() ? null : DomainException.notFound("participation");
		}
		if (ORGANISING.contains(action)) {
			if (!relation.organiser()) {
				return new DomainException(Category.FORBIDDEN, "NOT_THE_ORGANISER", "volunteer.notTheOrganiser");
			}
			return relation.own() ? new DomainException(Category.FORBIDDEN, "OWN_HOURS", "volunteer.ownHours") : null;
		}
		return new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
	}

	static void require(Actor actor, Participation participation, Relation relation, ParticipationAction action) {
		DomainException refused = refusal(actor, relation, action);
		if (refused != null) {
			throw refused;
		}
		participation.check(action);
	}
}

package org.zhizhi.command;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * Who may do what with an emergency whistle: the leaders whose scope covers its whole area see it and stand it down;
 * each person called sees it and answers for himself, and only while it is calling; nobody else sees it (404). The
 * facade enforces {@link #refusal}; the API, the desk and the phone offer {@link #allowedActions} and
 * {@link #allowedAnswers}.
 */
public final class EmergencyPolicy {

	/** How the actor stands to the whistle: a leader of its area, and/or one of the people it called. */
	public record Relation(boolean leader, boolean callee) {

		boolean sees() {
			return leader || callee;
		}
	}

	private EmergencyPolicy() {
	}

	public static Set<EmergencyAction> allowedActions(Actor actor, EmergencyWhistle whistle, Relation relation) {
		Set<EmergencyAction> actions = EnumSet.noneOf(EmergencyAction.class);
		for (EmergencyAction action : EmergencyLifecycle.WHISTLE.actionsFrom(whistle.state())) {
			if (refusal(actor, relation, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	/** The answers the person called may give now: none once the whistle is stood down, or when he is not called. */
	public static Set<AnswerAction> allowedAnswers(EmergencyWhistle whistle, EmergencyCallee callee) {
		Set<AnswerAction> answers = EnumSet.noneOf(AnswerAction.class);
		if (callee != null && whistle.calling()) {
			answers.addAll(EmergencyLifecycle.ANSWER.actionsFrom(callee.state()));
		}
		return answers;
	}

	static DomainException refusal(Actor actor, Relation relation, EmergencyAction action) {
		if (!relation.sees()) {
			return DomainException.notFound("emergency");
		}
		if (!relation.leader() || !EmergencyLifecycle.WHISTLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		return null;
	}

	static void require(Actor actor, EmergencyWhistle whistle, Relation relation, EmergencyAction action) {
		DomainException refused = refusal(actor, relation, action);
		if (refused != null) {
			throw refused;
		}
		EmergencyLifecycle.WHISTLE.require(whistle.state(), action);
	}

	/** Only the person called answers, and only while the whistle calls. */
	static void requireAnswer(Relation relation, EmergencyWhistle whistle, EmergencyCallee callee,
			AnswerAction action) {
		if (!relation.sees()) {
			throw DomainException.notFound("emergency");
		}
		if (callee == null) {
			throw new DomainException(Category.FORBIDDEN, "NOT_CALLED", "command.notCalled");
		}
		if (!whistle.calling()) {
			throw new DomainException(Category.CONFLICT, "STOOD_DOWN", "command.emergencyStoodDown");
		}
		callee.check(action);
	}
}

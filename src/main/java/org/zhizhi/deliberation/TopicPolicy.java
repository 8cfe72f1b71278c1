package org.zhizhi.deliberation;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Role;

/**
 * The one answer to "what may this person do with this topic now": the table's states and roles plus the topic's
 * relations — a household acts on topics of its own home's place, the desk on topics of its scope, the raiser may
 * withdraw his own. The commands enforce {@link #refusal}; the API's detail and the pages offer exactly
 * {@link #allowedActions}; a screen never decides.
 */
public final class TopicPolicy {

	/**
	 * How the actor stands to the topic: his household is among those concerned (a resident whose home is in its
	 * place) and whether it co-signed or rated already; the topic lies in his scope (staff).
	 */
	public record Relation(boolean household, boolean inScope, boolean cosigned, boolean rated, boolean fundOpen,
			boolean pledged) {
	}

	private TopicPolicy() {
	}

	public static Set<TopicAction> allowedActions(Actor actor, Topic topic, Relation relation) {
		Set<TopicAction> actions = EnumSet.noneOf(TopicAction.class);
		for (TopicAction action : TopicLifecycle.TABLE.actionsFrom(topic.state())) {
			if (!TopicLifecycle.NOT_OFFERED.contains(action) && refusal(actor, topic, relation, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	/** Why the actor may not take the step on the topic whatever its state, or null if he may. */
	public static DomainException refusal(Actor actor, Topic topic, Relation relation, TopicAction action) {
		if (!relation.household() && !relation.inScope()) {
			return DomainException.notFound("topic");
		}
		if (!TopicLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return forbidden();
		}
		boolean desk = relation.inScope() && actor.hasAny(DeliberationRoles.DESK);
		return switch (action) {
			// a household's own voice: only from a household concerned
			case COSIGN -> !relation.household() ? notAHousehold() : relation.cosigned()
					? new DomainException(Category.CONFLICT, "ALREADY_COSIGNED", "deliberation.alreadyCosigned") : null;
			case RATE -> !relation.household() ? notAHousehold() : relation.rated()
					? new DomainException(Category.CONFLICT, "ALREADY_RATED", "deliberation.alreadyRated") : null;
			// a household on its phone, or the desk's paper ballot for a household it names
			case VOTE -> relation.household() && actor.has(Role.RESIDENT) || desk ? null : notAHousehold();
			case COMMENT -> relation.household() || relation.inScope() ? null : forbidden();
			case WITHDRAW -> actor.userId().equals(topic.raisedBy()) || desk ? null : forbidden();
			case COMPLETE_TASK -> relation.inScope() ? null : forbidden();
			case PLEDGE -> !relation.household() ? notAHousehold() : !relation.fundOpen() ? noFund()
					: relation.pledged()
							? new DomainException(Category.CONFLICT, "ALREADY_PLEDGED", "deliberation.fund.alreadyPledged")
							: null;
			case OPEN_FUND -> !desk ? forbidden() : relation.fundOpen()
					? new DomainException(Category.CONFLICT, "FUND_OPEN", "deliberation.fund.open") : null;
			case RECORD_PAYMENT, RECORD_SPENDING -> !desk ? forbidden() : relation.fundOpen() ? null : noFund();
			case ADMIT, OPEN_ROUND, OPEN_VOTING, CHANGE_RULE, CLOSE_VOTING, RECORD_DECISION, ADD_TASK,
					FINISH_EXECUTION, CLOSE, MERGE -> desk ? null : forbidden();
			case RAISE -> forbidden();
		};
	}

	static void require(Actor actor, Topic topic, Relation relation, TopicAction action) {
		DomainException refusal = refusal(actor, topic, relation, action);
		if (refusal != null) {
			throw refusal;
		}
	}

	private static DomainException forbidden() {
		return new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
	}

	private static DomainException noFund() {
		return new DomainException(Category.CONFLICT, "NO_FUND", "deliberation.fund.none");
	}

	private static DomainException notAHousehold() {
		return new DomainException(Category.FORBIDDEN, "NOT_A_HOUSEHOLD", "deliberation.notAHousehold");
	}
}

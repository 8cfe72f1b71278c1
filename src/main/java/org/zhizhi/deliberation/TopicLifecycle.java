package org.zhizhi.deliberation;

import static org.zhizhi.deliberation.DeliberationRoles.DESK;
import static org.zhizhi.deliberation.DeliberationRoles.HOUSEHOLDS;
import static org.zhizhi.deliberation.DeliberationRoles.RAISERS;
import static org.zhizhi.deliberation.DeliberationRoles.TASK_OWNERS;
import static org.zhizhi.deliberation.DeliberationRoles.union;
import static org.zhizhi.deliberation.TopicState.DELIBERATING;
import static org.zhizhi.deliberation.TopicState.EVALUATING;
import static org.zhizhi.deliberation.TopicState.EXECUTING;
import static org.zhizhi.deliberation.TopicState.FAILED;
import static org.zhizhi.deliberation.TopicState.PASSED;
import static org.zhizhi.deliberation.TopicState.RAISED;
import static org.zhizhi.deliberation.TopicState.VOTING;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Lifecycle;

/**
 * A topic's life cycle as a table: 提事 (RAISED, gathering co-signs) → 议事 (DELIBERATING: comments, opinion rounds,
 * meetings) → 决事 (VOTING by households, or a decision recorded by a meeting or the branch → PASSED / FAILED) → 执事
 * (EXECUTING its tasks) → 评事 (EVALUATING: households rate) → CLOSED; withdrawn or merged before the vote.
 * {@link Topic} asks it before every step, {@link TopicPolicy} before offering one.
 */
public final class TopicLifecycle {

	public static final Lifecycle<TopicState, TopicAction> TABLE = Lifecycle
		.of(TopicState.class, TopicAction.class, "deliberation.illegalTransition")
		.stay(TopicAction.COSIGN, EnumSet.of(RAISED, DELIBERATING), HOUSEHOLDS)
		.stay(TopicAction.COMMENT, EnumSet.of(RAISED, DELIBERATING, VOTING), union(RAISERS, DESK))
		// staff put it on the agenda; a topic whose co-signs reach the threshold goes there by itself
		.step(TopicAction.ADMIT, EnumSet.of(RAISED), DELIBERATING, DESK)
		.stay(TopicAction.OPEN_ROUND, EnumSet.of(DELIBERATING), DESK)
		.step(TopicAction.OPEN_VOTING, EnumSet.of(DELIBERATING), VOTING, DESK)
		// the rule may change until the first vote; Topic refuses it after (RULE_FROZEN)
		.stay(TopicAction.CHANGE_RULE, EnumSet.of(VOTING), DESK)
		// a household on its phone, or the desk entering a paper ballot
		.stay(TopicAction.VOTE, EnumSet.of(VOTING), union(HOUSEHOLDS, DESK))
		.refusing(TopicAction.VOTE, "VOTING_CLOSED", "deliberation.votingClosed")
		.step(TopicAction.CLOSE_VOTING, EnumSet.of(VOTING), EnumSet.of(PASSED, FAILED), DESK)
		// a residents' representatives' meeting or the branch decides, with its minutes
		.step(TopicAction.RECORD_DECISION, EnumSet.of(DELIBERATING), EnumSet.of(PASSED, FAILED), DESK)
		.step(TopicAction.ADD_TASK, EnumSet.of(PASSED, EXECUTING), EXECUTING, DESK)
		.stay(TopicAction.COMPLETE_TASK, EnumSet.of(EXECUTING), TASK_OWNERS)
		.step(TopicAction.FINISH_EXECUTION, EnumSet.of(EXECUTING), EVALUATING, DESK)
		.stay(TopicAction.RATE, EnumSet.of(EVALUATING), HOUSEHOLDS)
		.step(TopicAction.CLOSE, EnumSet.of(EVALUATING, FAILED), TopicState.CLOSED, DESK)
		// its raiser, or the desk
		.step(TopicAction.WITHDRAW, EnumSet.of(RAISED, DELIBERATING), TopicState.WITHDRAWN, union(RAISERS, DESK))
		.step(TopicAction.MERGE, EnumSet.of(RAISED, DELIBERATING), TopicState.MERGED, DESK)
		// 共筹: money for what was decided — opened by the desk, pledged by households, paid and spent on the ledger
		.stay(TopicAction.OPEN_FUND, EnumSet.of(PASSED, EXECUTING), DESK)
		.stay(TopicAction.PLEDGE, EnumSet.of(PASSED, EXECUTING), HOUSEHOLDS)
		.stay(TopicAction.RECORD_PAYMENT, EnumSet.of(PASSED, EXECUTING, EVALUATING), DESK)
		.stay(TopicAction.RECORD_SPENDING, EnumSet.of(PASSED, EXECUTING, EVALUATING), DESK)
		.build();

	/** Steps nobody is offered on a page (RAISE makes the topic). */
	static final Set<TopicAction> NOT_OFFERED = EnumSet.of(TopicAction.RAISE);

	private TopicLifecycle() {
	}
}

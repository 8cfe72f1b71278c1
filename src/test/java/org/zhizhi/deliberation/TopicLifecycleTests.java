package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.zhizhi.deliberation.TopicState.CLOSED;
import static org.zhizhi.deliberation.TopicState.DELIBERATING;
import static org.zhizhi.deliberation.TopicState.EVALUATING;
import static org.zhizhi.deliberation.TopicState.EXECUTING;
import static org.zhizhi.deliberation.TopicState.FAILED;
import static org.zhizhi.deliberation.TopicState.MERGED;
import static org.zhizhi.deliberation.TopicState.PASSED;
import static org.zhizhi.deliberation.TopicState.RAISED;
import static org.zhizhi.deliberation.TopicState.VOTING;
import static org.zhizhi.deliberation.TopicState.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/** Every action from every state of the topic's table, without Spring; and who the table lets take each step. */
class TopicLifecycleTests {

	private static final Map<TopicAction, Set<TopicState>> FROM = new EnumMap<>(TopicAction.class);

	private static final Map<TopicAction, Set<TopicState>> TO = new EnumMap<>(TopicAction.class);

	static {
		from(TopicAction.COSIGN, EnumSet.of(RAISED, DELIBERATING));
		from(TopicAction.COMMENT, EnumSet.of(RAISED, DELIBERATING, VOTING));
		from(TopicAction.ADMIT, EnumSet.of(RAISED), DELIBERATING);
		from(TopicAction.OPEN_ROUND, EnumSet.of(DELIBERATING));
		from(TopicAction.OPEN_VOTING, EnumSet.of(DELIBERATING), VOTING);
		from(TopicAction.CHANGE_RULE, EnumSet.of(VOTING));
		from(TopicAction.VOTE, EnumSet.of(VOTING));
		from(TopicAction.CLOSE_VOTING, EnumSet.of(VOTING), PASSED, FAILED);
		from(TopicAction.RECORD_DECISION, EnumSet.of(DELIBERATING), PASSED, FAILED);
		from(TopicAction.ADD_TASK, EnumSet.of(PASSED, EXECUTING), EXECUTING);
		from(TopicAction.COMPLETE_TASK, EnumSet.of(EXECUTING));
		from(TopicAction.FINISH_EXECUTION, EnumSet.of(EXECUTING), EVALUATING);
		from(TopicAction.RATE, EnumSet.of(EVALUATING));
		from(TopicAction.CLOSE, EnumSet.of(EVALUATING, FAILED), CLOSED);
		from(TopicAction.WITHDRAW, EnumSet.of(RAISED, DELIBERATING), WITHDRAWN);
		from(TopicAction.MERGE, EnumSet.of(RAISED, DELIBERATING), MERGED);
		from(TopicAction.OPEN_FUND, EnumSet.of(PASSED, EXECUTING));
		from(TopicAction.PLEDGE, EnumSet.of(PASSED, EXECUTING));
		from(TopicAction.RECORD_PAYMENT, EnumSet.of(PASSED, EXECUTING, EVALUATING));
		from(TopicAction.RECORD_SPENDING, EnumSet.of(PASSED, EXECUTING, EVALUATING));
	}

	private static void from(TopicAction action, Set<TopicState> from, TopicState... to) {
		FROM.put(action, from);
		TO.put(action, to.length == 0 ? null : EnumSet.of(to[0], to));
	}

	@Test
	void everyActionFromEveryStateIsAllowedWhereTheTableSaysOrRefusedNamingTheState() {
		for (TopicAction action : FROM.keySet()) {
			for (TopicState state : TopicState.values()) {
				if (FROM.get(action).contains(state)) {
					assertThat(TopicLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state).isTrue();
					Set<TopicState> to = TO.get(action);
					for (TopicState target : TopicState.values()) {
						boolean leads = to == null ? target == state : to.contains(target);
						assertThat(TopicLifecycle.TABLE.step(action).leadsTo(state, target))
							.as("%s from %s to %s", action, state, target)
							.isEqualTo(leads);
					}
				}
				else {
					assertThat(TopicLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state).isFalse();
					DomainException refused = catchThrowableOfType(DomainException.class,
							() -> TopicLifecycle.TABLE.require(state, action));
					assertThat(refused.category()).isEqualTo(DomainException.Category.CONFLICT);
					assertThat(refused.args()).containsExactly(state.name(), action.name());
					assertThat(refused.code())
						.isEqualTo(action == TopicAction.VOTE ? "VOTING_CLOSED" : "ILLEGAL_TRANSITION");
				}
			}
		}
	}

	@Test
	void everyActionButRaisingHasItsRow() {
		assertThat(FROM.keySet()).containsExactlyInAnyOrderElementsOf(
				EnumSet.complementOf(EnumSet.of(TopicAction.RAISE)));
	}

	@Test
	void raisingIsNoStepButTheTopicsBeginningAndTheEndsAreEnds() {
		for (TopicState state : TopicState.values()) {
			assertThat(TopicLifecycle.TABLE.allows(state, TopicAction.RAISE)).isFalse();
		}
		for (TopicState end : EnumSet.of(CLOSED, WITHDRAWN, MERGED)) {
			assertThat(TopicLifecycle.TABLE.actionsFrom(end)).as("%s", end).isEmpty();
		}
	}

	@Test
	void householdsVoteCosignAndRateTheDeskRunsTheMeetingAndTheVote() {
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), TopicAction.VOTE)).isTrue();
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), TopicAction.COSIGN)).isTrue();
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), TopicAction.RATE)).isTrue();
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), TopicAction.OPEN_VOTING)).isFalse();
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), TopicAction.CLOSE_VOTING)).isFalse();
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.COMMUNITY_STAFF), TopicAction.CLOSE_VOTING)).isTrue();
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.COMMUNITY_STAFF), TopicAction.VOTE))
			.as("a paper ballot").isTrue();
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.COMMUNITY_STAFF), TopicAction.COSIGN)).isFalse();
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.GRID_WORKER), TopicAction.VOTE)).isFalse();
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.PARTNER_LIAISON), TopicAction.COMMENT)).isFalse();
		assertThat(TopicLifecycle.TABLE.mayTake(Set.of(Role.AUDITOR), TopicAction.COMMENT)).isFalse();
	}

	@Test
	void everyStateBelongsToOneOfTheFiveStages() {
		assertThat(RAISED.stage()).isEqualTo(TopicState.Stage.RAISE);
		assertThat(DELIBERATING.stage()).isEqualTo(TopicState.Stage.DELIBERATE);
		assertThat(VOTING.stage()).isEqualTo(TopicState.Stage.DECIDE);
		assertThat(EXECUTING.stage()).isEqualTo(TopicState.Stage.EXECUTE);
		assertThat(CLOSED.stage()).isEqualTo(TopicState.Stage.EVALUATE);
	}
}

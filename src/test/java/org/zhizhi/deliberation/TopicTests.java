package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.deliberation.TopicEvent.TopicMoved;
import org.zhizhi.shared.DomainException;

/** The topic through its five stages without Spring: each step's own rules and the events it registers. */
class TopicTests {

	private static final Instant T0 = Instant.parse("2026-12-04T02:00:00Z");

	private static final UUID STAFF = UUID.randomUUID();

	private static final Electorate BUILDING = new Electorate(12, 10, new BigDecimal("1000.00"));

	static Topic raised() {
		Topic.Place place = new Topic.Place(PlaceKind.BUILDING, UUID.randomUUID(), "东城花园 3栋", UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "/a/b/c/d/e/f/");
		return Topic.raise(UUID.randomUUID(), place,
				new RaiseTopic("楼道灯坏了", "三楼到六楼的楼道灯坏了一个月，晚上老人上下楼看不见", PlaceKind.BUILDING, null, null, null),
				UUID.randomUUID(), "张居民", UUID.randomUUID(), 3, T0);
	}

	@Test
	void aTopicIsRaisedAndReachesTheAgendaWithEnoughCosigns() {
		Topic topic = raised();
		assertThat(topic.state()).isEqualTo(TopicState.RAISED);
		assertThat(topic.raisedThrough()).isEqualTo(RaisedThrough.RESIDENT_APP);
		assertThat(topic.events()).singleElement().isInstanceOf(TopicEvent.TopicRaised.class);
		assertThat(topic.reachesAgenda(2)).isFalse();
		assertThat(topic.reachesAgenda(3)).isTrue();

		topic.admit(null, null, T0);

		assertThat(topic.state()).isEqualTo(TopicState.DELIBERATING);
		assertThat(topic.reachesAgenda(10)).as("once").isFalse();
		assertThat(topic.events().getLast().note()).isEqualTo("联名达到 3 户");
	}

	@Test
	void opinionRoundsAreCounted() {
		Topic topic = deliberating();
		topic.openRound(STAFF, "东城社区", T0);
		topic.openRound(STAFF, "东城社区", T0);
		assertThat(topic.round()).isEqualTo(2);
		assertThat(topic.events().getLast().note()).isEqualTo("第 2 轮征求意见");
	}

	@Test
	void theRuleMayChangeUntilTheFirstVoteAndIsFrozenAfter() {
		Topic topic = voting(VoteRule.SIMPLE_MAJORITY);
		topic.changeRule(VoteRule.DOUBLE_MAJORITY, 0, STAFF, "东城社区", T0);
		assertThat(topic.voteRule()).isEqualTo(VoteRule.DOUBLE_MAJORITY);

		DomainException frozen = catchThrowableOfType(DomainException.class,
				() -> topic.changeRule(VoteRule.SIMPLE_MAJORITY, 1, STAFF, "东城社区", T0));

		assertThat(frozen.code()).isEqualTo("RULE_FROZEN");
		assertThat(topic.voteRule()).isEqualTo(VoteRule.DOUBLE_MAJORITY);
	}

	@Test
	void closingTheVoteDecidesByTheFrozenRule() {
		Topic passes = voting(VoteRule.DOUBLE_MAJORITY);
		passes.closeVoting(new Tally(6, 6, 0, 6, new BigDecimal("670.00"), BUILDING), STAFF, "东城社区", T0);
		assertThat(passes.state()).isEqualTo(TopicState.PASSED);
		assertThat(passes.decision().passed()).isTrue();
		assertThat(passes.decision().tally().yes()).isEqualTo(6);
		assertThat(passes.events().getLast().note()).isEqualTo("同意 6，反对 6，弃权 0，应参与 12 户");

		Topic fails = voting(VoteRule.DOUBLE_MAJORITY);
		fails.closeVoting(new Tally(6, 6, 0, 6, new BigDecimal("500.00"), BUILDING), STAFF, "东城社区", T0);
		assertThat(fails.state()).isEqualTo(TopicState.FAILED);
	}

	@Test
	void aMeetingsDecisionIsRecordedWithItsMinutesAndAVoteRuleIsNotOne() {
		Topic topic = deliberating();
		DomainException wrong = catchThrowableOfType(DomainException.class,
				() -> topic.recordDecision(VoteRule.SIMPLE_MAJORITY, true, "会议纪要", STAFF, "东城社区", T0));
		assertThat(wrong.code()).isEqualTo("VALIDATION_FAILED");

		topic.recordDecision(VoteRule.REPRESENTATIVES, true, "居民代表会议 23 人到会，一致同意", STAFF, "东城社区", T0);

		assertThat(topic.state()).isEqualTo(TopicState.PASSED);
		assertThat(topic.decision().note()).isEqualTo("居民代表会议 23 人到会，一致同意");
		assertThat(topic.decision().tally()).isNull();
	}

	@Test
	void aVoteNeedsHouseholdsAndAHouseholdRuleAndOwnersFor双过半() {
		DomainException meeting = catchThrowableOfType(DomainException.class, () -> deliberating()
			.openVoting(VoteRule.BRANCH, BUILDING, null, STAFF, "东城社区", T0));
		assertThat(meeting.code()).isEqualTo("VALIDATION_FAILED");
		DomainException nobody = catchThrowableOfType(DomainException.class, () -> deliberating()
			.openVoting(VoteRule.SIMPLE_MAJORITY, new Electorate(0, 0, BigDecimal.ZERO), null, STAFF, "东城社区", T0));
		assertThat(nobody.code()).isEqualTo("NO_ELECTORATE");
		DomainException renters = catchThrowableOfType(DomainException.class, () -> deliberating()
			.openVoting(VoteRule.DOUBLE_MAJORITY, new Electorate(8, 0, BigDecimal.ZERO), null, STAFF, "东城社区", T0));
		assertThat(renters.code()).isEqualTo("NO_ELECTORATE");
	}

	@Test
	void executionFinishesOnlyWhenEveryTaskIsDoneThenTheHouseholdsJudge() {
		Topic topic = voting(VoteRule.SIMPLE_MAJORITY);
		topic.closeVoting(new Tally(7, 1, 0, 0, BigDecimal.ZERO, BUILDING), STAFF, "东城社区", T0);
		topic.addTask("更换三到六楼楼道灯", STAFF, "东城社区", T0);
		assertThat(topic.state()).isEqualTo(TopicState.EXECUTING);
		topic.addTask("检查线路", STAFF, "东城社区", T0);

		DomainException open = catchThrowableOfType(DomainException.class,
				() -> topic.finishExecution(1, STAFF, "东城社区", T0));
		assertThat(open.code()).isEqualTo("TASKS_OPEN");

		topic.finishExecution(0, STAFF, "东城社区", T0);
		assertThat(topic.state()).isEqualTo(TopicState.EVALUATING);
		topic.close(STAFF, "东城社区", T0);
		assertThat(topic.state()).isEqualTo(TopicState.CLOSED);
		assertThat(topic.events()).filteredOn(TopicMoved.class::isInstance)
			.extracting(TopicEvent::action)
			.containsSubsequence(TopicAction.CLOSE_VOTING, TopicAction.ADD_TASK, TopicAction.FINISH_EXECUTION,
					TopicAction.CLOSE);
	}

	@Test
	void aTopicMergesIntoAnotherNeverItself() {
		Topic topic = raised();
		DomainException self = catchThrowableOfType(DomainException.class,
				() -> topic.mergeInto(topic.id(), topic.title(), STAFF, "东城社区", T0));
		assertThat(self.code()).isEqualTo("VALIDATION_FAILED");
		UUID other = UUID.randomUUID();
		topic.mergeInto(other, "三楼楼道灯", STAFF, "东城社区", T0);
		assertThat(topic.state()).isEqualTo(TopicState.MERGED);
		assertThat(topic.mergedInto()).isEqualTo(other);
	}

	@Test
	void aStepTheStateDoesNotAllowIsRefusedNamingTheState() {
		Topic topic = raised();
		DomainException refused = catchThrowableOfType(DomainException.class,
				() -> topic.told(TopicAction.VOTE, STAFF, "x", T0, null));
		assertThat(refused.code()).isEqualTo("VOTING_CLOSED");
		assertThat(refused.args()).containsExactly("RAISED", "VOTE");
	}

	private static Topic deliberating() {
		Topic topic = raised();
		topic.admit(STAFF, "东城社区", T0);
		return topic;
	}

	private static Topic voting(VoteRule rule) {
		Topic topic = deliberating();
		topic.openVoting(rule, BUILDING, LocalDate.of(2026, 12, 20), STAFF, "东城社区", T0);
		return topic;
	}
}

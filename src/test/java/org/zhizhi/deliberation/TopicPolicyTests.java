package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/** Who may take which step of a topic: the table's roles plus the household, the scope, the raiser. */
class TopicPolicyTests {

	private static final DataScope COMMUNITY = new DataScope(UUID.randomUUID(), "/a/b/c/d/");

	private static final TopicPolicy.Relation HOUSEHOLD = new TopicPolicy.Relation(true, false, false, false, false,
			false);

	private static final TopicPolicy.Relation DESK = new TopicPolicy.Relation(false, true, false, false, false, false);

	private static final TopicPolicy.Relation STRANGER = new TopicPolicy.Relation(false, false, false, false, false,
			false);

	@Test
	void aHouseholdCosignsCommentsAndWithdrawsOnlyItsOwnTopic() {
		Topic topic = TopicTests.raised();
		Actor neighbour = actor(Role.RESIDENT);
		assertThat(TopicPolicy.allowedActions(neighbour, topic, HOUSEHOLD))
			.containsExactlyInAnyOrder(TopicAction.COSIGN, TopicAction.COMMENT);
		Actor raiser = new Actor(topic.raisedBy(), "jumin01", "张居民", Set.of(Role.RESIDENT), COMMUNITY);
		assertThat(TopicPolicy.allowedActions(raiser, topic,
				new TopicPolicy.Relation(true, false, true, false, false, false)))
			.containsExactlyInAnyOrder(TopicAction.COMMENT, TopicAction.WITHDRAW);
		assertThat(TopicPolicy.refusal(raiser, topic, new TopicPolicy.Relation(true, false, true, false, false, false),
				TopicAction.COSIGN).code()).isEqualTo("ALREADY_COSIGNED");
	}

	@Test
	void theDeskRunsTheTopicButCastsNoHouseholdsVoiceExceptAPaperBallot() {
		Topic topic = TopicTests.raised();
		Actor desk = actor(Role.COMMUNITY_STAFF);
		assertThat(TopicPolicy.allowedActions(desk, topic, DESK)).containsExactlyInAnyOrder(TopicAction.COMMENT,
				TopicAction.ADMIT, TopicAction.WITHDRAW, TopicAction.MERGE);
		assertThat(TopicPolicy.refusal(desk, topic, DESK, TopicAction.COSIGN).code()).isEqualTo("FORBIDDEN");
		assertThat(TopicPolicy.refusal(desk, topic, DESK, TopicAction.VOTE)).as("a paper ballot").isNull();
	}

	@Test
	void anyoneElseIsToldTheTopicDoesNotExist() {
		Topic topic = TopicTests.raised();
		for (Role role : Role.values()) {
			DomainException refusal = TopicPolicy.refusal(actor(role), topic, STRANGER, TopicAction.COMMENT);
			assertThat(refusal.code()).as("%s", role).isEqualTo("NOT_FOUND");
		}
		assertThat(TopicPolicy.allowedActions(actor(Role.COMMUNITY_STAFF), topic, STRANGER)).isEmpty();
	}

	@Test
	void aGridWorkerOfTheScopeCommentsButDoesNotRunTheVote() {
		Topic topic = TopicTests.raised();
		Actor worker = actor(Role.GRID_WORKER);
		assertThat(TopicPolicy.allowedActions(worker, topic, DESK)).as("not his topic: no withdrawal either")
			.containsExactly(TopicAction.COMMENT);
		assertThat(TopicPolicy.refusal(worker, topic, DESK, TopicAction.ADMIT).code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void coFundingNeedsAnOpenFundAndAHouseholdPledgesOnce() {
		Topic topic = TopicTests.raised();
		topic.admit(null, null, java.time.Instant.EPOCH);
		topic.recordDecision(VoteRule.BRANCH, true, "支部会议通过", UUID.randomUUID(), "社区", java.time.Instant.EPOCH);
		Actor household = actor(Role.RESIDENT);
		assertThat(TopicPolicy.refusal(household, topic, HOUSEHOLD, TopicAction.PLEDGE).code()).isEqualTo("NO_FUND");
		assertThat(TopicPolicy.refusal(household, topic, new TopicPolicy.Relation(true, false, false, false, true, false),
				TopicAction.PLEDGE)).isNull();
		assertThat(TopicPolicy.refusal(household, topic, new TopicPolicy.Relation(true, false, false, false, true, true),
				TopicAction.PLEDGE).code()).isEqualTo("ALREADY_PLEDGED");
		Actor desk = actor(Role.COMMUNITY_STAFF);
		assertThat(TopicPolicy.allowedActions(desk, topic, DESK)).contains(TopicAction.OPEN_FUND, TopicAction.ADD_TASK)
			.doesNotContain(TopicAction.RECORD_PAYMENT);
		assertThat(TopicPolicy.allowedActions(desk, topic, new TopicPolicy.Relation(false, true, false, false, true,
				false))).contains(TopicAction.RECORD_PAYMENT, TopicAction.RECORD_SPENDING)
			.doesNotContain(TopicAction.OPEN_FUND);
	}

	private static Actor actor(Role role) {
		return new Actor(UUID.randomUUID(), role.name().toLowerCase(), role.name(), Set.of(role), COMMUNITY);
	}
}

package org.zhizhi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/** A participation's table, every action from every state; the minutes served; the policy — without Spring. */
class ParticipationTests {

	private static final Map<ParticipationAction, Set<ParticipationState>> FROM = Map.of(
			ParticipationAction.CANCEL, EnumSet.of(ParticipationState.SIGNED_UP, ParticipationState.WAITING),
			ParticipationAction.PROMOTE, EnumSet.of(ParticipationState.WAITING),
			ParticipationAction.CHECK_IN, EnumSet.of(ParticipationState.SIGNED_UP),
			ParticipationAction.CHECK_OUT, EnumSet.of(ParticipationState.CHECKED_IN),
			ParticipationAction.APPROVE, EnumSet.of(ParticipationState.CHECKED_OUT),
			ParticipationAction.MARK_ABSENT, EnumSet.of(ParticipationState.SIGNED_UP),
			ParticipationAction.CORRECT, EnumSet.of(ParticipationState.APPROVED));

	private static final Map<ParticipationAction, ParticipationState> TO = Map.of(ParticipationAction.CANCEL,
			ParticipationState.CANCELLED, ParticipationAction.PROMOTE, ParticipationState.SIGNED_UP,
			ParticipationAction.CHECK_IN, ParticipationState.CHECKED_IN, ParticipationAction.CHECK_OUT,
			ParticipationState.CHECKED_OUT, ParticipationAction.APPROVE, ParticipationState.APPROVED,
			ParticipationAction.MARK_ABSENT, ParticipationState.ABSENT, ParticipationAction.CORRECT,
			ParticipationState.APPROVED);

	private static final Instant START = Instant.parse("2026-06-13T01:00:00Z");

	private static final Instant END = Instant.parse("2026-06-13T03:00:00Z");

	@Test
	void everyActionFromEveryStateLeadsWhereTheTableSaysOrIsRefused() {
		assertThat(ParticipationLifecycle.TABLE.actions()).isEqualTo(FROM.keySet());
		for (ParticipationAction action : FROM.keySet()) {
			for (ParticipationState state : ParticipationState.values()) {
				if (FROM.get(action).contains(state)) {
					assertThat(ParticipationLifecycle.TABLE.next(state, action)).as("%s from %s", action, state)
						.isEqualTo(TO.get(action));
				}
				else {
					assertThatThrownBy(() -> ParticipationLifecycle.TABLE.next(state, action))
						.as("%s from %s", action, state)
						.isInstanceOf(DomainException.class);
				}
			}
		}
	}

	@Test
	void theMinutesServedAreThoseInsideTheActivitysOwnTime() {
		assertThat(Participation.served(START.minusSeconds(1800), END.plusSeconds(3600), START, END))
			.as("early and late count only from the start to the end").isEqualTo(120);
		assertThat(Participation.served(START.plusSeconds(600), START.plusSeconds(600 + 5400), START, END))
			.isEqualTo(90);
		assertThat(Participation.served(END.plusSeconds(60), END.plusSeconds(600), START, END)).isZero();
	}

	@Test
	void approvalLocksTheMinutesAndACorrectionChangesThemTellingThePointsModuleEachTime() {
		UUID person = UUID.randomUUID();
		Participation p = Participation.signUp(UUID.randomUUID(), person, "陈党员", true, START.minusSeconds(86_400));
		assertThat(p.state()).isEqualTo(ParticipationState.SIGNED_UP);
		p.checkIn(START.minusSeconds(300), 29.4, 106.6);
		p.checkOut(START.plusSeconds(5400), 29.4, 106.6);
		Activity activity = new Activity(p.activityId(), UUID.randomUUID(), "睦邻志愿服务队", "/cq/", UUID.randomUUID(),
				"楼道清扫", "清扫 1 单元楼道", "1 栋", 29.4, 106.6, START, END, 10, UUID.randomUUID(), "赵党员",
				ActivityState.OPEN, START.minusSeconds(86_400 * 2));
		p.approve(activity, UUID.randomUUID(), "赵党员", END);
		assertThat(p.minutes()).isEqualTo(90);
		assertThat(p.events()).singleElement().isInstanceOf(HoursApproved.class);
		assertThat(((HoursApproved) p.events().getFirst()).minutes()).isEqualTo(90);
		assertThatThrownBy(() -> p.checkOut(END, 29.4, 106.6)).isInstanceOf(DomainException.class);
		UUID correction = UUID.randomUUID();
		p.correct(activity, correction, 120, END.plusSeconds(86_400));
		assertThat(p.minutes()).isEqualTo(120);
		assertThat(p.events()).last().isEqualTo(new HoursCorrected(p.activityId(), person, "陈党员", 90, 120,
				activity.teamId(), "/cq/", END.plusSeconds(86_400), correction));
		assertThat(Participation.signUp(UUID.randomUUID(), person, "陈党员", false, START).state())
			.isEqualTo(ParticipationState.WAITING);
	}

	@Test
	void thePolicyGivesThePersonHisOwnStepsAndTheOrganiserHisButNeverHisOwnHours() {
		Participation checkedOut = Participation.signUp(UUID.randomUUID(), UUID.randomUUID(), "李居民", true, START);
		checkedOut.checkIn(START, 29.4, 106.6);
		checkedOut.checkOut(END, 29.4, 106.6);
		Actor organiser = new Actor(UUID.randomUUID(), "o", "o", Set.of(Role.PARTY_MEMBER), new DataScope(UUID.randomUUID(), "/cq/"));
		assertThat(ParticipationPolicy.allowedActions(organiser, checkedOut, new ParticipationPolicy.Relation(false, true)))
			.containsExactly(ParticipationAction.APPROVE);
		assertThat(ParticipationPolicy.allowedActions(organiser, checkedOut, new ParticipationPolicy.Relation(true, true)))
			.as("his own hours").isEmpty();
		assertThat(ParticipationPolicy.allowedActions(organiser, checkedOut, new ParticipationPolicy.Relation(false, false)))
			.isEmpty();
	}
}

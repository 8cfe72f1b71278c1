package org.zhizhi.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;

/**
 * The emergency whistle's rules without Spring: every answer from every state of {@link EmergencyLifecycle#ANSWER},
 * the whistle's stand-down, the events the steps register, {@link EmergencyPolicy} for each relation, the area's
 * common scope, and the answer times the record reports.
 */
class EmergencyWhistleTests {

	private static final Instant AT = Instant.parse("2026-07-01T01:00:00Z");

	private static final String COMMUNITY = "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/";

	/** Where each answer leads from each state it is allowed from; every other pair is refused. */
	private static final Map<AnswerAction, Map<AnswerState, AnswerState>> EXPECTED = Map.of(
			AnswerAction.COMING, Map.of(AnswerState.CALLED, AnswerState.COMING, AnswerState.CANNOT, AnswerState.COMING),
			AnswerAction.CANNOT, Map.of(AnswerState.CALLED, AnswerState.CANNOT, AnswerState.COMING, AnswerState.CANNOT),
			AnswerAction.ARRIVE, Map.of(AnswerState.CALLED, AnswerState.ARRIVED, AnswerState.COMING,
					AnswerState.ARRIVED));

	@Test
	void everyAnswerFromEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
		assertThat(EmergencyLifecycle.ANSWER.actions()).containsExactlyInAnyOrder(AnswerAction.values());
		for (AnswerAction action : AnswerAction.values()) {
			for (AnswerState state : AnswerState.values()) {
				EmergencyCallee callee = callee(state);
				AnswerState expected = EXPECTED.get(action).get(state);
				if (expected == null) {
					assertThatThrownBy(() -> take(callee, action)).as(action + " from " + state)
						.isInstanceOfSatisfying(DomainException.class, e -> {
							assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
							assertThat(e.args()).containsExactly(state.name(), action.name());
						});
					assertThat(callee.state()).isEqualTo(state);
					assertThat(callee.events()).isEmpty();
				}
				else {
					take(callee, action);
					assertThat(callee.state()).as(action + " from " + state).isEqualTo(expected);
					assertThat(callee.events()).singleElement()
						.isInstanceOfSatisfying(EmergencyEvent.EmergencyAnswered.class,
								e -> assertThat(e.answer()).isEqualTo(expected));
				}
			}
		}
	}

	@Test
	void anArrivalWithoutAnAnswerCountsAsAnsweredThenAndKeepsWhereHeCheckedIn() {
		EmergencyCallee callee = callee(AnswerState.CALLED);
		callee.arrive(new EmergencyCallee.Position(29.40, 106.64), AT.plusSeconds(600));
		assertThat(callee.answeredAt()).isEqualTo(AT.plusSeconds(600));
		assertThat(callee.arrivedAtPosition()).isEqualTo(new EmergencyCallee.Position(29.40, 106.64));

		EmergencyCallee changedHisMind = callee(AnswerState.CALLED);
		changedHisMind.cannot("在外地出差", AT.plusSeconds(60));
		changedHisMind.coming(AT.plusSeconds(120));
		assertThat(changedHisMind.reason()).isNull();
		assertThat(changedHisMind.answeredAt()).isEqualTo(AT.plusSeconds(120));
	}

	@Test
	void aWhistleIsStoodDownOnceAndSaysSo() {
		EmergencyWhistle whistle = EmergencyWhistle.blow(UUID.randomUUID(), terms(), 6);
		assertThat(whistle.events()).singleElement()
			.isInstanceOfSatisfying(EmergencyEvent.EmergencyWhistleBlown.class, e -> assertThat(e.called()).isEqualTo(6));
		whistle.clearEvents();
		whistle.standDown("积水已排除，6 人到场", AT.plusSeconds(3600));
		assertThat(whistle.state()).isEqualTo(EmergencyState.STOOD_DOWN);
		assertThat(whistle.calling()).isFalse();
		assertThat(whistle.events()).singleElement().isInstanceOf(EmergencyEvent.EmergencyStoodDown.class);
		assertThatThrownBy(() -> whistle.standDown("再次", AT.plusSeconds(7200)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
		assertThat(whistle.summary()).isEqualTo("积水已排除，6 人到场");
	}

	@Test
	void onlyALeaderOfTheAreaStandsItDownAndOnlyThePersonCalledAnswersWhileItCalls() {
		EmergencyWhistle whistle = EmergencyWhistle.blow(UUID.randomUUID(), terms(), 1);
		Actor leader = actor(Role.COMMUNITY_STAFF);
		Actor member = actor(Role.PARTY_MEMBER);
		assertThat(EmergencyPolicy.allowedActions(leader, whistle, new EmergencyPolicy.Relation(true, false)))
			.containsExactly(EmergencyAction.STAND_DOWN);
		assertThat(EmergencyPolicy.allowedActions(member, whistle, new EmergencyPolicy.Relation(false, true))).isEmpty();
		assertThat(EmergencyPolicy.refusal(member, new EmergencyPolicy.Relation(false, false),
				EmergencyAction.STAND_DOWN).category()).isEqualTo(DomainException.Category.NOT_FOUND);
		assertThat(EmergencyPolicy.refusal(member, new EmergencyPolicy.Relation(false, true),
				EmergencyAction.STAND_DOWN).category()).isEqualTo(DomainException.Category.FORBIDDEN);

		EmergencyCallee called = callee(AnswerState.CALLED);
		assertThat(EmergencyPolicy.allowedAnswers(whistle, called)).containsExactlyInAnyOrder(AnswerAction.values());
		assertThat(EmergencyPolicy.allowedAnswers(whistle, null)).isEmpty();
		assertThatThrownBy(() -> EmergencyPolicy.requireAnswer(new EmergencyPolicy.Relation(true, false), whistle,
				null, AnswerAction.COMING)).isInstanceOfSatisfying(DomainException.class,
						e -> assertThat(e.code()).isEqualTo("NOT_CALLED"));

		whistle.standDown("已处置", AT.plusSeconds(60));
		assertThat(EmergencyPolicy.allowedAnswers(whistle, called)).isEmpty();
		assertThat(EmergencyPolicy.allowedActions(leader, whistle, new EmergencyPolicy.Relation(true, false))).isEmpty();
		assertThatThrownBy(() -> EmergencyPolicy.requireAnswer(new EmergencyPolicy.Relation(false, true), whistle,
				called, AnswerAction.COMING)).isInstanceOfSatisfying(DomainException.class,
						e -> assertThat(e.code()).isEqualTo("STOOD_DOWN"));
	}

	@Test
	void theWhistlesScopeIsTheLowestNodeThatHoldsAllItsGrids() {
		String street = "/d/s/".replace("d", uuid()).replace("s", uuid());
		String east = street + uuid() + "/";
		String west = street + uuid() + "/";
		OrgUnit g1 = grid(east + uuid() + "/");
		OrgUnit g2 = grid(east + uuid() + "/");
		OrgUnit g3 = grid(west + uuid() + "/");
		assertThat(EmergencyWhistles.commonAncestor(List.of(g1))).isEqualTo(g1.path());
		assertThat(EmergencyWhistles.commonAncestor(List.of(g1, g2))).isEqualTo(east);
		assertThat(EmergencyWhistles.commonAncestor(List.of(g1, g2, g3))).isEqualTo(street);
		assertThat(EmergencyForces.parent(east)).isEqualTo(street);
	}

	@Test
	void theRecordReportsTheMedianTimesToAnswerAndToArrive() {
		EmergencyView view = new EmergencyView(UUID.randomUUID(), EmergencyKind.FLOOD, "东城路积水", null, List.of(),
				Set.of(EmergencyForce.GRID_TEAM), null, "东城社区工作站", AT, EmergencyState.CALLING, null, null, Map.of(),
				Set.of(), null, Set.of(), null);
		EmergencyDetail detail = new EmergencyDetail(view, List.of(
				answered(AT.plus(Duration.ofMinutes(2)), AT.plus(Duration.ofMinutes(10))),
				answered(AT.plus(Duration.ofMinutes(4)), AT.plus(Duration.ofMinutes(20))),
				answered(AT.plus(Duration.ofMinutes(9)), null), answered(null, null)), List.of(), List.of());
		assertThat(detail.medianMinutesToAnswer()).hasValue(4.0);
		assertThat(detail.medianMinutesToArrive()).hasValue(15.0);
		EmergencyDetail nobody = new EmergencyDetail(view, List.of(answered(null, null)), List.of(), List.of());
		assertThat(nobody.medianMinutesToAnswer()).isEmpty();
	}

	private static CalleeView answered(Instant answeredAt, Instant arrivedAt) {
		AnswerState state = arrivedAt != null ? AnswerState.ARRIVED
				: answeredAt != null ? AnswerState.COMING : AnswerState.CALLED;
		return new CalleeView(UUID.randomUUID(), "某人", EmergencyForce.PARTY_MEMBERS, null, state, answeredAt, null,
				arrivedAt, null, null);
	}

	private static void take(EmergencyCallee callee, AnswerAction action) {
		switch (action) {
			case COMING -> callee.coming(AT);
			case CANNOT -> callee.cannot("在外地", AT);
			case ARRIVE -> callee.arrive(null, AT);
		}
	}

	private static EmergencyCallee callee(AnswerState state) {
		return new EmergencyCallee(UUID.randomUUID(), UUID.randomUUID(), "陈党员", EmergencyForce.PARTY_MEMBERS,
				"东城社区", COMMUNITY, state, null, null, null, null, 0);
	}

	private static EmergencyWhistle.Terms terms() {
		return new EmergencyWhistle.Terms(EmergencyKind.FLOOD, "东城路下穿道积水", null, List.of(),
				EnumSet.of(EmergencyForce.GRID_TEAM), null, COMMUNITY, UUID.randomUUID(), UUID.randomUUID(), "东城社区工作站",
				AT, null);
	}

	private static Actor actor(Role role) {
		return new Actor(UUID.randomUUID(), "u", "某人", Set.of(role), new DataScope(UUID.randomUUID(), COMMUNITY));
	}

	private static OrgUnit grid(String path) {
		return new OrgUnit(UUID.randomUUID(), null, OrgLevel.GRID, "网格", null, null, path, null, null);
	}

	private static String uuid() {
		return UUID.randomUUID().toString();
	}
}

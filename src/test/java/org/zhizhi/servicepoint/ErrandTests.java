package org.zhizhi.servicepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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

/**
 * The errand's rules without Spring: every action from every state of {@link ErrandLifecycle#TABLE}, the aggregate's
 * steps and their events, and {@link ErrandPolicy} for each relation.
 */
class ErrandTests {

	private static final Instant AT = Instant.parse("2026-05-04T02:00:00Z");

	private static final UUID RUNNER = UUID.randomUUID();

	/** Where each action leads from each state it is allowed from; every other pair is refused. */
	private static final Map<ErrandAction, Map<ErrandState, ErrandState>> EXPECTED = Map.of(
			ErrandAction.ASSIGN, Map.of(ErrandState.REQUESTED, ErrandState.ASSIGNED, ErrandState.ASSIGNED,
					ErrandState.ASSIGNED),
			ErrandAction.HAND_BACK, Map.of(ErrandState.ASSIGNED, ErrandState.REQUESTED),
			ErrandAction.COMPLETE, Map.of(ErrandState.ASSIGNED, ErrandState.DONE),
			ErrandAction.CONFIRM, Map.of(ErrandState.DONE, ErrandState.CONFIRMED),
			ErrandAction.CANCEL, Map.of(ErrandState.REQUESTED, ErrandState.CANCELLED, ErrandState.ASSIGNED,
					ErrandState.CANCELLED));

	@Test
	void everyActionFromEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
		assertThat(ErrandLifecycle.TABLE.actions()).containsExactlyInAnyOrder(ErrandAction.values());
		for (ErrandAction action : ErrandAction.values()) {
			for (ErrandState state : ErrandState.values()) {
				Errand errand = in(state);
				ErrandState expected = EXPECTED.get(action).get(state);
				if (expected == null) {
					assertThatThrownBy(() -> take(errand, action)).as(action + " from " + state)
						.isInstanceOfSatisfying(DomainException.class, e -> {
							assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
							assertThat(e.args()).containsExactly(state.name(), action.name());
						});
					assertThat(errand.state()).isEqualTo(state);
				}
				else {
					take(errand, action);
					assertThat(errand.state()).as(action + " from " + state).isEqualTo(expected);
				}
			}
		}
	}

	@Test
	void theStepsKeepWhatTheyChangeAndRegisterTheirEvents() {
		Errand errand = in(ErrandState.REQUESTED);
		errand.assign(RUNNER, "周代办", AT);
		assertThat(errand.runnerName()).isEqualTo("周代办");
		errand.handBack();
		assertThat(errand.runnerId()).isNull();
		errand.assign(RUNNER, "周代办", AT);
		errand.complete(new Errand.Proof("已代缴水费 86.5 元，收据交给老人", null, new BigDecimal("100"),
				new BigDecimal("86.50")), AT.plusSeconds(3600));
		assertThat(errand.proof().change()).isEqualByComparingTo("13.50");
		errand.confirm("王婆婆", AT.plusSeconds(7200));
		assertThat(errand.confirmedByName()).isEqualTo("王婆婆");
		assertThat(errand.events()).hasExactlyElementsOfTypes(ErrandEvent.ErrandAssigned.class,
				ErrandEvent.ErrandAssigned.class, ErrandEvent.ErrandDone.class, ErrandEvent.ErrandConfirmed.class);
	}

	@Test
	void thePolicyOffersEachRelationItsOwnSteps() {
		Actor desk = actor(Role.COMMUNITY_STAFF);
		Actor runner = actor(Role.RESIDENT);
		Actor elder = actor(Role.RESIDENT);
		Actor hotline = actor(Role.PARTY_MEMBER);
		Actor stranger = actor(Role.RESIDENT);
		var none = new ErrandPolicy.Relation(false, false, false, false);
		var asDesk = new ErrandPolicy.Relation(false, false, false, true);
		var asRunner = new ErrandPolicy.Relation(false, true, false, false);
		var asHousehold = new ErrandPolicy.Relation(false, false, true, false);
		var asRequester = new ErrandPolicy.Relation(true, false, false, false);

		assertThat(ErrandPolicy.allowedActions(desk, in(ErrandState.REQUESTED), asDesk))
			.containsExactlyInAnyOrder(ErrandAction.ASSIGN, ErrandAction.CANCEL);
		assertThat(ErrandPolicy.allowedActions(runner, in(ErrandState.ASSIGNED), asRunner))
			.containsExactlyInAnyOrder(ErrandAction.HAND_BACK, ErrandAction.COMPLETE);
		assertThat(ErrandPolicy.allowedActions(elder, in(ErrandState.DONE), asHousehold))
			.containsExactly(ErrandAction.CONFIRM);
		assertThat(ErrandPolicy.allowedActions(runner, in(ErrandState.DONE), asRunner)).isEmpty();
		// whoever asked for him confirms after calling him; the elder who asked himself confirms as the household
		assertThat(ErrandPolicy.allowedActions(hotline, in(ErrandState.DONE, ErrandChannel.HOTLINE), asRequester))
			.containsExactly(ErrandAction.CONFIRM);
		assertThat(ErrandPolicy.allowedActions(hotline, in(ErrandState.DONE, ErrandChannel.SELF), asRequester))
			.isEmpty();
		// a resident never assigns, even one with the desk's relation by mistake
		assertThat(ErrandPolicy.allowedActions(runner, in(ErrandState.REQUESTED), asDesk))
			.containsExactly(ErrandAction.CANCEL);

		assertThat(ErrandPolicy.refusal(stranger, in(ErrandState.ASSIGNED), none, ErrandAction.COMPLETE).code())
			.isEqualTo("NOT_FOUND");
		assertThat(ErrandPolicy.refusal(desk, in(ErrandState.ASSIGNED), asDesk, ErrandAction.COMPLETE).code())
			.isEqualTo("NOT_THE_RUNNER");
		assertThat(ErrandPolicy.refusal(desk, in(ErrandState.DONE), asDesk, ErrandAction.CONFIRM).code())
			.isEqualTo("NOT_THE_RESIDENT");
		assertThat(ErrandPolicy.refusal(runner, in(ErrandState.DONE),
				new ErrandPolicy.Relation(true, true, false, false), ErrandAction.CONFIRM).code()).isEqualTo("OWN_WORK");
		assertThat(ErrandPolicy.refusal(runner, in(ErrandState.REQUESTED), asRunner, ErrandAction.CANCEL).code())
			.isEqualTo("FORBIDDEN");
		assertThatThrownBy(() -> ErrandPolicy.require(runner, in(ErrandState.REQUESTED), asRunner,
				ErrandAction.COMPLETE)).isInstanceOfSatisfying(DomainException.class,
						e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
	}

	private static void take(Errand errand, ErrandAction action) {
		switch (action) {
			case ASSIGN -> errand.assign(RUNNER, "周代办", AT);
			case HAND_BACK -> errand.handBack();
			case COMPLETE -> errand.complete(new Errand.Proof("已办", null, null, null), AT);
			case CONFIRM -> errand.confirm("王婆婆", AT);
			case CANCEL -> errand.cancel("老人自己去办了");
		}
	}

	static Errand in(ErrandState state) {
		return in(state, ErrandChannel.HOTLINE);
	}

	static Errand in(ErrandState state, ErrandChannel channel) {
		Errand.Terms terms = new Errand.Terms("UTILITY_BILL", channel, "代缴五月水费", UUID.randomUUID(), "王婆婆",
				UUID.randomUUID(), "新河街 3栋 101", UUID.randomUUID(), "第一网格", "/a/b/", UUID.randomUUID(),
				UUID.randomUUID(), "热线志愿者", AT);
		boolean assigned = EnumSet.of(ErrandState.ASSIGNED, ErrandState.DONE, ErrandState.CONFIRMED).contains(state);
		return new Errand(UUID.randomUUID(), terms, state, assigned ? RUNNER : null, assigned ? "周代办" : null,
				assigned ? AT : null, null, null, null, null, null, 0);
	}

	private static Actor actor(Role role) {
		return new Actor(UUID.randomUUID(), "u", "某人", Set.of(role),
				new DataScope(UUID.randomUUID(), "/" + UUID.randomUUID() + "/"));
	}
}

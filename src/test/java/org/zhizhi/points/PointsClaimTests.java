package org.zhizhi.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
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
 * A claim's table, every action from every state, and the claim's own rules — nobody vets his own deed or nomination,
 * nobody objects to his own — and the policy's offers, without Spring. The redemption's table likewise.
 */
class PointsClaimTests {

	private static final Map<PointsClaimAction, Set<PointsClaimState>> FROM = Map.of(
			PointsClaimAction.APPROVE, EnumSet.of(PointsClaimState.SUBMITTED),
			PointsClaimAction.REJECT, EnumSet.of(PointsClaimState.SUBMITTED),
			PointsClaimAction.WITHDRAW, EnumSet.of(PointsClaimState.SUBMITTED),
			PointsClaimAction.OBJECT, EnumSet.of(PointsClaimState.ON_NOTICE),
			PointsClaimAction.UPHOLD, EnumSet.of(PointsClaimState.OBJECTED),
			PointsClaimAction.DISMISS, EnumSet.of(PointsClaimState.OBJECTED),
			PointsClaimAction.CREDIT, EnumSet.of(PointsClaimState.ON_NOTICE));

	private static final Map<PointsClaimAction, PointsClaimState> TO = Map.of(PointsClaimAction.APPROVE,
			PointsClaimState.ON_NOTICE, PointsClaimAction.REJECT, PointsClaimState.REJECTED, PointsClaimAction.WITHDRAW,
			PointsClaimState.WITHDRAWN, PointsClaimAction.OBJECT, PointsClaimState.OBJECTED, PointsClaimAction.UPHOLD,
			PointsClaimState.REJECTED, PointsClaimAction.DISMISS, PointsClaimState.ON_NOTICE, PointsClaimAction.CREDIT,
			PointsClaimState.CREDITED);

	private static final UUID PERSON = UUID.randomUUID();

	private static final UUID NOMINATOR = UUID.randomUUID();

	private static final UUID DESK = UUID.randomUUID();

	private static final Instant AT = Instant.parse("2026-06-10T02:00:00Z");

	@Test
	void everyActionFromEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
		assertThat(PointsClaimLifecycle.TABLE.actions()).isEqualTo(FROM.keySet());
		for (PointsClaimAction action : FROM.keySet()) {
			for (PointsClaimState state : PointsClaimState.values()) {
				if (FROM.get(action).contains(state)) {
					assertThat(PointsClaimLifecycle.TABLE.next(state, action)).as("%s from %s", action, state)
						.isEqualTo(TO.get(action));
				}
				else {
					assertThatThrownBy(() -> PointsClaimLifecycle.TABLE.next(state, action))
						.as("%s from %s", action, state)
						.isInstanceOf(DomainException.class)
						.satisfies(e -> {
							assertThat(((DomainException) e).code()).isEqualTo("ILLEGAL_TRANSITION");
							assertThat(((DomainException) e).args()).contains(state.name());
						});
				}
			}
		}
	}

	@Test
	void theOneWhoGainsNeverVetsAndTheNoticeEndsInTheCredit() {
		PointsClaim nominated = claim(NOMINATOR);
		assertOwn(() -> nominated.approve(PERSON, "本人", AT, LocalDate.of(2026, 6, 16)));
		assertOwn(() -> nominated.approve(NOMINATOR, "提名人", AT, LocalDate.of(2026, 6, 16)));
		nominated.approve(DESK, "社区", AT, LocalDate.of(2026, 6, 16));
		assertThat(nominated.state()).isEqualTo(PointsClaimState.ON_NOTICE);
		assertThat(nominated.noticeUntil()).isEqualTo(LocalDate.of(2026, 6, 16));
		assertOwn(() -> nominated.object("自己的", PERSON, AT));
		nominated.object("当天不在", NOMINATOR, AT);
		assertThat(nominated.state()).isEqualTo(PointsClaimState.OBJECTED);
		assertOwn(() -> nominated.dismiss("核实属实", NOMINATOR, "提名人", AT));
		nominated.dismiss("核实属实", DESK, "社区", AT);
		nominated.credit(UUID.randomUUID(), 3, AT);
		assertThat(nominated.state()).isEqualTo(PointsClaimState.CREDITED);
		assertThat(nominated.creditedPoints()).isEqualTo(3);
		assertThat(nominated.events()).hasAtLeastOneElementOfType(PointsClaimEvent.ClaimCredited.class);

		PointsClaim own = claim(null);
		assertThatThrownBy(() -> own.withdraw(DESK, AT)).isInstanceOf(DomainException.class);
		own.withdraw(PERSON, AT);
		assertThat(own.state()).isEqualTo(PointsClaimState.WITHDRAWN);
	}

	@Test
	void thePolicyOffersTheDeskItsStepsThePersonHisAndTheNeighbourTheObjection() {
		PointsClaim claim = claim(null);
		Actor desk = actor(DESK, Role.COMMUNITY_STAFF);
		Actor person = actor(PERSON, Role.RESIDENT);
		Actor neighbour = actor(UUID.randomUUID(), Role.RESIDENT);
		assertThat(PointsClaimPolicy.allowedActions(desk, claim, new PointsClaimPolicy.Relation(false, false, true, true)))
			.containsExactlyInAnyOrder(PointsClaimAction.APPROVE, PointsClaimAction.REJECT);
		assertThat(PointsClaimPolicy.allowedActions(person, claim, new PointsClaimPolicy.Relation(true, true, false, true)))
			.containsExactly(PointsClaimAction.WITHDRAW);
		claim.approve(DESK, "社区", AT, LocalDate.of(2026, 6, 16));
		assertThat(PointsClaimPolicy.allowedActions(neighbour, claim,
				new PointsClaimPolicy.Relation(false, false, false, true))).containsExactly(PointsClaimAction.OBJECT);
		assertThat(PointsClaimPolicy.allowedActions(person, claim, new PointsClaimPolicy.Relation(true, true, false, true)))
			.as("the person does not object to his own").isEmpty();
		assertThat(PointsClaimPolicy.allowedActions(neighbour, claim,
				new PointsClaimPolicy.Relation(false, false, false, false))).as("someone of another place").isEmpty();
	}

	@Test
	void aRedemptionIsConfirmedByTheSponsorOrCancelledAndNeverBoth() {
		assertThat(RedemptionLifecycle.TABLE.next(RedemptionState.HELD, RedemptionAction.CONFIRM))
			.isEqualTo(RedemptionState.CONFIRMED);
		assertThat(RedemptionLifecycle.TABLE.next(RedemptionState.HELD, RedemptionAction.CANCEL))
			.isEqualTo(RedemptionState.CANCELLED);
		for (RedemptionState settled : EnumSet.of(RedemptionState.CONFIRMED, RedemptionState.CANCELLED)) {
			for (RedemptionAction action : RedemptionAction.values()) {
				assertThatThrownBy(() -> RedemptionLifecycle.TABLE.next(settled, action))
					.isInstanceOf(DomainException.class);
			}
		}
		assertThat(RedemptionLifecycle.TABLE.mayTake(Set.of(Role.PARTNER_LIAISON), RedemptionAction.CONFIRM)).isTrue();
		assertThat(RedemptionLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), RedemptionAction.CONFIRM)).isFalse();
	}

	private static PointsClaim claim(UUID nominator) {
		return PointsClaim.submit(UUID.randomUUID(), new PointsClaim.Deed(UUID.randomUUID(), UUID.randomUUID(),
				"neighbours-stairwell", "保持楼道整洁", 3,
				new Holder(PERSON, "张居民", "/cq/banan/dongcheng/", UUID.randomUUID()), nominator,
				nominator == null ? null : "李网格长", LocalDate.of(2026, 6, 9), "清扫楼道", null, null, null), AT);
	}

	private static Actor actor(UUID id, Role role) {
		return new Actor(id, "u", "u", Set.of(role), new DataScope(UUID.randomUUID(), "/cq/"));
	}

	private static void assertOwn(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("OWN_CLAIM");
	}
}

package org.zhizhi.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * Every action from every state of the table, without Spring: the allowed ones lead where the issue says, the others
 * are refused naming the state; and who the table lets take each step.
 */
class WishLifecycleTests {

	/** The table as the issue describes it: action → the states it is allowed from. */
	private static final Map<WishAction, Set<WishState>> FROM = Map.of(
			WishAction.EDIT, EnumSet.of(WishState.POSTED, WishState.APPROVED, WishState.RAISED),
			WishAction.APPROVE, EnumSet.of(WishState.POSTED),
			WishAction.REFUSE, EnumSet.of(WishState.POSTED),
			WishAction.PUBLISH, EnumSet.of(WishState.APPROVED, WishState.RAISED),
			WishAction.DISPATCH, EnumSet.of(WishState.APPROVED, WishState.RAISED),
			WishAction.TAKE, EnumSet.of(WishState.PUBLISHED, WishState.DISPATCHED, WishState.TAKEN),
			WishAction.FULFIL, EnumSet.of(WishState.TAKEN),
			WishAction.CONFIRM, EnumSet.of(WishState.FULFILLED),
			WishAction.RAISE, EnumSet.of(WishState.PUBLISHED, WishState.DISPATCHED),
			WishAction.OVERDUE, EnumSet.of(WishState.TAKEN));

	/** Where each allowed action leads (null: it leaves the state as it is). */
	private static final Map<WishAction, WishState> TO = new java.util.EnumMap<>(Map.of(
			WishAction.APPROVE, WishState.APPROVED, WishAction.REFUSE, WishState.REFUSED,
			WishAction.PUBLISH, WishState.PUBLISHED, WishAction.DISPATCH, WishState.DISPATCHED,
			WishAction.TAKE, WishState.TAKEN, WishAction.FULFIL, WishState.FULFILLED,
			WishAction.CONFIRM, WishState.CONFIRMED, WishAction.RAISE, WishState.RAISED));

	@Test
	void everyActionFromEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
		assertThat(WishLifecycle.TABLE.actions()).isEqualTo(FROM.keySet());
		for (WishAction action : FROM.keySet()) {
			for (WishState state : WishState.values()) {
				if (FROM.get(action).contains(state)) {
					assertThat(WishLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state).isTrue();
					assertThat(WishLifecycle.TABLE.next(state, action)).as("%s from %s", action, state)
						.isEqualTo(TO.getOrDefault(action, state));
				}
				else {
					assertThat(WishLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state).isFalse();
					assertRefused(() -> WishLifecycle.TABLE.next(state, action), state, action);
				}
			}
		}
	}

	@Test
	void postIsNoStepButTheWishsBeginning() {
		assertThat(WishLifecycle.TABLE.actions()).doesNotContain(WishAction.POST);
		for (WishState state : WishState.values()) {
			assertThat(WishLifecycle.TABLE.actionsFrom(state)).doesNotContain(WishAction.POST);
		}
	}

	@Test
	void refusedAndConfirmedWishesEnd() {
		assertThat(WishLifecycle.TABLE.actionsFrom(WishState.REFUSED)).isEmpty();
		assertThat(WishLifecycle.TABLE.actionsFrom(WishState.CONFIRMED)).isEmpty();
	}

	@Test
	void theCommunityVetsMembersAndLiaisonsTakeAndNobodyRaisesByHand() {
		for (WishAction action : EnumSet.of(WishAction.EDIT, WishAction.APPROVE, WishAction.REFUSE,
				WishAction.PUBLISH, WishAction.DISPATCH)) {
			assertThat(WishLifecycle.TABLE.mayTake(Set.of(Role.COMMUNITY_STAFF), action)).as("%s", action).isTrue();
			assertThat(WishLifecycle.TABLE.mayTake(Set.of(Role.STREET_STAFF), action)).as("%s", action).isTrue();
			assertThat(WishLifecycle.TABLE.mayTake(Set.of(Role.PARTY_MEMBER), action)).as("%s", action).isFalse();
			assertThat(WishLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), action)).as("%s", action).isFalse();
			assertThat(WishLifecycle.TABLE.mayTake(Set.of(Role.GRID_WORKER), action)).as("%s", action).isFalse();
		}
		assertThat(WishLifecycle.TABLE.mayTake(Set.of(Role.PARTY_MEMBER), WishAction.TAKE)).isTrue();
		assertThat(WishLifecycle.TABLE.mayTake(Set.of(Role.PARTNER_LIAISON), WishAction.TAKE)).isTrue();
		assertThat(WishLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), WishAction.TAKE)).isFalse();
		assertThat(WishLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), WishAction.CONFIRM)).isTrue();
		for (Role role : Role.values()) {
			assertThat(WishLifecycle.TABLE.mayTake(Set.of(role), WishAction.RAISE)).isFalse();
			assertThat(WishLifecycle.TABLE.mayTake(Set.of(role), WishAction.OVERDUE)).isFalse();
		}
	}

	@Test
	void onlyUnclaimedWishesAreRaised() {
		assertThat(WishState.PUBLISHED.unclaimed()).isTrue();
		assertThat(WishState.DISPATCHED.unclaimed()).isTrue();
		assertThat(WishState.TAKEN.unclaimed()).isFalse();
	}

	static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable step, WishState state,
			WishAction action) {
		assertThatThrownBy(step).as("%s from %s", action, state)
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
				assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
				assertThat(e.messageKey()).isEqualTo("wish.illegalTransition");
				assertThat(e.args()).containsExactly(state.name(), action.name());
			});
	}
}

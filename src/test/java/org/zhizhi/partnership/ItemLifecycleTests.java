package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * Every action from every state of the list item's table, without Spring: the allowed ones lead where the item goes,
 * the others are refused with the row's refusal — a claim of an item no longer open {@code NOT_OPEN}, as the API always
 * has answered, any other step {@code ILLEGAL_TRANSITION} — naming the state and the action.
 */
class ItemLifecycleTests {

	private static final Map<ItemAction, Set<ItemStatus>> FROM = Map.of(
			ItemAction.TAKE, EnumSet.of(ItemStatus.OPEN),
			ItemAction.WITHDRAW, EnumSet.of(ItemStatus.OPEN),
			ItemAction.COMPLETE, EnumSet.of(ItemStatus.FULLY_CLAIMED));

	/** Where each allowed action may lead. */
	private static final Map<ItemAction, Set<ItemStatus>> TO = Map.of(
			ItemAction.TAKE, EnumSet.of(ItemStatus.OPEN, ItemStatus.FULLY_CLAIMED),
			ItemAction.WITHDRAW, EnumSet.of(ItemStatus.WITHDRAWN),
			ItemAction.COMPLETE, EnumSet.of(ItemStatus.COMPLETED));

	@Test
	void everyActionFromEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
		assertThat(ItemLifecycle.TABLE.actions()).isEqualTo(EnumSet.allOf(ItemAction.class));
		for (ItemAction action : ItemAction.values()) {
			for (ItemStatus state : ItemStatus.values()) {
				if (FROM.get(action).contains(state)) {
					assertThat(ItemLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state).isTrue();
					for (ItemStatus target : ItemStatus.values()) {
						if (TO.get(action).contains(target)) {
							assertThat(ItemLifecycle.TABLE.move(state, action, target)).isEqualTo(target);
						}
						else {
							assertThatThrownBy(() -> ItemLifecycle.TABLE.move(state, action, target))
								.as("%s from %s to %s", action, state, target)
								.isInstanceOf(IllegalStateException.class);
						}
					}
				}
				else {
					assertThat(ItemLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state).isFalse();
					assertThatThrownBy(() -> ItemLifecycle.TABLE.require(state, action))
						.as("%s from %s", action, state)
						.isInstanceOfSatisfying(DomainException.class, e -> {
							assertThat(e.code()).isEqualTo(action == ItemAction.TAKE ? "NOT_OPEN" : "ILLEGAL_TRANSITION");
							assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
							assertThat(e.messageKey()).isEqualTo(
									action == ItemAction.TAKE ? "partnership.notOpen" : "partnership.notWithdrawable");
							assertThat(e.args()).containsExactly(state.name(), action.name());
						});
				}
			}
		}
	}

	@Test
	void aTakeLeavesTheItemOpenOrFullyClaimedAndSaysWhichWithMove() {
		assertThatThrownBy(() -> ItemLifecycle.TABLE.next(ItemStatus.OPEN, ItemAction.TAKE))
			.isInstanceOf(IllegalStateException.class);
		assertThat(ItemLifecycle.TABLE.next(ItemStatus.OPEN, ItemAction.WITHDRAW)).isEqualTo(ItemStatus.WITHDRAWN);
		assertThat(ItemLifecycle.TABLE.next(ItemStatus.FULLY_CLAIMED, ItemAction.COMPLETE))
			.isEqualTo(ItemStatus.COMPLETED);
	}

	@Test
	void completedAndWithdrawnItemsAreFinal() {
		assertThat(ItemLifecycle.TABLE.actionsFrom(ItemStatus.COMPLETED)).isEmpty();
		assertThat(ItemLifecycle.TABLE.actionsFrom(ItemStatus.WITHDRAWN)).isEmpty();
		assertThat(ItemLifecycle.TABLE.actionsFrom(ItemStatus.OPEN))
			.containsExactlyInAnyOrder(ItemAction.TAKE, ItemAction.WITHDRAW);
	}

	@Test
	void aWithdrawalFromTheWrongStateIsRefusedNamingTheState() {
		for (ItemStatus state : ItemStatus.values()) {
			DomainException refusal = ItemLifecycle.TABLE.illegal(state, ItemAction.WITHDRAW);
			assertThat(refusal.code()).isEqualTo("ILLEGAL_TRANSITION");
			assertThat(refusal.category()).isEqualTo(DomainException.Category.CONFLICT);
			assertThat(refusal.messageKey()).isEqualTo("partnership.notWithdrawable");
			assertThat(refusal.args()).containsExactly(state.name(), "WITHDRAW");
		}
	}

	@Test
	void aClaimOfAnItemNoLongerOpenIsRefusedNotOpen() {
		for (ItemStatus state : EnumSet.complementOf(EnumSet.of(ItemStatus.OPEN))) {
			DomainException refusal = ItemLifecycle.TABLE.illegal(state, ItemAction.TAKE);
			assertThat(refusal.code()).isEqualTo("NOT_OPEN");
			assertThat(refusal.category()).isEqualTo(DomainException.Category.CONFLICT);
			assertThat(refusal.messageKey()).isEqualTo("partnership.notOpen");
			assertThat(refusal.args()).containsExactly(state.name(), "TAKE");
		}
	}

	@Test
	void staffAndLiaisonsTakeAndWithdrawStaffComplete() {
		for (ItemAction action : EnumSet.of(ItemAction.TAKE, ItemAction.WITHDRAW)) {
			assertThat(ItemLifecycle.TABLE.mayTake(Set.of(Role.PARTNER_LIAISON), action)).as("%s", action).isTrue();
			assertThat(ItemLifecycle.TABLE.mayTake(Set.of(Role.COMMUNITY_STAFF), action)).as("%s", action).isTrue();
		}
		assertThat(ItemLifecycle.TABLE.mayTake(Set.of(Role.PARTNER_LIAISON), ItemAction.COMPLETE)).isFalse();
		assertThat(ItemLifecycle.TABLE.mayTake(Set.of(Role.COMMUNITY_STAFF), ItemAction.COMPLETE)).isTrue();
		for (ItemAction action : ItemAction.values()) {
			assertThat(ItemLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), action)).as("%s", action).isFalse();
		}
	}
}

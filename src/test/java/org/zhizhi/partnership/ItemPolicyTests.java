package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.partnership.ClaimPolicyTests.BANK_LIAISON;
import static org.zhizhi.partnership.ClaimPolicyTests.SCHOOL_LIAISON;
import static org.zhizhi.partnership.ClaimPolicyTests.STAFF;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Every action on a list item in every state for the staff and the liaisons, without Spring: a need or project is taken
 * by the staff for a unit or by a liaison for his own unit once, a resource by the community's staff; an unclaimed
 * item is withdrawn by the staff or the liaison of the unit that offered it; COMPLETE is nobody's button.
 */
class ItemPolicyTests {

	@Test
	void theStaffTakeAnOpenItemAndWithdrawItWhileNobodyClaimedIt() {
		for (ItemKind kind : ItemKind.values()) {
			for (ItemStatus state : ItemStatus.values()) {
				Set<ItemAction> expected = state == ItemStatus.OPEN ? EnumSet.of(ItemAction.TAKE, ItemAction.WITHDRAW)
						: EnumSet.noneOf(ItemAction.class);
				assertThat(ItemPolicy.allowedActions(STAFF, item(kind, state, "0"), false)).as("%s %s", kind, state)
					.isEqualTo(expected);
			}
			assertThat(ItemPolicy.allowedActions(STAFF, item(kind, ItemStatus.OPEN, "1"), false)).as("%s", kind)
				.containsExactly(ItemAction.TAKE);
		}
	}

	@Test
	void aLiaisonTakesAnOpenNeedOrProjectForHisUnitOnce() {
		for (ItemKind kind : EnumSet.of(ItemKind.NEED, ItemKind.PROJECT)) {
			for (ItemStatus state : ItemStatus.values()) {
				Set<ItemAction> expected = state == ItemStatus.OPEN ? EnumSet.of(ItemAction.TAKE)
						: EnumSet.noneOf(ItemAction.class);
				assertThat(ItemPolicy.allowedActions(SCHOOL_LIAISON, item(kind, state, "1"), false))
					.as("%s %s", kind, state)
					.isEqualTo(expected);
				assertThat(ItemPolicy.allowedActions(SCHOOL_LIAISON, item(kind, state, "1"), true))
					.as("%s %s claimed by his unit", kind, state)
					.isEmpty();
			}
		}
	}

	@Test
	void aLiaisonWithdrawsHisUnitsUnclaimedResourceAndNeverTakesAResource() {
		for (ItemStatus state : ItemStatus.values()) {
			ListItem unclaimed = item(ItemKind.RESOURCE, state, "0");
			assertThat(ItemPolicy.allowedActions(SCHOOL_LIAISON, unclaimed, false)).as("%s", state)
				.isEqualTo(state == ItemStatus.OPEN ? EnumSet.of(ItemAction.WITHDRAW)
						: EnumSet.noneOf(ItemAction.class));
			assertThat(ItemPolicy.allowedActions(BANK_LIAISON, unclaimed, false)).as("another unit's, %s", state)
				.isEmpty();
			assertThat(ItemPolicy.allowedActions(SCHOOL_LIAISON, item(ItemKind.RESOURCE, state, "1"), false))
				.as("claimed, %s", state)
				.isEmpty();
		}
	}

	@Test
	void completionIsNobodysButtonAndNothingIsAllowedThatTheTableRefuses() {
		for (ItemKind kind : ItemKind.values()) {
			for (ItemStatus state : ItemStatus.values()) {
				for (boolean claimedByHisUnit : new boolean[] { false, true }) {
					for (var access : Set.of(STAFF, SCHOOL_LIAISON, BANK_LIAISON)) {
						Set<ItemAction> allowed = ItemPolicy.allowedActions(access, item(kind, state, "0"),
								claimedByHisUnit);
						assertThat(allowed).doesNotContain(ItemAction.COMPLETE);
						allowed.forEach(a -> assertThat(ItemLifecycle.TABLE.allows(state, a)).isTrue());
					}
				}
			}
		}
	}

	@Test
	void theCommandsRefuseWithTheCodesTheApiHasAlwaysAnswered() {
		UUID school = SCHOOL_LIAISON.partnerId();
		Item need = new Item(UUID.randomUUID(), UUID.randomUUID(), ItemKind.NEED, null, new BigDecimal("4"),
				ItemStatus.OPEN, BigDecimal.ZERO, null, null, 0);
		Item resource = new Item(UUID.randomUUID(), UUID.randomUUID(), ItemKind.RESOURCE, school, new BigDecimal("4"),
				ItemStatus.OPEN, BigDecimal.ZERO, null, null, 0);
		for (Item item : List.of(need, resource)) {
			assertThat(ItemPolicy.refusal(STAFF, item, ItemAction.TAKE)).isNull();
			assertThat(ItemPolicy.refusal(STAFF, item, ItemAction.WITHDRAW)).isNull();
			assertThat(ItemPolicy.refusal(STAFF, item, ItemAction.COMPLETE)).as("nobody's button")
				.satisfies(e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		}
		assertThat(ItemPolicy.refusal(SCHOOL_LIAISON, need, ItemAction.TAKE)).isNull();
		assertThat(ItemPolicy.refusal(SCHOOL_LIAISON, resource, ItemAction.TAKE)).as("a resource is the community's")
			.satisfies(e -> assertThat(e.code()).isEqualTo("FORBIDDEN"))
			.satisfies(e -> assertThat(e.messageKey()).isEqualTo("partnership.communityClaimsResources"));
		assertThat(ItemPolicy.refusal(SCHOOL_LIAISON, resource, ItemAction.WITHDRAW)).isNull();
		for (Item item : List.of(need, resource)) {
			assertThat(ItemPolicy.refusal(BANK_LIAISON, item, ItemAction.WITHDRAW)).as("not his unit's")
				.satisfies(e -> assertThat(e.code()).isEqualTo("FORBIDDEN"))
				.satisfies(e -> assertThat(e.messageKey()).isEqualTo("problem.forbidden"));
		}
	}

	/** An item of the school's community; a resource is offered by the school. */
	private static ListItem item(ItemKind kind, ItemStatus status, String claimed) {
		UUID school = SCHOOL_LIAISON.partnerId();
		return new ListItem(UUID.randomUUID(), UUID.randomUUID(), "金银桥社区", kind,
				kind == ItemKind.RESOURCE ? school : null, kind == ItemKind.RESOURCE ? "木洞小学" : null, "院坝义诊",
				ItemCategory.OTHER, "", new BigDecimal("4"), Measure.PEOPLE, new BigDecimal(claimed),
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null, status,
				Instant.parse("2026-06-01T02:00:00Z"), null, null, null, null, null, null);
	}
}

package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.partnership.Claim.ClaimerKind;
import org.zhizhi.partnership.PartnershipManagement.Access;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Role;

/**
 * Every action on a pledge in every state for every part a person plays, without Spring: the community's staff, the
 * liaison of the unit that delivers, the liaison of another unit. What {@link ClaimPolicy} allows is what the table
 * allows from the state, to the roles, for the relation.
 */
class ClaimPolicyTests {

	private static final UUID SCHOOL = UUID.randomUUID();

	private static final UUID BANK = UUID.randomUUID();

	private static final DataScope COMMUNITY = new DataScope(UUID.randomUUID(), "/500113/108/003/");

	static final Access STAFF = new Access(COMMUNITY, null, true, Set.of(Role.COMMUNITY_STAFF));

	static final Access STREET = new Access(COMMUNITY, null, true, Set.of(Role.STREET_STAFF));

	static final Access SCHOOL_LIAISON = new Access(COMMUNITY, SCHOOL, false, Set.of(Role.PARTNER_LIAISON));

	static final Access BANK_LIAISON = new Access(COMMUNITY, BANK, false, Set.of(Role.PARTNER_LIAISON));

	/** What each part may do with the school's pledge in each state. */
	private static final Map<ClaimStatus, Set<ClaimAction>> STAFF_MAY = Map.of(
			ClaimStatus.PLEDGED, EnumSet.of(ClaimAction.PROGRESS, ClaimAction.DELIVER),
			ClaimStatus.DELIVERED, EnumSet.of(ClaimAction.ACCEPT, ClaimAction.SEND_BACK),
			ClaimStatus.ACCEPTED, EnumSet.noneOf(ClaimAction.class));

	private static final Map<ClaimStatus, Set<ClaimAction>> DELIVERER_MAY = Map.of(
			ClaimStatus.PLEDGED, EnumSet.of(ClaimAction.PROGRESS, ClaimAction.DELIVER),
			ClaimStatus.DELIVERED, EnumSet.noneOf(ClaimAction.class),
			ClaimStatus.ACCEPTED, EnumSet.noneOf(ClaimAction.class));

	@Test
	void everyPartInEveryStateMayTakeExactlyItsSteps() {
		for (ClaimStatus state : ClaimStatus.values()) {
			Claim claim = claim(SCHOOL, state);
			assertThat(ClaimPolicy.allowedActions(STAFF, claim)).as("staff, %s", state).isEqualTo(STAFF_MAY.get(state));
			assertThat(ClaimPolicy.allowedActions(STREET, claim)).as("street, %s", state)
				.isEqualTo(STAFF_MAY.get(state));
			assertThat(ClaimPolicy.allowedActions(SCHOOL_LIAISON, claim)).as("the deliverer's liaison, %s", state)
				.isEqualTo(DELIVERER_MAY.get(state));
			assertThat(ClaimPolicy.allowedActions(BANK_LIAISON, claim)).as("another unit's liaison, %s", state)
				.isEmpty();
		}
	}

	@Test
	void nothingIsAllowedThatTheTableRefusesFromTheState() {
		for (Access access : Set.of(STAFF, STREET, SCHOOL_LIAISON, BANK_LIAISON)) {
			for (ClaimStatus state : ClaimStatus.values()) {
				for (ClaimAction action : ClaimPolicy.allowedActions(access, claim(SCHOOL, state))) {
					assertThat(ClaimLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state).isTrue();
					assertThat(ClaimLifecycle.TABLE.mayTake(access.roles(), action)).isTrue();
				}
			}
		}
	}

	@Test
	void aLiaisonWithoutHisRoleTakesNoStepEvenOnHisUnitsPledge() {
		Access roleless = new Access(COMMUNITY, SCHOOL, false, Set.of(Role.RESIDENT));
		for (ClaimStatus state : ClaimStatus.values()) {
			assertThat(ClaimPolicy.allowedActions(roleless, claim(SCHOOL, state))).isEmpty();
		}
	}

	@Test
	void theCommandsRefuseWithTheCodesTheApiHasAlwaysAnswered() {
		Pledge school = PledgeTests.pledgeIn(SCHOOL, ClaimStatus.DELIVERED);
		for (ClaimAction action : ClaimAction.values()) {
			assertThat(ClaimPolicy.refusal(STAFF, school, action)).as("staff, %s", action).isNull();
			assertThat(ClaimPolicy.refusal(STREET, school, action)).as("street, %s", action).isNull();
			assertThat(ClaimPolicy.refusalBeforeReading(STAFF, action)).isNull();
		}
		for (ClaimAction action : EnumSet.of(ClaimAction.PROGRESS, ClaimAction.DELIVER)) {
			assertThat(ClaimPolicy.refusal(SCHOOL_LIAISON, school, action)).as("the deliverer's liaison, %s", action)
				.isNull();
			// another unit's pledge does not exist for a liaison: 404, as outside his scope
			assertThat(ClaimPolicy.refusal(BANK_LIAISON, school, action)).as("another unit's liaison, %s", action)
				.satisfies(e -> assertThat(e.code()).isEqualTo("NOT_FOUND"))
				.satisfies(e -> assertThat(e.category()).isEqualTo(Category.NOT_FOUND));
			assertThat(ClaimPolicy.refusalBeforeReading(BANK_LIAISON, action)).isNull();
		}
		for (ClaimAction action : EnumSet.of(ClaimAction.ACCEPT, ClaimAction.SEND_BACK)) {
			// the community's steps: 403 to any liaison, before the pledge is read (whatever the id)
			for (Access liaison : Set.of(SCHOOL_LIAISON, BANK_LIAISON)) {
				assertThat(ClaimPolicy.refusalBeforeReading(liaison, action)).as("%s, %s", liaison, action)
					.satisfies(e -> assertThat(e.code()).isEqualTo("FORBIDDEN"))
					.satisfies(e -> assertThat(e.category()).isEqualTo(Category.FORBIDDEN));
				assertThat(ClaimPolicy.refusal(liaison, school, action)).isNotNull()
					.satisfies(e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
			}
		}
		Access roleless = new Access(COMMUNITY, SCHOOL, false, Set.of(Role.RESIDENT));
		for (ClaimAction action : ClaimAction.values()) {
			assertThat(ClaimPolicy.refusalBeforeReading(roleless, action)).as("without the role, %s", action)
				.satisfies(e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
		}
	}

	static Claim claim(UUID deliverer, ClaimStatus status) {
		return new Claim(UUID.randomUUID(), UUID.randomUUID(), "院坝义诊", ClaimerKind.PARTNER, deliverer, "木洞小学",
				deliverer, "木洞小学", new BigDecimal("2"), LocalDate.of(2026, 12, 31), status,
				Instant.parse("2026-06-01T02:00:00Z"), null, null, null, null, null);
	}
}

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

	static Claim claim(UUID deliverer, ClaimStatus status) {
		return new Claim(UUID.randomUUID(), UUID.randomUUID(), "院坝义诊", ClaimerKind.PARTNER, deliverer, "木洞小学",
				deliverer, "木洞小学", new BigDecimal("2"), LocalDate.of(2026, 12, 31), status,
				Instant.parse("2026-06-01T02:00:00Z"), null, null, null, null, null);
	}
}

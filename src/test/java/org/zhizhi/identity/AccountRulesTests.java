package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhizhi.shared.Role;

/**
 * 三员分立 as a table, every actor role × every target role × every account action checked against the rules as the
 * issue states them: the security admin never grants AUDITOR, SYSTEM_ADMIN or a business role; the system admin opens
 * business accounts and appoints auditors; the security admin confirms; nobody resets an auditor's password.
 */
class AccountRulesTests {

	private static final String BUSINESS = "DISTRICT_ADMIN STREET_STAFF COMMUNITY_STAFF GRID_WORKER PARTY_MEMBER "
			+ "PARTNER_LIAISON PROPERTY_STAFF RESIDENT PROPERTY_INSPECTOR";

	private static final String BELOW_DISTRICT = "STREET_STAFF COMMUNITY_STAFF GRID_WORKER PARTY_MEMBER "
			+ "PARTNER_LIAISON PROPERTY_STAFF RESIDENT";

	private static final String LOOK_AFTER = "UNLOCK RESET_PASSWORD DISABLE ENABLE REVOKE_TOKENS";

	/** actor role → target roles → actions; every pair not written here allows nothing. */
	private static final Map<Role, Map<Set<Role>, Set<AccountAction>>> EXPECTED = new LinkedHashMap<>();

	static {
		expect(Role.SYSTEM_ADMIN, BUSINESS, "GRANT DISABLE ENABLE REVOKE_TOKENS");
		expect(Role.SYSTEM_ADMIN, "AUDITOR", "APPOINT DISABLE ENABLE REVOKE_TOKENS");
		expect(Role.SECURITY_ADMIN, BUSINESS, LOOK_AFTER + " RESET_TWO_FACTOR");
		expect(Role.SECURITY_ADMIN, "SECURITY_ADMIN", "GRANT " + LOOK_AFTER + " RESET_TWO_FACTOR");
		expect(Role.SECURITY_ADMIN, "AUDITOR", "CONFIRM UNLOCK REVOKE_TOKENS RESET_TWO_FACTOR");
		expect(Role.SECURITY_ADMIN, "SYSTEM_ADMIN", "UNLOCK REVOKE_TOKENS RESET_TWO_FACTOR");
		expect(Role.DISTRICT_ADMIN, BUSINESS, "GRANT " + LOOK_AFTER);
		expect(Role.STREET_STAFF, BELOW_DISTRICT, "GRANT " + LOOK_AFTER);
		expect(Role.COMMUNITY_STAFF, "COMMUNITY_STAFF GRID_WORKER PARTY_MEMBER PARTNER_LIAISON PROPERTY_STAFF RESIDENT",
				"GRANT " + LOOK_AFTER);
	}

	static Stream<Arguments> everyActorTargetAndAction() {
		return EnumSet.allOf(Role.class)
			.stream()
			.flatMap(actor -> EnumSet.allOf(Role.class)
				.stream()
				.flatMap(target -> EnumSet.allOf(AccountAction.class)
					.stream()
					.map(action -> Arguments.of(actor, target, action))));
	}

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@MethodSource("everyActorTargetAndAction")
	void eachRoleMayDoExactlyWhatTheRulesSay(Role actor, Role target, AccountAction action) {
		assertThat(AccountRules.actions(actor, target).contains(action)).isEqualTo(expected(actor, target, action));
	}

	@Test
	void theSecurityAdminGrantsNoAuditorNoSystemAdminAndNoBusinessRole() {
		assertThat(GrantRules.grantableBy(Set.of(Role.SECURITY_ADMIN))).containsExactly(Role.SECURITY_ADMIN);
		assertThat(GrantRules.appointableBy(Set.of(Role.SECURITY_ADMIN))).isEmpty();
	}

	@Test
	void theSystemAdminOpensBusinessAccountsAndAppointsAuditorsButLooksAfterNoPasswords() {
		assertThat(GrantRules.grantableBy(Set.of(Role.SYSTEM_ADMIN))).containsExactlyInAnyOrderElementsOf(
				roles(BUSINESS));
		assertThat(GrantRules.appointableBy(Set.of(Role.SYSTEM_ADMIN))).containsExactly(Role.AUDITOR);
		assertThat(AccountRules.actions(Set.of(Role.SYSTEM_ADMIN), Set.of(Role.COMMUNITY_STAFF)))
			.doesNotContain(AccountAction.UNLOCK, AccountAction.RESET_PASSWORD);
	}

	@Test
	void nobodyResetsAnAuditorsPassword() {
		for (Role actor : Role.values()) {
			assertThat(AccountRules.actions(actor, Role.AUDITOR)).as(actor.name())
				.doesNotContain(AccountAction.RESET_PASSWORD, AccountAction.GRANT);
		}
	}

	@Test
	void onlyTheSecurityAdminResetsTwoFactor() {
		for (Role actor : Role.values()) {
			for (Role target : Role.values()) {
				assertThat(AccountRules.actions(actor, target).contains(AccountAction.RESET_TWO_FACTOR))
					.as("%s → %s", actor, target)
					.isEqualTo(actor == Role.SECURITY_ADMIN);
			}
		}
	}

	@Test
	void anAccountWithSeveralRolesAllowsOnlyWhatEveryOneOfThemAllows() {
		assertThat(AccountRules.actions(Set.of(Role.COMMUNITY_STAFF), Set.of(Role.GRID_WORKER, Role.RESIDENT)))
			.contains(AccountAction.RESET_PASSWORD);
		assertThat(AccountRules.actions(Set.of(Role.COMMUNITY_STAFF), Set.of(Role.GRID_WORKER, Role.STREET_STAFF)))
			.isEmpty();
		assertThat(AccountRules.actions(Set.of(Role.SECURITY_ADMIN), Set.of())).isEmpty();
	}

	@Test
	void onlyTheRolesInTheTableReachTheAccountPages() {
		Set<Role> managers = EnumSet.allOf(Role.class)
			.stream()
			.filter(role -> AccountRules.managesAccounts(Set.of(role)))
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
		assertThat(managers).isEqualTo(Role.ACCOUNT_MANAGERS);
	}

	private static boolean expected(Role actor, Role target, AccountAction action) {
		return EXPECTED.getOrDefault(actor, Map.of())
			.entrySet()
			.stream()
			.anyMatch(row -> row.getKey().contains(target) && row.getValue().contains(action));
	}

	private static void expect(Role actor, String targets, String actions) {
		EXPECTED.computeIfAbsent(actor, a -> new LinkedHashMap<>())
			.put(roles(targets), Stream.of(actions.split(" "))
				.map(AccountAction::valueOf)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(AccountAction.class))));
	}

	private static Set<Role> roles(String names) {
		return Stream.of(names.split(" "))
			.map(Role::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}
}

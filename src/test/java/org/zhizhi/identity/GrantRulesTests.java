package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;

/** Nobody grants a role or a scope wider than his own — the rule RuoYi-based platforms broke. */
class GrantRulesTests {

	static final UUID ROOT = UUID.randomUUID(), DISTRICT = UUID.randomUUID(), COMMUNITY = UUID.randomUUID(),
			OTHER_COMMUNITY = UUID.randomUUID(), GRID = UUID.randomUUID();

	static final DataScope ROOT_SCOPE = new DataScope(ROOT, "/" + ROOT + "/");

	static final DataScope DISTRICT_SCOPE = new DataScope(DISTRICT, ROOT_SCOPE.path() + DISTRICT + "/");

	static final DataScope COMMUNITY_SCOPE = new DataScope(COMMUNITY, DISTRICT_SCOPE.path() + COMMUNITY + "/");

	static final DataScope OTHER_COMMUNITY_SCOPE = new DataScope(OTHER_COMMUNITY,
			DISTRICT_SCOPE.path() + OTHER_COMMUNITY + "/");

	static final DataScope GRID_SCOPE = new DataScope(GRID, COMMUNITY_SCOPE.path() + GRID + "/");

	final Actor communityStaff = actor(Role.COMMUNITY_STAFF, COMMUNITY_SCOPE);

	final Actor securityAdmin = actor(Role.SECURITY_ADMIN, ROOT_SCOPE);

	final Actor systemAdmin = actor(Role.SYSTEM_ADMIN, ROOT_SCOPE);

	@Test
	void communityStaffGrantsGridWorkersOnHisGrids() {
		assertThat(GrantRules.check(communityStaff, Set.of(Role.GRID_WORKER), GRID_SCOPE, OrgLevel.GRID,
				GridPosition.PART_TIME)).isEmpty();
	}

	@Test
	void communityStaffCannotGrantWiderRoles() {
		assertThat(keys(GrantRules.check(communityStaff, Set.of(Role.DISTRICT_ADMIN), DISTRICT_SCOPE,
				OrgLevel.DISTRICT, null))).contains("account.role.beyondReach", "account.scope.beyondReach");
	}

	@Test
	void communityStaffCannotBindOutsideHisScope() {
		assertThat(keys(GrantRules.check(communityStaff, Set.of(Role.COMMUNITY_STAFF), OTHER_COMMUNITY_SCOPE,
				OrgLevel.COMMUNITY, null))).containsExactly("account.scope.beyondReach");
	}

	@Test
	void securityAdminCannotMakeSystemAdmins() {
		assertThat(keys(GrantRules.check(securityAdmin, Set.of(Role.SYSTEM_ADMIN), ROOT_SCOPE, OrgLevel.CITY, null)))
			.containsExactly("account.role.beyondReach");
		// issue 11: nor an auditor, nor a business role (he would use it himself)
		assertThat(GrantRules.grantableBy(Set.of(Role.SECURITY_ADMIN))).doesNotContain(Role.SYSTEM_ADMIN,
				Role.AUDITOR, Role.DISTRICT_ADMIN, Role.COMMUNITY_STAFF);
		assertThat(keys(GrantRules.check(securityAdmin, Set.of(Role.AUDITOR), ROOT_SCOPE, OrgLevel.CITY, null)))
			.containsExactly("account.role.auditorAppointed");
		assertThat(keys(GrantRules.check(securityAdmin, Set.of(Role.COMMUNITY_STAFF), COMMUNITY_SCOPE,
				OrgLevel.COMMUNITY, null))).containsExactly("account.role.beyondReach");
	}

	@Test
	void theSystemAdminOpensBusinessAccountsButGridWorkersManageNone() {
		// issue 11 turned this round: the system admin opens the business accounts, the security admin no longer
		assertThat(GrantRules.grantableBy(Set.of(Role.SYSTEM_ADMIN))).contains(Role.DISTRICT_ADMIN, Role.RESIDENT)
			.doesNotContain(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR);
		assertThat(GrantRules.grantableBy(Set.of(Role.GRID_WORKER, Role.PARTY_MEMBER))).isEmpty();
		assertThat(GrantRules.mayManageAccounts(actor(Role.AUDITOR, ROOT_SCOPE))).isFalse();
	}

	@Test
	void rolesBelongAtTheirLevel() {
		assertThat(keys(GrantRules.check(systemAdmin, Set.of(Role.GRID_WORKER), COMMUNITY_SCOPE, OrgLevel.COMMUNITY,
				GridPosition.GRID_LEADER))).containsExactly("account.role.wrongLevel");
	}

	@Test
	void gridWorkersNeedTheirPostAndOnlyThey() {
		assertThat(keys(GrantRules.check(communityStaff, Set.of(Role.GRID_WORKER), GRID_SCOPE, OrgLevel.GRID, null)))
			.containsExactly("account.gridPosition.required");
		assertThat(keys(GrantRules.check(communityStaff, Set.of(Role.RESIDENT), GRID_SCOPE, OrgLevel.GRID,
				GridPosition.FULL_TIME))).containsExactly("account.gridPosition.onlyForGridWorkers");
	}

	@Test
	void theSeparatedAdministrationRolesStandAlone() {
		assertThat(keys(GrantRules.check(securityAdmin, Set.of(Role.AUDITOR, Role.SECURITY_ADMIN), ROOT_SCOPE,
				OrgLevel.CITY, null))).contains("account.role.separated");
		assertThat(keys(GrantRules.check(securityAdmin, Set.of(Role.AUDITOR, Role.DISTRICT_ADMIN), DISTRICT_SCOPE,
				OrgLevel.DISTRICT, null))).contains("account.role.separated");
		// an auditor alone is fine — appointed by the system admin, since issue 11 no longer granted by the security admin
		assertThat(GrantRules.checkAppointment(systemAdmin, Set.of(Role.AUDITOR), ROOT_SCOPE, OrgLevel.CITY)).isEmpty();
		assertThat(keys(GrantRules.checkAppointment(systemAdmin, Set.of(Role.AUDITOR, Role.RESIDENT), GRID_SCOPE,
				OrgLevel.GRID))).contains("account.role.separated");
	}

	@Test
	void anAppointerNeverConfirmsHisOwnAppointment() {
		AuditorAppointment bySystemAdmin = new AuditorAppointment(UUID.randomUUID(), "auditor2", "审计员", ROOT,
				ROOT_SCOPE.path(), systemAdmin.userId(), "系统管理员", java.time.Instant.EPOCH);
		assertThat(AuditorAppointments.mayConfirm(securityAdmin, bySystemAdmin)).isTrue();
		assertThat(AuditorAppointments.mayConfirm(systemAdmin, bySystemAdmin)).isFalse();
		assertThat(AuditorAppointments.mayConfirm(communityStaff, bySystemAdmin)).isFalse();
		// a security admin who (somehow) appointed one cannot confirm it either
		AuditorAppointment bySecurityAdmin = new AuditorAppointment(UUID.randomUUID(), "auditor3", "审计员", ROOT,
				ROOT_SCOPE.path(), securityAdmin.userId(), "安全管理员", java.time.Instant.EPOCH);
		assertThat(AuditorAppointments.mayConfirm(securityAdmin, bySecurityAdmin)).isFalse();
	}

	@Test
	void theSecurityAdminLooksAfterBusinessAccountsButCannotSilenceAnAuditor() {
		Account worker = account(Set.of(Role.COMMUNITY_STAFF), COMMUNITY_SCOPE);
		assertThat(AccountManagement.allowedActions(securityAdmin, worker)).contains(AccountAction.UNLOCK,
				AccountAction.RESET_PASSWORD);
		Account auditor = account(Set.of(Role.AUDITOR), DISTRICT_SCOPE);
		assertThat(AccountManagement.allowedActions(securityAdmin, auditor)).doesNotContain(AccountAction.DISABLE,
				AccountAction.RESET_PASSWORD);
		assertThat(AccountManagement.allowedActions(systemAdmin, auditor)).contains(AccountAction.DISABLE)
			.doesNotContain(AccountAction.RESET_PASSWORD);
	}

	@Test
	void noOneTakesOverAPeerOrHimself() {
		Actor other = actor(Role.COMMUNITY_STAFF, COMMUNITY_SCOPE);
		assertThat(GrantRules.mayManage(communityStaff, other.roles(), COMMUNITY_SCOPE.path())).isFalse();
		assertThat(GrantRules.mayManage(securityAdmin, Set.of(Role.SECURITY_ADMIN), ROOT_SCOPE.path())).isFalse();
		assertThat(GrantRules.mayManage(securityAdmin, Set.of(Role.SECURITY_ADMIN), DISTRICT_SCOPE.path())).isTrue();
		assertThat(GrantRules.mayManage(communityStaff, Set.of(Role.PARTY_MEMBER), COMMUNITY_SCOPE.path())).isTrue();
	}

	@Test
	void anAuditorsAccountIsNeverTakenOver() {
		assertThat(GrantRules.mayManage(securityAdmin, Set.of(Role.AUDITOR), ROOT_SCOPE.path())).isTrue();
		assertThat(GrantRules.mayTakeOver(Set.of(Role.AUDITOR))).isFalse();
		assertThat(GrantRules.mayTakeOver(Set.of(Role.DISTRICT_ADMIN))).isTrue();
	}

	@Test
	void anAccountNeedsARole() {
		assertThat(keys(GrantRules.check(communityStaff, Set.of(), GRID_SCOPE, OrgLevel.GRID, null)))
			.containsExactly("validation.required");
	}

	@Test
	void aManagerLooksAfterOnlyAccountsHeCouldHaveGranted() {
		Account gridWorker = account(Set.of(Role.GRID_WORKER), GRID_SCOPE);
		Account districtAdmin = account(Set.of(Role.DISTRICT_ADMIN), DISTRICT_SCOPE);
		Account neighbour = account(Set.of(Role.GRID_WORKER), OTHER_COMMUNITY_SCOPE);
		assertThat(AccountManagement.mayManage(communityStaff, gridWorker)).isTrue();
		assertThat(AccountManagement.mayManage(communityStaff, districtAdmin)).isFalse();
		assertThat(AccountManagement.mayManage(communityStaff, neighbour)).isFalse();
	}

	static Actor actor(Role role, DataScope scope) {
		return new Actor(UUID.randomUUID(), "user", "用户", Set.of(role), scope);
	}

	static Account account(Set<Role> roles, DataScope scope) {
		return new Account(UUID.randomUUID(), "someone", "某人", roles, null, scope.orgUnitId(), scope.path(), true,
				null, false, java.time.Instant.now());
	}

	private static List<String> keys(List<FieldProblem> problems) {
		return problems.stream().map(FieldProblem::messageKey).distinct().toList();
	}
}

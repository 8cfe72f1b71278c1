package org.zhizhi.identity;

import static org.zhizhi.shared.Role.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;

/**
 * Who may give which role to whom, and at which level of the tree a role may be bound. The rule that known platforms
 * got wrong (a scoped admin granting a role or a scope wider than his own) is enforced here: a granter gives only the
 * roles {@link AccountRules} lets him give, and only on nodes inside his own scope.
 */
public final class GrantRules {

	/** The levels of the tree at which each role may be bound. */
	private static final Map<Role, Set<OrgLevel>> LEVELS = Map.ofEntries(
			Map.entry(SYSTEM_ADMIN, EnumSet.of(OrgLevel.CITY, OrgLevel.DISTRICT)),
			Map.entry(SECURITY_ADMIN, EnumSet.of(OrgLevel.CITY, OrgLevel.DISTRICT, OrgLevel.STREET)),
			Map.entry(AUDITOR, EnumSet.of(OrgLevel.CITY, OrgLevel.DISTRICT, OrgLevel.STREET)),
			Map.entry(DISTRICT_ADMIN, EnumSet.of(OrgLevel.DISTRICT)),
			Map.entry(STREET_STAFF, EnumSet.of(OrgLevel.STREET)),
			Map.entry(COMMUNITY_STAFF, EnumSet.of(OrgLevel.COMMUNITY)),
			Map.entry(GRID_WORKER, EnumSet.of(OrgLevel.GRID)),
			Map.entry(PARTY_MEMBER, EnumSet.of(OrgLevel.COMMUNITY, OrgLevel.GRID, OrgLevel.MICRO_GRID)),
			Map.entry(PARTNER_LIAISON, EnumSet.of(OrgLevel.STREET, OrgLevel.COMMUNITY)),
			Map.entry(PROPERTY_STAFF, EnumSet.of(OrgLevel.COMMUNITY, OrgLevel.GRID)),
			Map.entry(RESIDENT, EnumSet.of(OrgLevel.GRID, OrgLevel.MICRO_GRID)),
			// the 环物小组 of a district, or one group for several districts (a city node)
			Map.entry(PROPERTY_INSPECTOR, EnumSet.of(OrgLevel.CITY, OrgLevel.DISTRICT, OrgLevel.STREET)));

	/** The separated administration roles (三员): each stands alone on its account, never combined with another role. */
	public static final Set<Role> SEPARATED = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR);

	private GrantRules() {
	}

	/** The roles one holding {@code granterRoles} may give at once, opening an account. */
	public static Set<Role> grantableBy(Set<Role> granterRoles) {
		return AccountRules.rolesFor(granterRoles, AccountAction.GRANT);
	}

	/** The roles one holding {@code roles} may only propose; someone else confirms (the auditor's). */
	public static Set<Role> appointableBy(Set<Role> roles) {
		return AccountRules.rolesFor(roles, AccountAction.APPOINT);
	}

	public static boolean mayManageAccounts(Actor actor) {
		return AccountRules.managesAccounts(actor.roles());
	}

	public static Set<OrgLevel> levelsFor(Role role) {
		return LEVELS.get(role);
	}

	/**
	 * Everything wrong with granting these roles on this node: roles beyond the granter's reach, a node outside his
	 * scope, roles that do not belong at the node's level, a grid worker without his post.
	 */
	public static List<FieldProblem> check(Actor granter, Set<Role> roles, DataScope target, OrgLevel targetLevel,
			GridPosition gridPosition) {
		return check(granter, AccountAction.GRANT, roles, target, targetLevel, gridPosition);
	}

	/** The same checks for a proposed account that someone else is to confirm. */
	public static List<FieldProblem> checkAppointment(Actor appointer, Set<Role> roles, DataScope target,
			OrgLevel targetLevel) {
		return check(appointer, AccountAction.APPOINT, roles, target, targetLevel, null);
	}

	private static List<FieldProblem> check(Actor granter, AccountAction action, Set<Role> roles, DataScope target,
			OrgLevel targetLevel, GridPosition gridPosition) {
		List<FieldProblem> problems = new ArrayList<>();
		if (roles.isEmpty()) {
			problems.add(new FieldProblem("roles", "validation.required"));
		}
		Set<Role> allowed = AccountRules.rolesFor(granter.roles(), action);
		for (Role role : roles) {
			if (!allowed.contains(role)) {
				// an auditor is never simply granted: say how one comes to be
				problems.add(role == AUDITOR ? new FieldProblem("roles", "account.role.auditorAppointed")
						: new FieldProblem("roles", "account.role.beyondReach", role.name()));
			}
			else if (!LEVELS.get(role).contains(targetLevel)) {
				problems.add(new FieldProblem("orgUnitId", "account.role.wrongLevel", role.name(), targetLevel.name()));
			}
		}
		if (roles.size() > 1 && roles.stream().anyMatch(SEPARATED::contains)) {
			problems.add(new FieldProblem("roles", "account.role.separated"));
		}
		if (!granter.scope().covers(target)) {
			problems.add(new FieldProblem("orgUnitId", "account.scope.beyondReach"));
		}
		if (roles.contains(GRID_WORKER) && gridPosition == null) {
			problems.add(new FieldProblem("gridPosition", "account.gridPosition.required"));
		}
		if (!roles.contains(GRID_WORKER) && gridPosition != null) {
			problems.add(new FieldProblem("gridPosition", "account.gridPosition.onlyForGridWorkers"));
		}
		return problems;
	}

	/**
	 * What a manager may do to an existing account (unlock, reset its password, disable, enable, revoke its tokens):
	 * the steps {@link AccountRules} allows his roles on all the account's roles, provided it lies in his scope and is
	 * not a peer — it lies strictly below his node or shares none of his roles. So no one takes over an equal's
	 * account, his own included (his own password he changes with the current one).
	 */
	public static Set<AccountAction> allowedActions(Actor manager, Set<Role> accountRoles, String accountScopePath) {
		Set<AccountAction> allowed = EnumSet.noneOf(AccountAction.class);
		if (!manager.scope().covers(accountScopePath)) {
			return allowed;
		}
		boolean strictlyBelow = !accountScopePath.equals(manager.scope().path());
		boolean sharesARole = accountRoles.stream().anyMatch(manager.roles()::contains);
		if (!strictlyBelow && sharesARole) {
			return allowed;
		}
		AccountRules.actions(manager.roles(), accountRoles)
			.stream()
			.filter(AccountAction::onAnAccount)
			.forEach(allowed::add);
		return allowed;
	}

	/** Whether the manager may take any step at all on the account. */
	public static boolean mayManage(Actor manager, Set<Role> accountRoles, String accountScopePath) {
		return !allowedActions(manager, accountRoles, accountScopePath).isEmpty();
	}

	/**
	 * Whether an account's password may be reset or the account disabled by someone else. Never the auditor's: the
	 * security admin, whose work the auditor checks, must not be able to silence or impersonate him.
	 */
	public static boolean mayTakeOver(Set<Role> accountRoles) {
		return !accountRoles.contains(AUDITOR);
	}
}

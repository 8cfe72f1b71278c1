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
 * roles within his own reach, and only on nodes inside his own scope.
 */
public final class GrantRules {

	private static final Set<Role> BELOW_DISTRICT = EnumSet.of(STREET_STAFF, COMMUNITY_STAFF, GRID_WORKER,
			PARTY_MEMBER, PARTNER_LIAISON, PROPERTY_STAFF, RESIDENT);

	/**
	 * The roles each role may grant. The system admin runs the platform but manages no accounts (三员分立); the security
	 * admin manages every role except the system admin's; the operational admins grant their own role and those below.
	 */
	private static final Map<Role, Set<Role>> GRANTABLE = Map.of(
			SECURITY_ADMIN, EnumSet.complementOf(EnumSet.of(SYSTEM_ADMIN)),
			DISTRICT_ADMIN, union(EnumSet.of(DISTRICT_ADMIN), BELOW_DISTRICT),
			STREET_STAFF, EnumSet.of(STREET_STAFF, COMMUNITY_STAFF, GRID_WORKER, PARTY_MEMBER, PARTNER_LIAISON,
					PROPERTY_STAFF, RESIDENT),
			COMMUNITY_STAFF, EnumSet.of(COMMUNITY_STAFF, GRID_WORKER, PARTY_MEMBER, PARTNER_LIAISON, PROPERTY_STAFF,
					RESIDENT));

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
			Map.entry(RESIDENT, EnumSet.of(OrgLevel.GRID, OrgLevel.MICRO_GRID)));

	/** The separated administration roles (三员): each stands alone on its account, never combined with another role. */
	public static final Set<Role> SEPARATED = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR);

	private GrantRules() {
	}

	public static Set<Role> grantableBy(Set<Role> granterRoles) {
		Set<Role> grantable = EnumSet.noneOf(Role.class);
		for (Role role : granterRoles) {
			grantable.addAll(GRANTABLE.getOrDefault(role, Set.of()));
		}
		return grantable;
	}

	public static boolean mayManageAccounts(Actor actor) {
		return !grantableBy(actor.roles()).isEmpty();
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
		List<FieldProblem> problems = new ArrayList<>();
		if (roles.isEmpty()) {
			problems.add(new FieldProblem("roles", "validation.required"));
		}
		Set<Role> grantable = grantableBy(granter.roles());
		for (Role role : roles) {
			if (!grantable.contains(role)) {
				problems.add(new FieldProblem("roles", "account.role.beyondReach", role.name()));
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
	 * Whether a manager may look after an existing account (reset its password, disable, unlock, revoke its tokens): it
	 * lies in his scope, he could have granted all its roles, and it is not a peer — it lies strictly below his node or
	 * shares none of his roles. So no one takes over an equal's account, his own included (his own password he changes
	 * with the current one).
	 */
	public static boolean mayManage(Actor manager, Set<Role> accountRoles, String accountScopePath) {
		if (!manager.scope().covers(accountScopePath) || !grantableBy(manager.roles()).containsAll(accountRoles)) {
			return false;
		}
		boolean strictlyBelow = !accountScopePath.equals(manager.scope().path());
		boolean sharesARole = accountRoles.stream().anyMatch(manager.roles()::contains);
		return strictlyBelow || !sharesARole;
	}

	/**
	 * Whether an account's password may be reset or the account disabled by someone else. Never the auditor's: the
	 * security admin, whose work the auditor checks, must not be able to silence or impersonate him.
	 */
	public static boolean mayTakeOver(Set<Role> accountRoles) {
		return !accountRoles.contains(AUDITOR);
	}

	private static Set<Role> union(Set<Role> a, Set<Role> b) {
		Set<Role> all = EnumSet.copyOf(a);
		all.addAll(b);
		return all;
	}
}

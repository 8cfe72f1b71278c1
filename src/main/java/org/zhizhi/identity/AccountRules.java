package org.zhizhi.identity;

import static org.zhizhi.identity.AccountAction.*;
import static org.zhizhi.shared.Role.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.zhizhi.shared.Role;

/**
 * The separation of the three administrators (三员分立) as one table: for each role of the one who acts and each role
 * of the account he acts on, what he may do. Nothing outside this table decides it; {@link GrantRules} adds the scope
 * and the peer rule, the pages and the API ask both.
 *
 * <p>Why the table looks like this (等保 level 3): whoever may give a role must not be the one who can then use it.
 * <ul>
 * <li>The security admin manages accounts but grants no business role and neither {@code AUDITOR} nor
 * {@code SYSTEM_ADMIN}: otherwise he opens himself a community worker and reads residents in full, or an auditor who
 * reads his own trail. He unlocks, resets and stops the business accounts others opened.</li>
 * <li>The system admin opens the business accounts (as the business admins of a scope do) and reads no resident data
 * himself; he cannot unlock or reset them, so he cannot use what he opened without its holder.</li>
 * <li>Auditors are appointed by the system admin and confirmed by the security admin: two people, never one.
 * Nobody resets an auditor's password or, but for the system admin who appoints auditors, stops him — the security
 * admin whose work the auditor checks must not silence or impersonate him.</li>
 * </ul>
 */
public final class AccountRules {

	/** The business roles of the district and below; a district admin grants his own role too. */
	static final Set<Role> BELOW_DISTRICT = EnumSet.of(STREET_STAFF, COMMUNITY_STAFF, GRID_WORKER, PARTY_MEMBER,
			PARTNER_LIAISON, PROPERTY_STAFF, RESIDENT);

	/** The property inspector may be bound above a district, so only the district admin and the system admin open one. */
	static final Set<Role> BUSINESS_ACCOUNTS = union(EnumSet.of(DISTRICT_ADMIN, PROPERTY_INSPECTOR), BELOW_DISTRICT);

	private static final Set<AccountAction> LOOK_AFTER = EnumSet.of(UNLOCK, RESET_PASSWORD, DISABLE, ENABLE,
			REVOKE_TOKENS);

	private static final Set<AccountAction> OPEN_AND_LOOK_AFTER = union(EnumSet.of(GRANT), LOOK_AFTER);

	private static final Map<Role, Map<Role, Set<AccountAction>>> TABLE = new EnumMap<>(Role.class);

	static {
		allow(SYSTEM_ADMIN, BUSINESS_ACCOUNTS, EnumSet.of(GRANT, DISABLE, ENABLE, REVOKE_TOKENS));
		allow(SYSTEM_ADMIN, EnumSet.of(AUDITOR), EnumSet.of(APPOINT, DISABLE, ENABLE, REVOKE_TOKENS));

		// the second factor is reset by the security admin alone (等保: one person in charge of credentials); a reset
		// gives nobody a way in, since the next sign-in still needs the holder's password
		allow(SECURITY_ADMIN, BUSINESS_ACCOUNTS, union(LOOK_AFTER, EnumSet.of(RESET_TWO_FACTOR)));
		allow(SECURITY_ADMIN, EnumSet.of(SECURITY_ADMIN), union(OPEN_AND_LOOK_AFTER, EnumSet.of(RESET_TWO_FACTOR)));
		// protective steps only: never a password he would then know, never the stop of the one who checks him
		allow(SECURITY_ADMIN, EnumSet.of(AUDITOR), EnumSet.of(CONFIRM, UNLOCK, REVOKE_TOKENS, RESET_TWO_FACTOR));
		allow(SECURITY_ADMIN, EnumSet.of(SYSTEM_ADMIN), EnumSet.of(UNLOCK, REVOKE_TOKENS, RESET_TWO_FACTOR));

		allow(DISTRICT_ADMIN, BUSINESS_ACCOUNTS, OPEN_AND_LOOK_AFTER);
		allow(STREET_STAFF, BELOW_DISTRICT, OPEN_AND_LOOK_AFTER);
		allow(COMMUNITY_STAFF, EnumSet.of(COMMUNITY_STAFF, GRID_WORKER, PARTY_MEMBER, PARTNER_LIAISON,
				PROPERTY_STAFF, RESIDENT), OPEN_AND_LOOK_AFTER);
	}

	private AccountRules() {
	}

	/** What one holding {@code actorRole} may do about an account holding {@code targetRole}. */
	public static Set<AccountAction> actions(Role actorRole, Role targetRole) {
		Set<AccountAction> actions = TABLE.getOrDefault(actorRole, Map.of()).get(targetRole);
		return actions == null ? EnumSet.noneOf(AccountAction.class) : EnumSet.copyOf(actions);
	}

	/**
	 * What one holding {@code actorRoles} may do about an account holding all of {@code targetRoles}: an action one of
	 * his roles allows on every role of the account.
	 */
	public static Set<AccountAction> actions(Set<Role> actorRoles, Set<Role> targetRoles) {
		Set<AccountAction> allowed = EnumSet.noneOf(AccountAction.class);
		if (targetRoles.isEmpty()) {
			return allowed;
		}
		for (Role actorRole : actorRoles) {
			Set<AccountAction> byThisRole = EnumSet.allOf(AccountAction.class);
			for (Role targetRole : targetRoles) {
				byThisRole.retainAll(actions(actorRole, targetRole));
			}
			allowed.addAll(byThisRole);
		}
		return allowed;
	}

	/** The roles for which one holding {@code actorRoles} may take {@code action}. */
	public static Set<Role> rolesFor(Set<Role> actorRoles, AccountAction action) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role actorRole : actorRoles) {
			TABLE.getOrDefault(actorRole, Map.of()).forEach((target, actions) -> {
				if (actions.contains(action)) {
					roles.add(target);
				}
			});
		}
		return roles;
	}

	/** Whether the role has any say over accounts at all (and so sees the account pages). */
	public static boolean managesAccounts(Set<Role> actorRoles) {
		return actorRoles.stream().anyMatch(TABLE::containsKey);
	}

	private static void allow(Role actor, Set<Role> targets, Set<AccountAction> actions) {
		Map<Role, Set<AccountAction>> row = TABLE.computeIfAbsent(actor, r -> new EnumMap<>(Role.class));
		for (Role target : targets) {
			row.put(target, EnumSet.copyOf(actions));
		}
	}

	@SafeVarargs
	private static <T extends Enum<T>> Set<T> union(Set<T> first, Set<T>... more) {
		Set<T> all = EnumSet.copyOf(first);
		for (Set<T> next : more) {
			all.addAll(next);
		}
		return all;
	}
}

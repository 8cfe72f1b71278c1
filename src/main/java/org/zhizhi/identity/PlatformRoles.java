package org.zhizhi.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/**
 * Who reaches identity's own pages beyond the accounts ({@link GrantRules#mayManageAccounts}): the audit trail, the
 * key rotation and the API's documentation. The page chain's matchers and the navigation use the same sets.
 */
public final class PlatformRoles {

	/** The audit trail is the auditor's alone (三员分立). */
	public static final Set<Role> AUDIT_READERS = Collections.unmodifiableSet(EnumSet.of(Role.AUDITOR));

	/** Rotating the sealing keys is the security admin's. */
	public static final Set<Role> KEY_KEEPERS = Collections.unmodifiableSet(EnumSet.of(Role.SECURITY_ADMIN));

	/**
	 * Who is shown the API's documentation: those who connect other systems or read the platform through the API
	 * (the administrators, the district, street and community desks). The documents are public — no one is refused
	 * them — but residents, members and liaisons work through the pages, and an English reference of endpoints is
	 * noise in their menu.
	 */
	public static final Set<Role> API_USERS = Collections.unmodifiableSet(EnumSet.of(Role.SYSTEM_ADMIN,
			Role.SECURITY_ADMIN, Role.AUDITOR, Role.DISTRICT_ADMIN, Role.STREET_STAFF, Role.COMMUNITY_STAFF));

	private PlatformRoles() {
	}

	public static boolean mayReadAuditTrail(Actor actor) {
		return actor != null && actor.hasAny(AUDIT_READERS);
	}

	public static boolean mayRotateKeys(Actor actor) {
		return actor != null && actor.hasAny(KEY_KEEPERS);
	}

	public static boolean usesApi(Actor actor) {
		return actor != null && actor.hasAny(API_USERS);
	}
}

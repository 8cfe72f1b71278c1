package org.zhizhi.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of the platform. The first three are the separated administration roles (三员分立): the system admin runs
 * the platform, the security admin manages accounts and roles, the auditor reads the audit trail — and none of them
 * does the others' work.
 */
public enum Role {

	SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR, DISTRICT_ADMIN, STREET_STAFF, COMMUNITY_STAFF, GRID_WORKER, PARTY_MEMBER,
	PARTNER_LIAISON, PROPERTY_STAFF, RESIDENT,
	/**
	 * 环物小组's property inspector: inspects the property companies' estates of his scope every month, raises their
	 * rectifications and checks them; bound above the district where one group supervises several districts.
	 */
	PROPERTY_INSPECTOR;

	/** Roles that do the governance work and so may read the business data (residents, incidents…) of their scope. */
	public static final Set<Role> BUSINESS = EnumSet.of(SYSTEM_ADMIN, DISTRICT_ADMIN, STREET_STAFF, COMMUNITY_STAFF,
			GRID_WORKER, PARTY_MEMBER, PARTNER_LIAISON, PROPERTY_STAFF, RESIDENT, PROPERTY_INSPECTOR);

	/**
	 * Roles that reach the account pages (each within its own scope, doing only what identity's rules give it): the
	 * system admin opens business accounts, the security admin looks after them.
	 */
	public static final Set<Role> ACCOUNT_MANAGERS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, DISTRICT_ADMIN,
			STREET_STAFF, COMMUNITY_STAFF);

	public String authority() {
		return "ROLE_" + name();
	}

	public static String[] names(Set<Role> roles) {
		return roles.stream().map(Role::name).toArray(String[]::new);
	}
}

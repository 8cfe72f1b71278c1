package org.zhizhi.partnership;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Role;

/** The roles of partnership's life-cycle tables, kept free of Spring so that the tables are. */
final class PartnershipRoles {

	/** Community staff and the tiers above run the lists of the communities in their scope. */
	static final Set<Role> STAFF = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.SYSTEM_ADMIN);

	/** The staff, and a partner unit's liaison acting for his own unit (the commands add that relation). */
	static final Set<Role> STAFF_AND_LIAISONS = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF,
			Role.DISTRICT_ADMIN, Role.SYSTEM_ADMIN, Role.PARTNER_LIAISON);

	private PartnershipRoles() {
	}
}

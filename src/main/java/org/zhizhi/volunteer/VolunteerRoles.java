package org.zhizhi.volunteer;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Role;

/** Who runs volunteering: the desk of a scope sets up teams and may organise any of their activities. */
public final class VolunteerRoles {

	public static final Set<Role> DESK = Collections.unmodifiableSet(EnumSet.of(Role.COMMUNITY_STAFF,
			Role.STREET_STAFF, Role.DISTRICT_ADMIN));

	private VolunteerRoles() {
	}
}

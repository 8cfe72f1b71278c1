package org.zhizhi.volunteer;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/** Who runs volunteering: the desk of a scope sets up teams and may organise any of their activities. */
public final class VolunteerRoles {

	public static final Set<Role> DESK = Collections.unmodifiableSet(EnumSet.of(Role.COMMUNITY_STAFF,
			Role.STREET_STAFF, Role.DISTRICT_ADMIN));

	private VolunteerRoles() {
	}

	/** Who volunteers or runs volunteering ({@code /m/volunteer}): the desk, residents, members, grid workers. */
	public static boolean takesPart(Actor actor) {
		return actor.hasAny(DESK) || actor.has(Role.RESIDENT) || actor.has(Role.PARTY_MEMBER)
				|| actor.has(Role.GRID_WORKER);
	}
}

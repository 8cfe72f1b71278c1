package org.zhizhi.servicepoint;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/** Who runs service points and errands: the desk of a scope; grid workers also take errands on the hotline. */
public final class ServicePointRoles {

	public static final Set<Role> DESK = Collections.unmodifiableSet(EnumSet.of(Role.COMMUNITY_STAFF,
			Role.STREET_STAFF, Role.DISTRICT_ADMIN));

	/** Who may ask for an errand for someone else: the desk, the grid worker, the hotline's volunteers. */
	public static final Set<Role> ON_BEHALF = Collections.unmodifiableSet(EnumSet.of(Role.COMMUNITY_STAFF,
			Role.STREET_STAFF, Role.DISTRICT_ADMIN, Role.GRID_WORKER, Role.PARTY_MEMBER));

	/** Who may run errands: residents who volunteer, party members, grid workers. */
	public static final Set<Role> RUNNERS = Collections.unmodifiableSet(EnumSet.of(Role.RESIDENT, Role.PARTY_MEMBER,
			Role.GRID_WORKER));

	private ServicePointRoles() {
	}

	/** The points of a scope and their 15-minute circle ({@code /servicepoints}): the desk and the grid workers. */
	public static boolean mayOpenPoints(Actor actor) {
		return actor.hasAny(DESK) || actor.has(Role.GRID_WORKER);
	}

	/** 便民代办 on the phone ({@code /m/errands}): those who ask for and run errands. */
	public static boolean runsErrands(Actor actor) {
		return actor.hasAny(RUNNERS);
	}
}

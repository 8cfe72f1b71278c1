package org.zhizhi.incident;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/**
 * Who works with incidents on which pages: the desk's queue, the phone's report form and list, the phone's tasks.
 * The desk's controllers refuse everyone else; the navigation asks the same questions.
 */
public final class IncidentRoles {

	/** Who works the queue at a desk: the grid and the tiers above it. */
	public static final Set<Role> DESK = Collections.unmodifiableSet(EnumSet.of(Role.GRID_WORKER,
			Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN, Role.SYSTEM_ADMIN));

	/** Who reports from a phone (随手拍) and follows his own reports: residents and party members. */
	public static final Set<Role> PHONE_REPORTERS = Collections.unmodifiableSet(EnumSet.of(Role.RESIDENT,
			Role.PARTY_MEMBER));

	/** Who is given orders to carry out on a phone: members, grid workers, units' and property liaisons. */
	public static final Set<Role> TASK_HOLDERS = Collections.unmodifiableSet(EnumSet.of(Role.PARTY_MEMBER,
			Role.GRID_WORKER, Role.PARTNER_LIAISON, Role.PROPERTY_STAFF));

	/** Who reads the KPI page (事件考核): the tiers that are measured and those above them. */
	public static final Set<Role> KPI_READERS = Collections.unmodifiableSet(EnumSet.of(Role.SYSTEM_ADMIN,
			Role.DISTRICT_ADMIN, Role.STREET_STAFF, Role.COMMUNITY_STAFF, Role.GRID_WORKER));

	private IncidentRoles() {
	}

	public static boolean worksAtDesk(Actor actor) {
		return actor != null && actor.hasAny(DESK);
	}

	public static boolean reportsByPhone(Actor actor) {
		return actor != null && actor.hasAny(PHONE_REPORTERS);
	}

	public static boolean readsKpis(Actor actor) {
		return actor != null && actor.hasAny(KPI_READERS);
	}

	public static boolean holdsTasks(Actor actor) {
		return actor != null && actor.hasAny(TASK_HOLDERS);
	}
}

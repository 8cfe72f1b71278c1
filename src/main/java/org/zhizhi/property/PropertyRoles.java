package org.zhizhi.property;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Role;

/** Who works on property supervision. */
public final class PropertyRoles {

	/** 环物小组's inspectors: they inspect, raise rectifications and check them. */
	public static final Set<Role> INSPECTORS = Collections.unmodifiableSet(EnumSet.of(Role.PROPERTY_INSPECTOR));

	/**
	 * The desks that keep the register (companies, contracts, committees) and read everything of their scope: the
	 * community, the street, the district (where the property industry committee sits) and the inspectors.
	 */
	public static final Set<Role> DESK = Collections.unmodifiableSet(EnumSet.of(Role.COMMUNITY_STAFF,
			Role.STREET_STAFF, Role.DISTRICT_ADMIN, Role.PROPERTY_INSPECTOR));

	/** Who gives a company its yearly rating: the district (the industry committee) and the inspectors. */
	public static final Set<Role> RATERS = Collections.unmodifiableSet(EnumSet.of(Role.DISTRICT_ADMIN,
			Role.PROPERTY_INSPECTOR));

	/** Whether the menu offers the phone's inspection pages (start one, the checklist, the check). */
	public static boolean mayInspect(org.zhizhi.shared.Actor actor) {
		return actor != null && actor.hasAny(INSPECTORS);
	}

	/** Whether the menu offers the desk's pages (companies, scores, ratings, figures). */
	public static boolean mayOpenDesk(org.zhizhi.shared.Actor actor) {
		return actor != null && actor.hasAny(DESK);
	}

	private PropertyRoles() {
	}
}

package org.zhizhi.command;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/** Who works with the sentinel: the desks of a scope read and handle its alerts; the district's admin edits the rules. */
public final class CommandRoles {

	/** The desks that see the alerts of their scope and take them up (the grid worker his grid's). */
	public static final Set<Role> ALERT_DESK = Collections.unmodifiableSet(EnumSet.of(Role.DISTRICT_ADMIN,
			Role.STREET_STAFF, Role.COMMUNITY_STAFF, Role.GRID_WORKER));

	/** Who assigns an alert to a person, closes a handled one or dismisses one: the desks above the grid. */
	public static final Set<Role> SUPERVISORS = Collections.unmodifiableSet(EnumSet.of(Role.DISTRICT_ADMIN,
			Role.STREET_STAFF, Role.COMMUNITY_STAFF));

	private CommandRoles() {
	}

	/** The alerts pages ({@code /command/alerts}, supervision, optimisation). */
	public static boolean readsAlerts(Actor actor) {
		return actor.hasAny(ALERT_DESK);
	}

	/** The rules are the district's: its admin edits them. */
	public static boolean editsRules(Actor actor) {
		return actor.has(Role.DISTRICT_ADMIN);
	}
}

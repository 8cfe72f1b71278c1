package org.zhizhi.command;

import java.util.Set;

import org.zhizhi.incident.IncidentRoles;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/**
 * Who may open the big screen: whoever reads the incident KPIs — the screen is the KPI page writ large — and, for the
 * menu, whose own node has one (a grid worker reads his grid's KPIs, but a grid has no command centre).
 */
public final class ScreenAccess {

	private static final Set<Role> CENTRES = Set.of(Role.DISTRICT_ADMIN, Role.STREET_STAFF, Role.COMMUNITY_STAFF);

	private ScreenAccess() {
	}

	public static boolean mayOpen(Actor actor) {
		return IncidentRoles.readsKpis(actor);
	}

	public static boolean hasOwnScreen(Actor actor) {
		return mayOpen(actor) && actor.hasAny(CENTRES);
	}
}

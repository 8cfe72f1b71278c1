package org.zhizhi.command.screen;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;

/**
 * The node a screen shows — a district, a street or a community inside the viewer's own scope — and the viewer
 * narrowed to it ({@code reader}): the modules' own queries answer for the person as if he worked at that node, which
 * is exactly what their pages show a person of that node, and never more than he may see himself.
 */
public record ScreenScope(OrgUnit unit, Actor viewer, Actor reader) {

	static ScreenScope of(OrgUnit unit, Actor viewer) {
		Actor reader = new Actor(viewer.userId(), viewer.username(), viewer.displayName(), viewer.roles(), unit.scope());
		return new ScreenScope(unit, viewer, reader);
	}

	public DataScope scope() {
		return unit.scope();
	}

	/** A community's screen is the smaller layout: fewer grids, no ranking of units below. */
	public boolean small() {
		return unit.level() == OrgLevel.COMMUNITY;
	}
}

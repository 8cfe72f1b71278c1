package org.zhizhi.command.screen;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.zhizhi.command.ScreenAccess;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Finds the node a screen is asked for, inside the viewer's scope: a node outside it answers 404 exactly like one that
 * does not exist, a node of another level than the page's (a grid under {@code /streets/}) too. Whoever reads the
 * incident KPIs — the people who run the whistle, from the grid up — may open a screen; it is the KPI page writ large.
 */
@Component
public class ScreenScopes {

	/** The levels a command centre sits at: 区, 街道 (the 141 system's centre), 社区 on a smaller layout. */
	public static final Set<OrgLevel> LEVELS = Set.of(OrgLevel.DISTRICT, OrgLevel.STREET, OrgLevel.COMMUNITY);

	private final OrgUnitQueries orgUnits;

	ScreenScopes(OrgUnitQueries orgUnits) {
		this.orgUnits = orgUnits;
	}

	public static boolean mayOpen(Actor actor) {
		return ScreenAccess.mayOpen(actor);
	}

	/**
	 * The screen of a node (null: the viewer's own scope node), which must be of the given level when one is given
	 * (the page's path names it).
	 */
	public ScreenScope resolve(Actor viewer, UUID orgUnitId, OrgLevel level) {
		if (!mayOpen(viewer)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "command.screen.roleNotAllowed");
		}
		UUID id = orgUnitId == null ? viewer.scope().orgUnitId() : orgUnitId;
		OrgUnit unit = orgUnits.find(viewer.scope(), id)
			.filter(u -> level == null || u.level() == level)
			.orElseThrow(() -> DomainException.notFound("org-unit"));
		if (!LEVELS.contains(unit.level())) {
			throw DomainException.invalid(List.of(new FieldProblem("scope", "command.screen.level")));
		}
		return ScreenScope.of(unit, viewer);
	}

	/** The scope parameter as text (the API's {@code ?scope=}), refused with the field named when it is no id. */
	public static UUID parse(String scope) {
		if (scope == null || scope.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(scope.strip());
		}
		catch (IllegalArgumentException e) {
			throw DomainException.invalid(List.of(new FieldProblem("scope", "command.screen.badScope")));
		}
	}

	/** The streets or communities one level down, for the screen's switcher. */
	public List<OrgUnit> below(ScreenScope screen) {
		if (screen.unit().level() == OrgLevel.COMMUNITY) {
			return List.of();
		}
		return orgUnits.list(screen.viewer().scope(), org.zhizhi.territory.OrgUnitFilter.childrenOf(screen.unit().id()))
			.stream()
			.filter(u -> LEVELS.contains(u.level()))
			.toList();
	}

	/** The grids of the screen's node, with their boundaries where drawn, for the map. */
	public List<OrgUnit> grids(ScreenScope screen) {
		return orgUnits.list(screen.scope(), new org.zhizhi.territory.OrgUnitFilter(null, null, OrgLevel.GRID));
	}
}

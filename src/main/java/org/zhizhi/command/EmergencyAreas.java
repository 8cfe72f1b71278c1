package org.zhizhi.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Component;
import org.zhizhi.command.EmergencyCommands.DrawnArea;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.territory.GridLocation;
import org.zhizhi.territory.GridLocator;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The grids a whistle is blown over: those ticked ({@code gridIds}, each a grid of the leader's scope) and those a
 * drawn area covers or touches — territory's own boundaries ({@link GridLocator#gridsTouching}), only grids of his
 * scope, so that a polygon reaching past his scope calls nobody beyond it and one wholly outside it is refused. What
 * is wrong is added to the caller's problems, for one refusal with the command's other problems.
 */
@Component
class EmergencyAreas {

	/** The grids by id in the order found (ticked first), and the polygon drawn if any. */
	record Chosen(Map<UUID, OrgUnit> grids, Polygon drawn) {
	}

	private final OrgUnitQueries orgUnits;

	private final GridLocator locator;

	EmergencyAreas(OrgUnitQueries orgUnits, GridLocator locator) {
		this.orgUnits = orgUnits;
		this.locator = locator;
	}

	Chosen of(DataScope scope, List<UUID> gridIds, DrawnArea area, List<FieldProblem> problems) {
		Map<UUID, OrgUnit> grids = new LinkedHashMap<>();
		if (gridIds != null) {
			// one statement for all the ticked grids: the form's preview asks again at every tick
			List<UUID> ticked = gridIds.stream().distinct().toList();
			Map<UUID, OrgUnit> found = orgUnits.findAll(scope, ticked.stream().filter(Objects::nonNull).toList());
			for (UUID id : ticked) {
				OrgUnit grid = id == null ? null : found.get(id);
				if (grid == null || grid.level() != OrgLevel.GRID) {
					problems.add(new FieldProblem("gridIds", "command.emergencyGridNotFound"));
					break;
				}
				grids.put(grid.id(), grid);
			}
		}
		if (area == null) {
			if (grids.isEmpty() && (gridIds == null || gridIds.isEmpty())) {
				problems.add(new FieldProblem("gridIds", "command.emergencyNoGrid"));
			}
			return new Chosen(grids, null);
		}
		Polygon drawn = EmergencyArea.read(area, problems);
		if (drawn == null) {
			return new Chosen(grids, null);
		}
		List<GridLocation> touched = locator.gridsTouching(scope, drawn);
		if (touched.isEmpty()) {
			problems.add(new FieldProblem(EmergencyArea.FIELD, "command.emergencyAreaNoGrid"));
		}
		Map<UUID, OrgUnit> found = orgUnits.findAll(scope, touched.stream().map(GridLocation::id).toList());
		for (GridLocation location : touched) {
			OrgUnit grid = found.get(location.id());
			if (grid != null) {
				grids.putIfAbsent(grid.id(), grid);
			}
		}
		if (grids.size() > EmergencyCommands.MAX_GRIDS) {
			problems.add(new FieldProblem(EmergencyArea.FIELD, "command.emergencyAreaTooManyGrids",
					EmergencyCommands.MAX_GRIDS));
		}
		return new Chosen(grids, drawn);
	}
}

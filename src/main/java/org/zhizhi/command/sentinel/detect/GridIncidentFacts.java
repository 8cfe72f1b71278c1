package org.zhizhi.command.sentinel.detect;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.command.sentinel.Fact;
import org.zhizhi.incident.IncidentSignals.GridIncidents;
import org.zhizhi.territory.OrgUnit;

/** Incidents counted per grid as facts about the grid, named and placed as territory has it. */
final class GridIncidentFacts {

	private GridIncidentFacts() {
	}

	static List<Fact> of(List<GridIncidents> counted, Map<UUID, OrgUnit> grids) {
		return counted.stream().map(g -> {
			OrgUnit grid = grids.get(g.gridId());
			return new Fact(SubjectKind.GRID, g.gridId(), grid == null ? "网格" : grid.name(),
					grid == null ? g.scopePath() : grid.path(), g.gridId(), null, g.incidentIds().size(),
					EvidenceKind.INCIDENT, g.incidentIds(), g.topCategory());
		}).toList();
	}
}

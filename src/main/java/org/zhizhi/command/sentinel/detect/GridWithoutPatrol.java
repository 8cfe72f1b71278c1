package org.zhizhi.command.sentinel.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.command.sentinel.Detector;
import org.zhizhi.command.sentinel.Fact;
import org.zhizhi.incident.IncidentSignals;
import org.zhizhi.incident.IncidentSignals.LastPatrol;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.OrgUnit;

/**
 * Per residential grid where the platform is in use (some incident reported there within the window): the days since
 * its latest patrol report (an incident a grid worker reported on his round). One with none within the window measures
 * the whole window: the platform cannot see further back. A grid with no report at all is left out — there the
 * platform knows nothing, which is not the same as knowing that nobody patrols.
 */
@Component
class GridWithoutPatrol implements Detector {

	private final IncidentSignals incidents;

	private final Grids grids;

	GridWithoutPatrol(IncidentSignals incidents, Grids grids) {
		this.incidents = incidents;
		this.grids = grids;
	}

	@Override
	public RuleKind kind() {
		return RuleKind.GRID_WITHOUT_PATROL;
	}

	@Override
	public List<Fact> facts(DataScope district, int windowDays, Instant now) {
		Instant since = now.minus(Duration.ofDays(windowDays));
		Map<UUID, LastPatrol> latest = incidents.lastPatrolByGrid(district, since);
		java.util.Set<UUID> inUse = incidents.gridsReporting(district, since);
		List<Fact> facts = new ArrayList<>();
		for (OrgUnit grid : grids.of(district).values()) {
			// a park grid (工业园区专属网格) is served by the park's own staff, not by a residential patrol
			if ("PARK".equals(grid.kind()) || !inUse.contains(grid.id())) {
				continue;
			}
			LastPatrol last = latest.get(grid.id());
			int days = last == null ? windowDays : (int) Duration.between(last.reportedAt(), now).toDays();
			facts.add(new Fact(SubjectKind.GRID, grid.id(), grid.name(), grid.path(), grid.id(), null, days,
					last == null ? EvidenceKind.NONE : EvidenceKind.INCIDENT,
					last == null ? List.of() : List.of(last.incidentId()), null));
		}
		return facts;
	}
}

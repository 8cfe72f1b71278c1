package org.zhizhi.command.sentinel.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.sentinel.Detector;
import org.zhizhi.command.sentinel.Fact;
import org.zhizhi.incident.IncidentSignals;
import org.zhizhi.shared.DataScope;

/** Per grid: its incidents closed within the window and rated 不满意. */
@Component
class GridUnsatisfied implements Detector {

	private final IncidentSignals incidents;

	private final Grids grids;

	GridUnsatisfied(IncidentSignals incidents, Grids grids) {
		this.incidents = incidents;
		this.grids = grids;
	}

	@Override
	public RuleKind kind() {
		return RuleKind.GRID_UNSATISFIED;
	}

	@Override
	public List<Fact> facts(DataScope district, int windowDays, Instant now) {
		return GridIncidentFacts.of(incidents.unsatisfiedByGrid(district, now.minus(Duration.ofDays(windowDays))),
				grids.of(district));
	}
}

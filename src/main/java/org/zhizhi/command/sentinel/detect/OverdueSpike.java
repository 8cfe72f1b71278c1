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

/** Per grid: its incidents whose resolution deadline fell within the window before they were closed. */
@Component
class OverdueSpike implements Detector {

	private final IncidentSignals incidents;

	private final Grids grids;

	OverdueSpike(IncidentSignals incidents, Grids grids) {
		this.incidents = incidents;
		this.grids = grids;
	}

	@Override
	public RuleKind kind() {
		return RuleKind.OVERDUE_SPIKE;
	}

	@Override
	public List<Fact> facts(DataScope district, int windowDays, Instant now) {
		return GridIncidentFacts.of(incidents.overdueByGrid(district, now.minus(Duration.ofDays(windowDays)), now),
				grids.of(district));
	}
}

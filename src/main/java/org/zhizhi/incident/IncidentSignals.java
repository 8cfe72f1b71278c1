package org.zhizhi.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.persistence.JdbcIncidentSignals;
import org.zhizhi.shared.DataScope;

/**
 * What the incidents say that may signal a risk, for the command centre's sentinel and its adviser: per grid, the
 * incidents rated 不满意 and those that ran past their deadline; the latest patrol report of each grid; which units
 * closed incidents like these on time; and what is late now. Counts and ids, always within a scope.
 */
@Service
public class IncidentSignals {

	/** Some incidents of one grid, and the category most of them have. */
	public record GridIncidents(UUID gridId, String scopePath, List<UUID> incidentIds, String topCategory) {
	}

	/** A grid's latest patrol report. */
	public record LastPatrol(UUID gridId, UUID incidentId, Instant reportedAt) {
	}

	/** A unit's closed incidents of a kind in an area: how many, and how many by their deadline. */
	public record UnitRecord(UUID unitId, String unitName, int closed, int onTime) {
	}

	/** An open incident past its resolution deadline. */
	public record LateIncident(UUID id, String categoryCode, String description, UUID gridId, String scopePath,
			IncidentState state, Instant resolveDueAt) {
	}

	private final JdbcIncidentSignals signals;

	IncidentSignals(JdbcIncidentSignals signals) {
		this.signals = signals;
	}

	/** Incidents closed since a moment and rated 不满意, per grid. */
	@Transactional(readOnly = true)
	public List<GridIncidents> unsatisfiedByGrid(DataScope scope, Instant since) {
		return signals.unsatisfiedByGrid(scope, since);
	}

	/** Incidents whose resolution deadline fell between {@code since} and {@code now} before they were closed, per grid. */
	@Transactional(readOnly = true)
	public List<GridIncidents> overdueByGrid(DataScope scope, Instant since, Instant now) {
		return signals.overdueByGrid(scope, since, now);
	}

	/** Each grid's latest patrol report since a moment (grids without one are not in the map). */
	@Transactional(readOnly = true)
	public Map<UUID, LastPatrol> lastPatrolByGrid(DataScope scope, Instant since) {
		return signals.lastPatrolByGrid(scope, since);
	}

	/** The grids of a scope with any incident reported since a moment: where the platform is in use. */
	@Transactional(readOnly = true)
	public java.util.Set<UUID> gridsReporting(DataScope scope, Instant since) {
		return signals.gridsReporting(scope, since);
	}

	/**
	 * The units that closed incidents under {@code area} since a moment — of one category, or of any when
	 * {@code categoryCode} is null — the most closed on time first.
	 */
	@Transactional(readOnly = true)
	public List<UnitRecord> unitsClosingOnTime(DataScope area, String categoryCode, Instant since, int limit) {
		return signals.unitsClosingOnTime(area, categoryCode, since, limit);
	}

	/** Open incidents of a scope past their resolution deadline at {@code now}, the longest late first. */
	@Transactional(readOnly = true)
	public List<LateIncident> late(DataScope scope, Instant now, int limit) {
		return signals.late(scope, now, limit);
	}
}

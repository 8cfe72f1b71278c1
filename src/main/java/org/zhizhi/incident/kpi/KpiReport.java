package org.zhizhi.incident.kpi;

import java.util.List;
import java.util.UUID;

/**
 * The KPIs of one org unit for one period, compared with the period before (环比) and the same period a year earlier
 * (同比), and the five grids under it with the highest closure rate and the five others with the lowest, among
 * those with at least {@code minDueForRanking} incidents due.
 */
public record KpiReport(Scope scope, KpiPeriod period, KpiFigures figures, Comparison monthOnMonth,
		Comparison yearOnYear, int minDueForRanking, List<GridRank> top, List<GridRank> bottom) {

	/** The org unit the figures are of. */
	public record Scope(UUID id, String name, String level) {
	}

	/** The figures of a comparison period. */
	public record Comparison(KpiPeriod period, KpiFigures figures) {
	}

	/** One grid in the ranking by closure rate. */
	public record GridRank(UUID gridId, String name, String path, long closed, long due, double closureRate,
			double onTimeClosureRate) {
	}
}

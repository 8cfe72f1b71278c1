package org.zhizhi.incident.kpi;

import java.util.List;

/**
 * The KPIs of one org unit over a period, bucket by bucket: each point holds the figures of its bucket's days exactly
 * as the report of that period would (the same {@link IncidentKpis#figures} call), so a chart's point and the cards of
 * its period show the same numbers.
 *
 * @param granularity how the period is cut
 * @param points one per month or ISO week, in order; the first and last cut to the period
 */
public record KpiTrend(KpiReport.Scope scope, KpiPeriod period, KpiGranularity granularity, List<Point> points) {

	/**
	 * One bucket.
	 *
	 * @param key "2026-03" (a month) or "2026-W10" (an ISO week)
	 * @param period the bucket's days inside the trend's period
	 */
	public record Point(String key, KpiPeriod period, KpiFigures figures) {
	}
}

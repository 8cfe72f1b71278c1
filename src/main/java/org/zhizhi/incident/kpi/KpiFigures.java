package org.zhizhi.incident.kpi;

import org.zhizhi.incident.kpi.KpiHistogram.Median;

/**
 * The KPIs of one scope and period, with the counts they are made of. Every counter counts incidents, each on the day
 * of its own moment (README "Incident KPIs"); a rate is a fraction between 0 and 1 (a closure rate may pass 1 when
 * incidents due earlier are closed late within the period), null when its denominator is 0.
 *
 * @param handlingRate 处置率 = handled / dispatched: incidents resolved for the first time per incidents whistled
 * @param closureRate 结案率 = closed / due
 * @param onTimeClosureRate 按期结案率 = closed on time / due
 * @param satisfactionRate 满意率 = (satisfied + basically satisfied if
 *     {@code zhizhi.incident.kpi.basic-counts-as-satisfied}) / rated
 * @param reworkRate 返工率 = reworks (incidents sent back at least once) / handled
 * @param selfHandledRate 自办率 = closed without ever leaving the grid and community tiers (no escalation) / closed
 * @param timeToClaim median time from the report to the first claim (接单)
 * @param timeToOnSite median time from the report to the first on-site check-in (到场)
 * @param timeToClose median time from the report to the closure (办结)
 * @param claimTimes the times from the report to the first claim, as a histogram (the distribution charted)
 * @param onSiteTimes the times from the report to the first on-site check-in
 * @param closeTimes the times from the report to the closure
 */
public record KpiFigures(long reported, long accepted, long dispatched, long claimed, long onSite, long handled,
		long reworks, long closed, long selfHandled, long due, long closedOnTime, long rated, long satisfied,
		long basicallySatisfied, Double handlingRate, Double closureRate, Double onTimeClosureRate,
		Double satisfactionRate, Double reworkRate, Double selfHandledRate, Median timeToClaim, Median timeToOnSite,
		Median timeToClose, KpiHistogram claimTimes, KpiHistogram onSiteTimes, KpiHistogram closeTimes) {

	static KpiFigures of(KpiRollups.KpiSums sums, boolean basicCountsAsSatisfied) {
		long satisfied = sums.get("satisfied");
		long basically = sums.get("basically_satisfied");
		long handled = sums.get("handled");
		long due = sums.get("due");
		long closed = sums.get("closed");
		return new KpiFigures(sums.get("reported"), sums.get("accepted"), sums.get("dispatched"), sums.get("claimed"),
				sums.get("on_site"), handled, sums.get("reworks"), closed, sums.get("self_handled"), due,
				sums.get("closed_on_time"), sums.get("rated"), satisfied, basically,
				rate(handled, sums.get("dispatched")), rate(closed, due), rate(sums.get("closed_on_time"), due),
				rate(satisfied + (basicCountsAsSatisfied ? basically : 0), sums.get("rated")),
				rate(sums.get("reworks"), handled), rate(sums.get("self_handled"), closed), sums.claim().median(),
				sums.onSite().median(), sums.close().median(), sums.claim(), sums.onSite(), sums.close());
	}

	static Double rate(long numerator, long denominator) {
		return denominator == 0 ? null : (double) numerator / denominator;
	}
}

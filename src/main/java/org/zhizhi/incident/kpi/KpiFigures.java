package org.zhizhi.incident.kpi;

import org.zhizhi.incident.kpi.KpiHistogram.Median;

/**
 * The KPIs of one scope and period, with the counts they are made of. The counters of steps count incidents, each on
 * the day of its own moment (上报 on the report day, 结案 on the closure day …); each rate counts one cohort against
 * itself — the incidents of its denominator, and among them those that reached its outcome — so that every numerator
 * is part of its denominator and no rate passes 1 (docs/kpis.md). A rate is null when its denominator is 0.
 *
 * @param dispatchedHandled of the incidents first whistled in the period, those handled (办结) by now
 * @param dispatchedHandledByEnd of those, the ones handled by the period's end (equal while the period lasts)
 * @param handledReworked of the incidents first handled in the period, those sent back at least once
 * @param dueClosed of the incidents due in the period, those closed
 * @param handlingRate 处置率 = dispatchedHandled / dispatched
 * @param handlingRateByEnd 处置率 as it stood at the period's end = dispatchedHandledByEnd / dispatched
 * @param closureRate 结案率 = dueClosed / due
 * @param onTimeClosureRate 按期结案率 = closedOnTime / due: of the incidents due, those closed by their deadline
 * @param satisfactionRate 满意率 = (satisfied + basically satisfied if
 *     {@code zhizhi.incident.kpi.basic-counts-as-satisfied}) / rated
 * @param reworkRate 返工率 = handledReworked / handled
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
		long basicallySatisfied, long dispatchedHandled, long dispatchedHandledByEnd, long handledReworked,
		long dueClosed, Double handlingRate, Double handlingRateByEnd, Double closureRate, Double onTimeClosureRate,
		Double satisfactionRate, Double reworkRate, Double selfHandledRate, Median timeToClaim, Median timeToOnSite,
		Median timeToClose, KpiHistogram claimTimes, KpiHistogram onSiteTimes, KpiHistogram closeTimes) {

	static KpiFigures of(KpiRollups.KpiSums sums, boolean basicCountsAsSatisfied) {
		long satisfied = sums.get("satisfied");
		long basically = sums.get("basically_satisfied");
		long dispatched = sums.get("dispatched");
		long handled = sums.get("handled");
		long due = sums.get("due");
		long dispatchedHandled = sums.get("dispatched_handled");
		long byEnd = dispatchedHandled - sums.handledAfterEnd();
		long handledReworked = sums.get("handled_reworked");
		long dueClosed = sums.get("due_closed");
		return new KpiFigures(sums.get("reported"), sums.get("accepted"), dispatched, sums.get("claimed"),
				sums.get("on_site"), handled, sums.get("reworks"), sums.get("closed"), sums.get("self_handled"), due,
				sums.get("closed_on_time"), sums.get("rated"), satisfied, basically, dispatchedHandled, byEnd,
				handledReworked, dueClosed, rate(dispatchedHandled, dispatched), rate(byEnd, dispatched),
				rate(dueClosed, due), rate(sums.get("closed_on_time"), due),
				rate(satisfied + (basicCountsAsSatisfied ? basically : 0), sums.get("rated")),
				rate(handledReworked, handled), rate(sums.get("self_handled"), sums.get("closed")),
				sums.claim().median(), sums.onSite().median(), sums.close().median(), sums.claim(), sums.onSite(),
				sums.close());
	}

	/**
	 * The share numerator/denominator of a cohort, null for an empty one. A numerator outside 0..denominator means the
	 * counts broke the cohort rule — a bug to see at once, not a rate of 104 % to show a leader.
	 */
	static Double rate(long numerator, long denominator) {
		if (denominator == 0) {
			return null;
		}
		if (numerator < 0 || numerator > denominator) {
			throw new IllegalStateException("a cohort's numerator " + numerator + " is not part of its denominator "
					+ denominator);
		}
		return (double) numerator / denominator;
	}
}

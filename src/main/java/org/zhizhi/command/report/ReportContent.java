package org.zhizhi.command.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.zhizhi.command.EmergencyView;
import org.zhizhi.command.sentinel.Optimisation;
import org.zhizhi.incident.ReportedWhistles;
import org.zhizhi.incident.kpi.KpiPeriod;
import org.zhizhi.incident.kpi.KpiReport;
import org.zhizhi.incident.kpi.KpiTrend;
import org.zhizhi.partnership.PartnershipViews.Rates;
import org.zhizhi.property.PropertyViews.RatingView;
import org.zhizhi.deliberation.DeliberationMonth;
import org.zhizhi.points.PointsMonth;
import org.zhizhi.property.SelfRunBooks.ScopeCollection;
import org.zhizhi.volunteer.VolunteerMonth;

/**
 * What a month's report of a node says, each section the answer of its module's own query for the node and month. A
 * section whose module does not serve the person who asked is null — left out of the report, never shown as zeros.
 *
 * @param period the month's days, up to today while the month lasts
 * @param kpis the incident KPIs of the month, with the month before (环比) and the same month a year earlier (同比)
 * @param trend the KPIs of each month of the year up to the report's month
 * @param whistles the month's reports by whistle type, with those overdue now and those carded
 * @param emergencies the emergency whistles blown in the month (null: the viewer does not lead them)
 * @param partnership the year's need rates up to now (the partnership module counts by year)
 * @param ratingYear the year the property ratings are of (they are given once a year: the one before the report's)
 * @param volunteers the activities held in the month, who served, the minutes approved (null: not the volunteer desk)
 * @param deliberation the topics raised, meetings held, topics decided and carried out in the month (null: not the
 * deliberation desk)
 * @param points the points earned and spent in the month by kind of scheme, who earned, the top reasons (null: not
 * the points desk)
 * @param fees the self-run estates' fee collection of the month (null: not the desk that keeps their books)
 * @param risks the sentinel's rules with the alerts raised in the month and how they ended
 */
public record ReportContent(Node node, YearMonth month, KpiPeriod period, Instant generatedAt, KpiReport kpis,
		KpiTrend trend, ReportedWhistles whistles, List<EmergencyView> emergencies, Rates partnership, int ratingYear,
		List<RatingView> property, VolunteerMonth volunteers, DeliberationMonth deliberation, PointsMonth points,
		ScopeCollection fees, Optimisation.Report risks) {

	/** The node the report is of. */
	public record Node(UUID id, String name, String level) {
	}
}

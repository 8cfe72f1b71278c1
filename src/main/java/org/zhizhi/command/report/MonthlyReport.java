package org.zhizhi.command.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.zhizhi.command.CommandRoles;
import org.zhizhi.command.EmergencyLifecycle;
import org.zhizhi.command.EmergencyView;
import org.zhizhi.command.EmergencyWhistles;
import org.zhizhi.command.screen.ScreenScope;
import org.zhizhi.command.sentinel.Optimisation;
import org.zhizhi.deliberation.DeliberationMonth;
import org.zhizhi.deliberation.DeliberationQueries;
import org.zhizhi.deliberation.DeliberationRoles;
import org.zhizhi.incident.IncidentLists;
import org.zhizhi.incident.ReportedWhistles;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.incident.kpi.KpiGranularity;
import org.zhizhi.incident.kpi.KpiPeriod;
import org.zhizhi.incident.kpi.KpiReport;
import org.zhizhi.incident.kpi.KpiTrend;
import org.zhizhi.incident.kpi.KpiTrends;
import org.zhizhi.partnership.PartnershipManagement;
import org.zhizhi.partnership.PartnershipQueries;
import org.zhizhi.partnership.PartnershipViews.Rates;
import org.zhizhi.points.PointsMonth;
import org.zhizhi.points.PointsMonths;
import org.zhizhi.points.PointsRoles;
import org.zhizhi.property.Assessments;
import org.zhizhi.property.PropertyRoles;
import org.zhizhi.property.PropertyViews.RatingView;
import org.zhizhi.property.SelfRunBooks;
import org.zhizhi.property.SelfRunBooks.ScopeCollection;
import org.zhizhi.property.SelfRunRoles;
import org.zhizhi.shared.jobs.LongWork.Progress;
import org.zhizhi.volunteer.VolunteerMonth;
import org.zhizhi.volunteer.VolunteerQueries;
import org.zhizhi.volunteer.VolunteerRoles;

/**
 * Gathers a month's report of a node from the modules' own queries — the calls their pages and APIs make — asked, like
 * the big screen asks them, for the viewer narrowed to the node ({@link ScreenScope#reader()}): what their pages show a
 * person of that node, never more than the viewer may see himself. A module that does not serve the viewer is not
 * asked, and its section is left out. Each section advances the job's progress by one.
 */
@Service
public class MonthlyReport {

	/** The steps a report's progress counts: each section gathered, then the file written. */
	public static final int STEPS = 10;

	private final IncidentKpis kpis;

	private final KpiTrends trends;

	private final IncidentLists incidents;

	private final EmergencyWhistles emergencies;

	private final PartnershipQueries partnership;

	private final Assessments assessments;

	private final Optimisation optimisation;

	private final VolunteerQueries volunteering;

	private final DeliberationQueries deliberation;

	private final PointsMonths points;

	private final SelfRunBooks fees;

	private final Clock clock;

	private final ZoneId zone;

	MonthlyReport(IncidentKpis kpis, KpiTrends trends, IncidentLists incidents, EmergencyWhistles emergencies,
			PartnershipQueries partnership, Assessments assessments, Optimisation optimisation,
			VolunteerQueries volunteering, DeliberationQueries deliberation, PointsMonths points, SelfRunBooks fees,
			Clock clock, ZoneId zone) {
		this.volunteering = volunteering;
		this.deliberation = deliberation;
		this.points = points;
		this.fees = fees;
		this.kpis = kpis;
		this.trends = trends;
		this.incidents = incidents;
		this.emergencies = emergencies;
		this.partnership = partnership;
		this.assessments = assessments;
		this.optimisation = optimisation;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * The days a month's report covers: the whole month once it is over, up to today while it lasts (the KPI page's
	 * 本月). Null for a month that has not begun.
	 */
	public static KpiPeriod periodOf(YearMonth month, LocalDate today) {
		LocalDate first = month.atDay(1);
		if (first.isAfter(today)) {
			return null;
		}
		LocalDate last = month.atEndOfMonth();
		return new KpiPeriod(first, last.isAfter(today) ? today : last);
	}

	public ReportContent gather(ScreenScope screen, YearMonth month, Progress progress) {
		KpiPeriod period = periodOf(month, kpis.today());
		if (period == null) {
			throw new IllegalArgumentException("a report of a month to come: " + month);
		}
		Instant from = period.from().atStartOfDay(zone).toInstant();
		Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();

		KpiReport report = kpis.report(screen.viewer(), screen.unit().id(), period);
		progress.advance();
		KpiTrend trend = trends.trend(screen.viewer(), screen.unit().id(),
				new KpiPeriod(period.from().withDayOfYear(1), period.to()), KpiGranularity.MONTH);
		progress.advance();
		ReportedWhistles whistles = incidents.reportedWhistles(screen.reader(), from, to);
		progress.advance();
		List<EmergencyView> blown = screen.viewer().hasAny(EmergencyLifecycle.LEADERS)
				? emergencies.blownIn(screen.reader(), from, to) : null;
		progress.advance();
		Rates rates = screen.viewer().hasAny(PartnershipManagement.STAFF)
				? partnership.rates(screen.reader(), null, null, month.getYear()) : null;
		int ratingYear = month.getYear() - 1;
		List<RatingView> ratings = PropertyRoles.mayOpenDesk(screen.viewer())
				? assessments.ratings(screen.reader(), ratingYear) : null;
		VolunteerMonth volunteers = screen.viewer().hasAny(VolunteerRoles.DESK)
				? volunteering.served(screen.reader(), from, to) : null;
		progress.advance();
		DeliberationMonth deliberated = DeliberationRoles.followsMeetings(screen.viewer())
				? deliberation.month(screen.reader(), from, to) : null;
		progress.advance();
		PointsMonth earned = PointsRoles.mayOpenDesk(screen.viewer()) ? points.month(screen.reader(), from, to) : null;
		progress.advance();
		// the fee books count by bill month, not by day: the whole month, even while it lasts (bills are issued on its
		// first day, payments come in through it)
		ScopeCollection collected = SelfRunRoles.keepsBooks(screen.viewer())
				? fees.collectionOfScope(screen.reader(), month) : null;
		progress.advance();
		Optimisation.Report risks = CommandRoles.readsAlerts(screen.viewer())
				? optimisation.report(screen.reader(), from, to) : null;
		progress.advance();
		return new ReportContent(
				new ReportContent.Node(screen.unit().id(), screen.unit().name(), screen.unit().level().name()), month,
				period, clock.instant(), report, trend, whistles, blown, rates, ratingYear, ratings, volunteers,
				deliberated, earned, collected, risks);
	}
}

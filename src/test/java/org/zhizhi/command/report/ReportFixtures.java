package org.zhizhi.command.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.command.RuleKind;
import org.zhizhi.command.sentinel.Optimisation;
import org.zhizhi.incident.ReportedWhistles;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.incident.kpi.KpiFigures;
import org.zhizhi.incident.kpi.KpiGranularity;
import org.zhizhi.incident.kpi.KpiPeriod;
import org.zhizhi.incident.kpi.KpiReport;
import org.zhizhi.incident.kpi.KpiTrend;
import org.zhizhi.partnership.PartnershipViews.Rates;
import org.zhizhi.property.Grade;
import org.zhizhi.property.PropertyViews.RatingView;
import org.zhizhi.deliberation.DeliberationMonth;
import org.zhizhi.points.PointsMonth;
import org.zhizhi.points.SchemeKind;
import org.zhizhi.property.SelfRunBooks.ScopeCollection;
import org.zhizhi.volunteer.VolunteerMonth;

/** A month's report content with figures chosen so that each can be told apart from the others. */
final class ReportFixtures {

	static final YearMonth JUNE = YearMonth.of(2026, 6);

	static final KpiPeriod PERIOD = new KpiPeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 10));

	private ReportFixtures() {
	}

	/** Figures with reported = n, closed = n / 2 and a closure rate of closed/due (null when due is 0). */
	static KpiFigures figures(long reported, long due, long dueClosed, Double satisfaction) {
		Double closure = due == 0 ? null : (double) dueClosed / due;
		return new KpiFigures(reported, reported - 1, reported - 2, 0, 0, reported - 3, 0, reported / 2, 0, due,
				dueClosed, 0, 0, 0, 0, 0, 0, dueClosed, null, null, closure, closure, satisfaction, null, null, null,
				null, null, null, null, null);
	}

	static ReportContent content() {
		KpiReport.Scope scope = new KpiReport.Scope(UUID.randomUUID(), "巴南区", "DISTRICT");
		KpiReport report = new KpiReport(scope, PERIOD, figures(40, 20, 15, 0.9),
				new KpiReport.Comparison(PERIOD.previous(), figures(30, 10, 5, null)),
				new KpiReport.Comparison(PERIOD.yearEarlier(), figures(12, 0, 0, 0.5)), 5, List.of(), List.of());
		List<KpiTrend.Point> points = List.of(
				new KpiTrend.Point("2026-05", new KpiPeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)),
						figures(30, 10, 5, null)),
				new KpiTrend.Point("2026-06", PERIOD, figures(40, 20, 15, 0.9)));
		KpiTrend trend = new KpiTrend(scope, new KpiPeriod(LocalDate.of(2026, 5, 1), PERIOD.to()),
				KpiGranularity.MONTH, points);
		ReportedWhistles whistles = new ReportedWhistles(40,
				Map.of(WhistleType.QUICK, 21L, WhistleType.EMERGENCY, 3L, WhistleType.TOUGH, 2L), 14, 7, 4, 1);
		Rates rates = new Rates(2026, 50, 30, 12, 0.6, 0.24, 3.0, 9.0, 20.0, 40.0, 0.8, 20, 10.0, 30.0);
		List<RatingView> ratings = List.of(new RatingView(UUID.randomUUID(), UUID.randomUUID(), "渝南物业", 2025,
				new BigDecimal("92.5"), Grade.EXCELLENT, true, Instant.parse("2026-01-10T02:00:00Z")));
		Optimisation.Report risks = new Optimisation.Report(Instant.parse("2026-05-31T16:00:00Z"),
				Instant.parse("2026-06-10T16:00:00Z"), 10,
				List.of(new Optimisation.RuleOutcome(UUID.randomUUID(), RuleKind.ESTATE_COMPLAINTS, true, 3, 7, 6, 2, 1,
						3, 1, 5),
						new Optimisation.RuleOutcome(UUID.randomUUID(), RuleKind.OVERDUE_SPIKE, true, 3, 7, 2, 2, 0, 0,
								0, 8)));
		return new ReportContent(new ReportContent.Node(scope.id(), "巴南区", "DISTRICT"), JUNE, PERIOD,
				Instant.parse("2026-06-10T02:00:00Z"), report, trend, whistles, List.of(), rates, 2025, ratings,
				new VolunteerMonth(4, 23, 1530), new DeliberationMonth(6, 2, 5, 3, 1),
				new PointsMonth(List.of(new PointsMonth.ByKind(SchemeKind.MEMBER, 1250, 300, 41),
						new PointsMonth.ByKind(SchemeKind.VIRTUE, 480, 0, 17)),
						List.of(new PointsMonth.Reason("志愿服务时长", 900, 60), new PointsMonth.Reason("心愿认领", 35, 7))),
				new ScopeCollection(JUNE, 2, 9, 320, 250, 8, 80, 1), risks);
	}

	/** Words that name the key and its arguments, so a test sees which message went where. */
	static String words(String key, Object... args) {
		return args.length == 0 ? key : key + List.of(args);
	}
}

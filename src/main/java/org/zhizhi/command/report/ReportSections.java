package org.zhizhi.command.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.zhizhi.command.AnswerState;
import org.zhizhi.command.EmergencyView;
import org.zhizhi.command.report.ReportDocument.Chart;
import org.zhizhi.command.report.ReportDocument.Line;
import org.zhizhi.command.report.ReportDocument.Section;
import org.zhizhi.command.report.ReportDocument.Series;
import org.zhizhi.command.report.ReportDocument.Table;
import org.zhizhi.command.report.ReportDocument.Value;
import org.zhizhi.command.sentinel.Optimisation.RuleOutcome;
import org.zhizhi.incident.ReportedWhistles;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.incident.kpi.KpiFigures;
import org.zhizhi.incident.kpi.KpiTrend;
import org.zhizhi.partnership.PartnershipViews.Rates;
import org.zhizhi.property.PropertyViews.RatingView;
import org.zhizhi.deliberation.DeliberationMonth;
import org.zhizhi.points.PointsMonth;
import org.zhizhi.property.SelfRunBooks.ScopeCollection;
import org.zhizhi.volunteer.VolunteerMonth;

/**
 * Lays a report's content out as sections: which figure goes where under which name. Pure — the words come from the
 * message bundle through {@code words}, the figures from {@link ReportContent} — so that a test can hold every
 * section against the content it was made of.
 */
public final class ReportSections {

	/** The KPI rows of the month's table: a count or a rate of {@link KpiFigures}, under its message key. */
	private record Kpi(String key, Function<KpiFigures, Value> value) {
	}

	private static final List<Kpi> KPIS = List.of(new Kpi("kpi.count.reported", f -> Value.of(f.reported())),
			new Kpi("kpi.count.accepted", f -> Value.of(f.accepted())),
			new Kpi("kpi.count.dispatched", f -> Value.of(f.dispatched())),
			new Kpi("kpi.count.handled", f -> Value.of(f.handled())),
			new Kpi("kpi.count.closed", f -> Value.of(f.closed())),
			new Kpi("kpi.count.rated", f -> Value.of(f.rated())),
			new Kpi("kpi.rate.handling", f -> Value.share(f.handlingRate())),
			new Kpi("kpi.rate.closure", f -> Value.share(f.closureRate())),
			new Kpi("kpi.rate.onTime", f -> Value.share(f.onTimeClosureRate())),
			new Kpi("kpi.rate.satisfaction", f -> Value.share(f.satisfactionRate())),
			new Kpi("kpi.rate.rework", f -> Value.share(f.reworkRate())),
			new Kpi("kpi.rate.selfHandled", f -> Value.share(f.selfHandledRate())));

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ReportSections() {
	}

	/** The message of a key with its arguments, in the reader's language. */
	@FunctionalInterface
	public interface Words {

		String get(String key, Object... args);
	}

	public static ReportDocument layout(ReportContent c, Words words, ZoneId zone) {
		List<Section> sections = new ArrayList<>();
		sections.add(kpis(c, words));
		sections.add(trend(c.trend(), words));
		sections.add(whistles(c.whistles(), words));
		if (c.emergencies() != null) {
			sections.add(emergencies(c.emergencies(), words, zone));
		}
		if (c.partnership() != null) {
			sections.add(partnership(c.partnership(), words));
		}
		if (c.property() != null) {
			sections.add(property(c.property(), c.ratingYear(), words));
		}
		if (c.volunteers() != null) {
			sections.add(volunteers(c.volunteers(), words));
		}
		if (c.deliberation() != null) {
			sections.add(deliberation(c.deliberation(), words));
		}
		if (c.points() != null) {
			sections.add(points(c.points(), words));
		}
		if (c.fees() != null) {
			sections.add(fees(c.fees(), words));
		}
		if (c.risks() != null) {
			sections.add(risks(c.risks().rules(), words));
		}
		String title = words.get("command.report.documentTitle", c.node().name(), c.month().getYear(),
				c.month().getMonthValue());
		String subtitle = words.get("command.report.documentSubtitle", DAY.format(c.period().from()),
				DAY.format(c.period().to()), MOMENT.format(c.generatedAt().atZone(zone)));
		return new ReportDocument(title, subtitle, List.copyOf(sections));
	}

	static Section kpis(ReportContent c, Words words) {
		KpiFigures month = c.kpis().figures();
		KpiFigures before = c.kpis().monthOnMonth().figures();
		KpiFigures yearAgo = c.kpis().yearOnYear().figures();
		List<List<Value>> rows = new ArrayList<>();
		for (Kpi kpi : KPIS) {
			rows.add(List.of(Value.of(words.get(kpi.key())), kpi.value().apply(month), kpi.value().apply(before),
					kpi.value().apply(yearAgo)));
		}
		Table table = new Table(List.of(words.get("command.report.kpi"), words.get("command.report.thisMonth"),
				words.get("kpi.mom"), words.get("kpi.yoy")), rows);
		String note = words.get("command.report.kpiNote", DAY.format(c.kpis().monthOnMonth().period().from()),
				DAY.format(c.kpis().monthOnMonth().period().to()), DAY.format(c.kpis().yearOnYear().period().from()),
				DAY.format(c.kpis().yearOnYear().period().to()));
		return new Section("kpis", words.get("command.report.section.kpis"), List.of(), table, null, note);
	}

	/** Each month of the year so far: counts and rates, and the rates as lines. */
	static Section trend(KpiTrend trend, Words words) {
		List<String> months = new ArrayList<>();
		List<Double> closure = new ArrayList<>();
		List<Double> onTime = new ArrayList<>();
		List<Double> satisfaction = new ArrayList<>();
		List<List<Value>> rows = new ArrayList<>();
		for (KpiTrend.Point p : trend.points()) {
			KpiFigures f = p.figures();
			months.add(p.key());
			closure.add(f.closureRate());
			onTime.add(f.onTimeClosureRate());
			satisfaction.add(f.satisfactionRate());
			rows.add(List.of(Value.of(p.key()), Value.of(f.reported()), Value.of(f.closed()),
					Value.share(f.closureRate()), Value.share(f.onTimeClosureRate()),
					Value.share(f.satisfactionRate())));
		}
		Table table = new Table(List.of(words.get("command.report.month"), words.get("kpi.count.reported"),
				words.get("kpi.count.closed"), words.get("kpi.rate.closure"), words.get("kpi.rate.onTime"),
				words.get("kpi.rate.satisfaction")), rows);
		Chart chart = new Chart(words.get("command.report.chart.trend"), Chart.Kind.LINE, months,
				List.of(new Series(words.get("kpi.rate.closure"), closure),
						new Series(words.get("kpi.rate.onTime"), onTime),
						new Series(words.get("kpi.rate.satisfaction"), satisfaction)),
				true);
		return new Section("trend", words.get("command.report.section.trend"), List.of(), table, chart, null);
	}

	/** The month's reports by whistle type (and those not whistled), with overdue and carded ones. */
	static Section whistles(ReportedWhistles w, Words words) {
		List<String> types = new ArrayList<>();
		List<Double> counts = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(words.get("command.report.reported"), Value.of(w.reported())));
		for (WhistleType type : WhistleType.values()) {
			long n = w.byType().getOrDefault(type, 0L);
			types.add(words.get("whistleType." + type));
			counts.add((double) n);
			lines.add(new Line(words.get("whistleType." + type), Value.of(n)));
		}
		types.add(words.get("command.report.notWhistled"));
		counts.add((double) w.notWhistled());
		lines.add(new Line(words.get("command.report.notWhistled"), Value.of(w.notWhistled())));
		lines.add(new Line(words.get("command.report.overdue"), Value.of(w.overdue())));
		lines.add(new Line(words.get("command.report.yellowCarded"), Value.of(w.yellowCarded())));
		lines.add(new Line(words.get("command.report.redCarded"), Value.of(w.redCarded())));
		Chart chart = new Chart(words.get("command.report.chart.whistles"), Chart.Kind.BAR, types,
				List.of(new Series(words.get("command.report.reported"), counts)), false);
		return new Section("whistles", words.get("command.report.section.whistles"), lines, null, chart, null);
	}

	static Section emergencies(List<EmergencyView> blown, Words words, ZoneId zone) {
		List<List<Value>> rows = new ArrayList<>();
		for (EmergencyView w : blown) {
			rows.add(List.of(Value.of(MOMENT.format(w.blownAt().atZone(zone))),
					Value.of(words.get("command.emergencyKind." + w.kind())), Value.of(w.title()),
					Value.of(words.get("command.emergencyState." + w.state())), Value.of(w.called()),
					Value.of(w.count(AnswerState.ARRIVED))));
		}
		Table table = new Table(List.of(words.get("command.emergency.blownAt"), words.get("command.report.kind"),
				words.get("command.emergency.title"), words.get("command.emergency.state"),
				words.get("command.report.called"), words.get("command.report.arrived")), rows);
		return new Section("emergencies", words.get("command.report.section.emergencies"),
				List.of(new Line(words.get("command.report.blown"), Value.of(blown.size()))), table, null, null);
	}

	static Section partnership(Rates r, Words words) {
		List<Line> lines = List.of(new Line(words.get("command.report.published"), Value.of(r.published())),
				new Line(words.get("command.report.claimed"), Value.of(r.claimed())),
				new Line(words.get("command.report.completed"), Value.of(r.completed())),
				new Line(words.get("partnership.rates.matchRate"), Value.share(r.matchRate())),
				new Line(words.get("partnership.rates.completionRate"), Value.share(r.completionRate())),
				new Line(words.get("partnership.rates.within14"), Value.share(r.claimedWithin14DaysShare())),
				new Line(words.get("partnership.rates.unclaimed"), Value.of(r.unclaimed())));
		return new Section("partnership", words.get("command.report.section.partnership"), lines, null, null,
				words.get("command.report.partnershipNote", r.year()));
	}

	static Section property(List<RatingView> ratings, int year, Words words) {
		List<List<Value>> rows = new ArrayList<>();
		for (RatingView r : ratings) {
			rows.add(List.of(Value.of(r.companyName()), Value.of(r.score() == null ? "" : r.score().toPlainString()),
					Value.of(r.grade() == null ? "" : words.get("property.grade." + r.grade())),
					Value.of(r.titled() ? words.get("command.report.titled") : "")));
		}
		Table table = new Table(List.of(words.get("command.report.company"), words.get("command.report.score"),
				words.get("property.field.grade"), words.get("command.report.titledColumn")), rows);
		return new Section("property", words.get("command.report.section.property"),
				List.of(new Line(words.get("command.report.rated"), Value.of(ratings.size()))), table, null,
				words.get("command.report.propertyNote", year));
	}

	static Section volunteers(VolunteerMonth v, Words words) {
		List<Line> lines = List.of(new Line(words.get("command.report.activities"), Value.of(v.activities())),
				new Line(words.get("command.report.volunteers"), Value.of(v.volunteers())),
				new Line(words.get("command.report.approvedMinutes"), Value.of(v.approvedMinutes())),
				new Line(words.get("command.report.approvedHours"), Value.of(String.valueOf(v.approvedHours()))));
		return new Section("volunteers", words.get("command.report.section.volunteers"), lines, null, null, null);
	}

	/** The month's topics step by step, named as the desk names the steps (提事、议事、决事、执事). */
	static Section deliberation(DeliberationMonth d, Words words) {
		List<Line> lines = List.of(new Line(words.get("command.report.topicsRaised"), Value.of(d.raised())),
				new Line(words.get("command.report.meetingsHeld"), Value.of(d.meetingsHeld())),
				new Line(words.get("command.report.topicsDecided"), Value.of(d.decided())),
				new Line(words.get("command.report.topicsPassed"), Value.of(d.passed())),
				new Line(words.get("command.report.topicsFailed"), Value.of(d.failed())),
				new Line(words.get("command.report.topicsCarriedOut"), Value.of(d.carriedOut())));
		return new Section("deliberation", words.get("command.report.section.deliberation"), lines, null, null, null);
	}

	/**
	 * The month's points: earned and spent in all, by kind of scheme (party members', residents', riders') with who
	 * earned, as a table and as bars side by side; and what the most points were earned for (their points).
	 */
	static Section points(PointsMonth p, Words words) {
		List<String> kinds = new ArrayList<>();
		List<Double> earned = new ArrayList<>();
		List<Double> spent = new ArrayList<>();
		List<List<Value>> rows = new ArrayList<>();
		for (PointsMonth.ByKind k : p.kinds()) {
			String kind = words.get("points.kind." + k.kind());
			kinds.add(kind);
			earned.add((double) k.earned());
			spent.add((double) k.spent());
			rows.add(List.of(Value.of(kind), Value.of(k.earned()), Value.of(k.spent()), Value.of(k.earners())));
		}
		Table table = new Table(List.of(words.get("command.report.pointsKind"), words.get("command.report.earned"),
				words.get("command.report.spent"), words.get("command.report.earners")), rows);
		Chart chart = kinds.isEmpty() ? null
				: new Chart(words.get("command.report.chart.points"), Chart.Kind.BAR, kinds,
						List.of(new Series(words.get("command.report.earned"), earned),
								new Series(words.get("command.report.spent"), spent)),
						false);
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(words.get("command.report.pointsEarned"), Value.of(p.earned())));
		lines.add(new Line(words.get("command.report.pointsSpent"), Value.of(p.spent())));
		for (int i = 0; i < p.reasons().size(); i++) {
			PointsMonth.Reason r = p.reasons().get(i);
			lines.add(new Line(words.get("command.report.topReason", i + 1, r.reason(), r.times()),
					Value.of(r.points())));
		}
		return new Section("points", words.get("command.report.section.points"), List.copyOf(lines), table, chart,
				words.get("command.report.pointsNote"));
	}

	/** The self-run estates' bills of the month: issued, paid, exempted, the rate of what is due, buildings below. */
	static Section fees(ScopeCollection f, Words words) {
		List<Line> lines = List.of(new Line(words.get("command.report.selfRunBodies"), Value.of(f.bodies())),
				new Line(words.get("command.report.feeBuildings"), Value.of(f.buildings())),
				new Line(words.get("command.report.billsIssued"), Value.of(f.billed())),
				new Line(words.get("command.report.billsPaid"), Value.of(f.paid())),
				new Line(words.get("command.report.billsExempt"), Value.of(f.exempt())),
				new Line(words.get("command.report.collectionRate"),
						Value.share(f.ratePercent() == null ? null : f.ratePercent() / 100.0)),
				new Line(words.get("command.report.buildingsBelow"), Value.of(f.flagged())));
		return new Section("fees", words.get("command.report.section.fees"), lines, null, null,
				words.get("command.report.feesNote"));
	}

	/** Each rule of the sentinel: alerts raised in the month and how they stand. */
	static Section risks(List<RuleOutcome> rules, Words words) {
		List<List<Value>> rows = new ArrayList<>();
		long fired = 0;
		for (RuleOutcome r : rules) {
			fired += r.fired();
			rows.add(List.of(Value.of(words.get("command.kind." + r.kind())), Value.of(r.fired()),
					Value.of(r.handled()), Value.of(r.noAction()), Value.of(r.open()), Value.of(r.late())));
		}
		Table table = new Table(List.of(words.get("command.rule.kind"), words.get("command.report.fired"),
				words.get("command.report.handled"), words.get("command.report.noAction"),
				words.get("command.report.open"), words.get("command.report.late")), rows);
		return new Section("risks", words.get("command.report.section.risks"),
				List.of(new Line(words.get("command.report.alertsRaised"), Value.of(fired))), table, null, null);
	}
}

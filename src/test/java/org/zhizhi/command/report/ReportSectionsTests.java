package org.zhizhi.command.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhizhi.command.report.ReportDocument.Chart;
import org.zhizhi.command.report.ReportDocument.Count;
import org.zhizhi.command.report.ReportDocument.Section;
import org.zhizhi.command.report.ReportDocument.Share;
import org.zhizhi.command.report.ReportDocument.Value;
import org.zhizhi.points.PointsMonth;
import org.zhizhi.property.SelfRunBooks.ScopeCollection;

class ReportSectionsTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static ReportDocument layout(ReportContent content) {
		return ReportSections.layout(content, ReportFixtures::words, SHANGHAI);
	}

	private static Section section(ReportDocument document, String key) {
		return document.sections().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
	}

	@Test
	void placesEverySectionTheContentHoldsInTheReportsOrder() {
		assertThat(layout(ReportFixtures.content()).sections()).extracting(Section::key)
			.containsExactly("kpis", "trend", "whistles", "emergencies", "partnership", "property", "volunteers",
					"deliberation", "points", "fees", "risks");
	}

	@Test
	void leavesOutTheSectionsWhoseModuleDidNotServeTheViewerRatherThanShowingZeros() {
		ReportContent c = ReportFixtures.content();
		ReportContent unserved = new ReportContent(c.node(), c.month(), c.period(), c.generatedAt(), c.kpis(),
				c.trend(), c.whistles(), null, null, c.ratingYear(), null, null, null, null, null, null);
		assertThat(layout(unserved).sections()).extracting(Section::key).containsExactly("kpis", "trend", "whistles");
	}

	@Test
	void namesTheNodeMonthAndPeriodInTheTitle() {
		ReportDocument d = layout(ReportFixtures.content());
		assertThat(d.title()).isEqualTo("command.report.documentTitle[巴南区, 2026, 6]");
		assertThat(d.subtitle()).isEqualTo("command.report.documentSubtitle[2026-06-01, 2026-06-10, 2026-06-10 10:00]");
	}

	@Test
	void setsTheMonthBesideTheMonthBeforeAndTheSameMonthAYearEarlier() {
		Section kpis = section(layout(ReportFixtures.content()), "kpis");
		assertThat(row(kpis, "kpi.count.reported")).containsExactly(Value.of("kpi.count.reported"), new Count(40),
				new Count(30), new Count(12));
		// 15 of 20 due closed; 5 of 10 the month before; nothing due a year earlier: no rate, not 0 %
		assertThat(row(kpis, "kpi.rate.closure")).containsExactly(Value.of("kpi.rate.closure"), new Share(0.75),
				new Share(0.5), new Share(null));
		assertThat(row(kpis, "kpi.rate.closure").get(3).text()).isEqualTo("—");
	}

	@Test
	void chartsTheYearsRatesMonthByMonthWithGapsWhereAMonthHadNoDenominator() {
		Chart chart = section(layout(ReportFixtures.content()), "trend").chart();
		assertThat(chart.kind()).isEqualTo(Chart.Kind.LINE);
		assertThat(chart.percent()).isTrue();
		assertThat(chart.categories()).containsExactly("2026-05", "2026-06");
		assertThat(chart.series().get(0).values()).containsExactly(0.5, 0.75);
		assertThat(chart.series().get(2).values()).containsExactly(null, 0.9);
	}

	@Test
	void chartsTheMonthsReportsByWhistleTypeAndListsOverdueAndCarded() {
		Section whistles = section(layout(ReportFixtures.content()), "whistles");
		assertThat(whistles.chart().kind()).isEqualTo(Chart.Kind.BAR);
		assertThat(whistles.chart().categories()).containsExactly("whistleType.QUICK", "whistleType.EMERGENCY",
				"whistleType.TOUGH", "command.report.notWhistled");
		assertThat(whistles.chart().series().getFirst().values()).containsExactly(21.0, 3.0, 2.0, 14.0);
		assertThat(whistles.lines()).extracting(l -> l.label() + "=" + l.value().text())
			.contains("command.report.reported=40", "command.report.overdue=7", "command.report.yellowCarded=4",
					"command.report.redCarded=1");
	}

	@Test
	void countsTheAlertsRaisedOverEveryRule() {
		Section risks = section(layout(ReportFixtures.content()), "risks");
		assertThat(risks.lines().getFirst().value()).isEqualTo(new Count(8));
		assertThat(risks.table().rows()).hasSize(2);
		assertThat(risks.table().rows().getFirst()).extracting(Value::text)
			.containsExactly("command.kind.ESTATE_COMPLAINTS", "6", "2", "1", "3", "1");
	}

	@Test
	void showsPartnershipRatesAsPercentagesOfTheYear() {
		Section p = section(layout(ReportFixtures.content()), "partnership");
		assertThat(p.lines()).extracting(l -> l.label() + "=" + l.value().text())
			.contains("command.report.published=50", "partnership.rates.matchRate=60.0%");
		assertThat(p.note()).isEqualTo("command.report.partnershipNote[2026]");
	}

	@Test
	void showsTheVolunteersMonthWithItsApprovedTimeInMinutesAndHours() {
		Section v = section(layout(ReportFixtures.content()), "volunteers");
		assertThat(v.lines()).extracting(l -> l.label() + "=" + l.value().text())
			.containsExactly("command.report.activities=4", "command.report.volunteers=23",
					"command.report.approvedMinutes=1,530", "command.report.approvedHours=25.5");
	}

	@Test
	void followsTheMonthsTopicsStepByStepWithThoseNotPassed() {
		Section d = section(layout(ReportFixtures.content()), "deliberation");
		assertThat(d.lines()).extracting(l -> l.label() + "=" + l.value().text())
			.containsExactly("command.report.topicsRaised=6", "command.report.meetingsHeld=2",
					"command.report.topicsDecided=5", "command.report.topicsPassed=3", "command.report.topicsFailed=2",
					"command.report.topicsCarriedOut=1");
	}

	@Test
	void setsThePointsEarnedBesideThoseSpentByKindOfSchemeAndNamesTheTopReasons() {
		Section p = section(layout(ReportFixtures.content()), "points");
		assertThat(p.lines()).extracting(l -> l.label() + "=" + l.value().text())
			.containsExactly("command.report.pointsEarned=1,730", "command.report.pointsSpent=300",
					"command.report.topReason[1, 志愿服务时长, 60]=900", "command.report.topReason[2, 心愿认领, 7]=35");
		assertThat(row(p, "points.kind.MEMBER")).extracting(Value::text).containsExactly("points.kind.MEMBER", "1,250",
				"300", "41");
		assertThat(row(p, "points.kind.VIRTUE")).extracting(Value::text).containsExactly("points.kind.VIRTUE", "480",
				"0", "17");
		Chart chart = p.chart();
		assertThat(chart.kind()).isEqualTo(Chart.Kind.BAR);
		assertThat(chart.categories()).containsExactly("points.kind.MEMBER", "points.kind.VIRTUE");
		assertThat(chart.series()).extracting(ReportDocument.Series::name)
			.containsExactly("command.report.earned", "command.report.spent");
		assertThat(chart.series().get(0).values()).containsExactly(1250.0, 480.0);
		assertThat(chart.series().get(1).values()).containsExactly(300.0, 0.0);
	}

	@Test
	void aMonthWithoutPointsHasItsZerosButNoEmptyChart() {
		ReportDocument.Section p = ReportSections.points(new PointsMonth(List.of(), List.of()),
				ReportFixtures::words);
		assertThat(p.lines()).extracting(l -> l.value().text()).containsExactly("0", "0");
		assertThat(p.chart()).isNull();
	}

	@Test
	void showsTheSelfRunFeesOfTheMonthWithTheRateOfWhatIsDueAndADashBeforeAnyBill() {
		Section f = section(layout(ReportFixtures.content()), "fees");
		assertThat(f.lines()).extracting(l -> l.label() + "=" + l.value().text())
			.containsExactly("command.report.selfRunBodies=2", "command.report.feeBuildings=9",
					"command.report.billsIssued=320", "command.report.billsPaid=250", "command.report.billsExempt=8",
					"command.report.collectionRate=80.0%", "command.report.buildingsBelow=1");
		Section none = ReportSections.fees(new ScopeCollection(
				ReportFixtures.JUNE, 1, 3, 0, 0, 0, null, 0), ReportFixtures::words);
		assertThat(none.lines().get(5).value().text()).isEqualTo("—");
	}

	@Test
	void formatsCountsWithThousandsAndSharesWithOneDecimal() {
		assertThat(new Count(12345).text()).isEqualTo("12,345");
		assertThat(new Share(0.875).text()).isEqualTo("87.5%");
		assertThat(new Share(1.0).text()).isEqualTo("100.0%");
		assertThat(new Share(null).text()).isEqualTo("—");
	}

	private static List<Value> row(Section section, String label) {
		return section.table().rows().stream().filter(r -> r.getFirst().text().equals(label)).findFirst().orElseThrow();
	}
}

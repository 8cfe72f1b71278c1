package org.zhizhi.command.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.command.EmergencyView;
import org.zhizhi.command.EmergencyWhistles;
import org.zhizhi.command.sentinel.Optimisation;
import org.zhizhi.incident.IncidentLists;
import org.zhizhi.incident.ReportedWhistles;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.jobs.LongWork;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.deliberation.DeliberationMonth;
import org.zhizhi.deliberation.DeliberationQueries;
import org.zhizhi.points.PointsMonth;
import org.zhizhi.points.PointsMonths;
import org.zhizhi.volunteer.VolunteerMonth;
import org.zhizhi.volunteer.VolunteerQueries;
import tools.jackson.databind.JsonNode;

/**
 * A month's report holds the modules' own figures for its node and month: 巴南区's June (the test clock's month) as a
 * PDF and a workbook, ordered on the page and followed on {@code /jobs/{id}}, read back and held against the KPI API,
 * the partnership API, the whistle query and the sentinel's outcomes for the same node and days — after reports of
 * our own moved them. The API answers 202 with the job, and refuses what it must with RFC 9457 problems.
 */
@ZhizhiIntegrationTest
class MonthlyReportIntegrationTests {

	private static final Pattern JOB = Pattern.compile("/jobs/([0-9a-f-]{36})$");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	LongWork work;

	@Autowired
	IncidentKpis kpis;

	@Autowired
	IncidentLists incidents;

	@Autowired
	Optimisation optimisation;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	VolunteerQueries volunteering;

	@Autowired
	EmergencyWhistles emergencies;

	@Autowired
	DeliberationQueries deliberation;

	@Autowired
	PointsMonths points;

	@Test
	void theDistrictsMonthlyReportHoldsTheModulesOwnFiguresInBothFiles() throws Exception {
		ApiClient api = new ApiClient(port);
		String banan = api.tokenOf("banan");
		UUID district = api.orgUnitId("巴南区");
		Actor desk = deskOf(district);
		LocalDate today = kpis.today();
		Instant from = today.withDayOfMonth(1).atStartOfDay(SHANGHAI).toInstant();
		Instant to = today.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
		long before = incidents.reportedWhistles(desk, from, to).reported();
		for (int i = 0; i < 3; i++) {
			api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "月报核对：楼道堆物 " + i + " " + System.nanoTime());
		}
		// an emergency whistle of our own in the month, stood down at once (it still was blown in the month)
		String title = "月报核对：东城路积水" + UUID.randomUUID().toString().substring(0, 4);
		ApiClient.Response blown = api.post("/api/v1/command/emergency-whistles", banan,
				Map.of("kind", "FLOOD", "title", title, "details", "月报核对", "gridIds",
						List.of(api.orgUnitId("东城社区第1网格")), "forces", List.of("GRID_TEAM")));
		assertThat(blown.status()).as(blown.brief()).isEqualTo(201);
		assertThat(api.post("/api/v1/command/emergency-whistles/" + blown.json().path("id").asString()
				+ "/stand-down", banan, Map.of("summary", "月报核对完毕")).status()).isEqualTo(200);
		List<EmergencyView> emergencyViews = emergencies.blownIn(desk, from, to);
		assertThat(emergencyViews).extracting(EmergencyView::title).contains(title);
		kpis.foldPending();
		ReportedWhistles whistles = incidents.reportedWhistles(desk, from, to);
		assertThat(whistles.reported()).as("our three reports are in the month").isEqualTo(before + 3);
		String month = today.toString().substring(0, 7);
		JsonNode kpi = ok(api.get("/api/v1/incident-kpis?orgUnitId=" + district + "&from=" + today.withDayOfMonth(1)
				+ "&to=" + today, banan)).path("figures");
		JsonNode rates = ok(api.get("/api/v1/partnership/rates?year=" + today.getYear(), banan));
		long alertsRaised = optimisation.report(desk, from, to)
			.rules()
			.stream()
			.mapToLong(Optimisation.RuleOutcome::fired)
			.sum();

		VolunteerMonth volunteers = volunteering.served(desk, from, to);
		DeliberationMonth deliberated = deliberation.month(desk, from, to);
		PointsMonth earned = points.month(desk, from, to);
		JsonNode fees = ok(api.get("/api/v1/property/fee-collection?month=" + month, banan));

		WebSession session = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		assertThat(session.get("/command/reports").body()).contains("id=\"report-form\"", "value=\"" + month + "\"");

		byte[] xlsx = order(session, district, month, "XLSX");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Map<String, Object> k = figures(book.getSheet("事件处置考核"));
			assertThat(k.get("上报")).isEqualTo((double) kpi.path("reported").asLong());
			assertThat(k.get("结案")).isEqualTo((double) kpi.path("closed").asLong());
			assertThat(k.get("吹哨派单")).isEqualTo((double) kpi.path("dispatched").asLong());
			assertThat(k.get("结案率")).isEqualTo(rate(kpi.path("closureRate")));
			assertThat(k.get("满意率")).isEqualTo(rate(kpi.path("satisfactionRate")));

			Map<String, Object> w = figures(book.getSheet("吹哨报到"));
			assertThat(w.get("本月上报")).isEqualTo((double) whistles.reported());
			assertThat(w.get("快捷哨")).isEqualTo((double) whistles.byType().get(WhistleType.QUICK));
			assertThat(w.get("攻坚哨")).isEqualTo((double) whistles.byType().get(WhistleType.TOUGH));
			assertThat(w.get("未吹哨派单")).isEqualTo((double) whistles.notWhistled());
			assertThat(w.get("超时未办结（截至生成时）")).isEqualTo((double) whistles.overdue());

			Map<String, Object> p = figures(book.getSheet("共建对接"));
			assertThat(p.get("已发布需求")).isEqualTo((double) rates.path("published").asLong());
			assertThat(p.get("对接率")).isEqualTo(rate(rates.path("matchRate")));

			assertThat(figures(book.getSheet("风险预警（智能哨兵）")).get("本月触发预警")).isEqualTo((double) alertsRaised);

			XSSFSheet emergencySheet = book.getSheet("应急哨");
			assertThat(figures(emergencySheet).get("本月吹响")).isEqualTo((double) emergencyViews.size());
			assertThat(texts(emergencySheet)).contains(title);

			Map<String, Object> v = figures(book.getSheet("志愿服务"));
			assertThat(v.get("本月开展活动")).isEqualTo((double) volunteers.activities());
			assertThat(v.get("认定服务时长（分钟）")).isEqualTo((double) volunteers.approvedMinutes());

			Map<String, Object> d = figures(book.getSheet("居民议事"));
			assertThat(d.get("本月提事（新议题）")).isEqualTo((double) deliberated.raised());
			assertThat(d.get("本月召开议事会议")).isEqualTo((double) deliberated.meetingsHeld());
			assertThat(d.get("本月决事（作出决定的议题）")).isEqualTo((double) deliberated.decided());
			assertThat(d.get("其中通过")).isEqualTo((double) deliberated.passed());
			assertThat(d.get("本月执事完成（转入评事）")).isEqualTo((double) deliberated.carriedOut());

			XSSFSheet pointsSheet = book.getSheet("积分");
			Map<String, Object> pt = figures(pointsSheet);
			assertThat(pt.get("本月获得积分")).isEqualTo((double) earned.earned());
			assertThat(pt.get("本月兑换消费积分")).isEqualTo((double) earned.spent());
			for (PointsMonth.ByKind byKind : earned.kinds()) {
				String kind = switch (byKind.kind()) {
					case MEMBER -> "党员积分";
					case VIRTUE -> "道德积分银行";
					case RIDER -> "先锋骑士积分";
				};
				assertThat(pt.get(kind)).as(kind).isEqualTo((double) byKind.earned());
			}
			assertThat(pointsSheet.getDrawingPatriarch() == null ? 0
					: pointsSheet.getDrawingPatriarch().getCharts().size())
				.as("earned vs spent, when anything was").isEqualTo(earned.kinds().isEmpty() ? 0 : 1);

			Map<String, Object> fee = figures(book.getSheet("自管费收缴"));
			assertThat(fee.get("自管小区（自管组织）")).isEqualTo((double) fees.path("bodies").asLong());
			assertThat(fee.get("本月开单（户）")).isEqualTo((double) fees.path("billed").asLong());
			assertThat(fee.get("已缴（户）")).isEqualTo((double) fees.path("paid").asLong());
			assertThat(fee.get("免缴（户）")).isEqualTo((double) fees.path("exempt").asLong());
			assertThat(fee.get("收缴率")).isEqualTo(
					fees.path("ratePercent").isNull() ? null : fees.path("ratePercent").asDouble() / 100);
			assertThat(fee.get("收缴率低于阈值的楼栋")).isEqualTo((double) fees.path("flagged").asLong());

			XSSFSheet trend = book.getSheet("今年各月趋势");
			assertThat(trend.getDrawingPatriarch().getCharts()).as("the year's trend as an Excel chart").hasSize(1);
			assertThat(book.getSheet("吹哨报到").getDrawingPatriarch().getCharts()).as("whistles by type").hasSize(1);
			assertThat(figures(trend)).containsKey(month);
		}

		byte[] pdf = order(session, district, month, "PDF");
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("巴南区" + today.getYear() + "年" + today.getMonthValue() + "月",
					"本月上报" + whistles.reported(), "未吹哨派单" + whistles.notWhistled(),
					"本月触发预警" + alertsRaised, "本月上报事件按哨型", "各月结案率、按期结案率、满意率",
					"本月提事（新议题）" + shown(deliberated.raised()), "本月获得积分" + shown(earned.earned()),
					"本月开单（户）" + shown(fees.path("billed").asLong()));
		}
		assertThat(session.get("/command/reports").body()).as("his recent reports are listed")
			.contains("id=\"report-jobs\"");
	}

	@Test
	void aStreetLeaderGetsNoReportOfAnotherStreetAndAResidentNone() {
		ApiClient api = new ApiClient(port);
		String jieshi = api.tokenOf("jieshi");
		UUID yudong = api.orgUnitId("鱼洞街道");
		ApiClient.Response other = api.post("/api/v1/command/reports", jieshi,
				Map.of("scope", yudong.toString(), "month", "2026-06", "format", "PDF"));
		assertThat(other.problemCode(404)).isEqualTo("NOT_FOUND");
		ApiClient.Response own = api.post("/api/v1/command/reports", jieshi,
				Map.of("scope", api.orgUnitId("界石镇").toString(), "month", "2026-06", "format", "PDF"));
		assertThat(own.status()).as(own.brief()).isEqualTo(202);

		ApiClient.Response resident = api.post("/api/v1/command/reports", api.tokenOf("jumin01"),
				Map.of("month", "2026-06", "format", "PDF"));
		assertThat(resident.problemCode(403)).isEqualTo("ROLE_NOT_ALLOWED");
		WebSession page = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);
		assertThat(page.get("/command/reports").statusCode()).isEqualTo(403);
	}

	@Test
	void theApiStartsAReportAt202AndNamesEveryBadFieldInAProblem() throws Exception {
		ApiClient api = new ApiClient(port);
		String banan = api.tokenOf("banan");
		ApiClient.Response started = api.post("/api/v1/command/reports", banan,
				Map.of("month", "2026-05", "format", "xlsx"));
		assertThat(started.status()).as(started.brief()).isEqualTo(202);
		String location = started.headers().firstValue("Location").orElseThrow();
		Matcher job = JOB.matcher(location);
		assertThat(job.find()).as(location).isTrue();
		assertThat(started.json().path("file").asString()).isEqualTo("/jobs/" + job.group(1) + "/file");
		assertThat(work.awaitFinished(UUID.fromString(job.group(1)), Duration.ofSeconds(60))).isTrue();

		ApiClient.Response bad = api.post("/api/v1/command/reports", banan,
				Map.of("scope", "巴南区", "month", "2026-13", "format", "DOC"));
		assertThat(bad.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("scope", "month", "format");
		assertThat(bad.body()).contains("月份格式应为");

		ApiClient.Response toCome = api.post("/api/v1/command/reports", banan,
				Map.of("month", "2026-07", "format", "PDF"));
		assertThat(toCome.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(toCome.errorFields()).containsExactly("month");

		ApiClient.Response grid = api.post("/api/v1/command/reports", banan,
				Map.of("scope", api.orgUnitId("东城社区第1网格").toString(), "month", "2026-06", "format", "PDF"));
		assertThat(grid.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(grid.errorFields()).containsExactly("scope");

		assertThat(api.post("/api/v1/command/reports", null, Map.of("month", "2026-06", "format", "PDF")).status())
			.isEqualTo(401);
	}

	/**
	 * The list of his recent reports names each by what was ordered — the node, the month, the format — whether he
	 * ordered it on the page or over the API, and while it runs as once it is done.
	 */
	@Test
	void theRecentReportsSayWhichNodeMonthAndFormatEachIs() throws Exception {
		ApiClient api = new ApiClient(port);
		WebSession session = new WebSession(port).loggedInAs("jieshi", ApiClient.DEMO_PASSWORD);
		java.time.YearMonth thisMonth = java.time.YearMonth.from(kpis.today());
		java.time.YearMonth lastMonth = thisMonth.minusMonths(1);
		HttpResponse<String> started = session.submit("/command/reports", "/command/reports",
				Map.of("scope", api.orgUnitId("东城社区").toString(), "month", lastMonth.toString(), "format", "XLSX"));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		Matcher onPage = JOB.matcher(WebSession.location(started));
		assertThat(onPage.find()).isTrue();
		ApiClient.Response overApi = api.post("/api/v1/command/reports", api.tokenOf("jieshi"),
				Map.of("month", thisMonth.toString(), "format", "PDF"));
		assertThat(overApi.status()).as(overApi.brief()).isEqualTo(202);
		Matcher byApi = JOB.matcher(overApi.headers().firstValue("Location").orElseThrow());
		assertThat(byApi.find()).isTrue();

		String page = session.get("/command/reports").body();
		assertThat(row(page, onPage.group(1))).contains("东城社区",
				lastMonth.getYear() + "年" + lastMonth.getMonthValue() + "月", "Excel（含图表）");
		assertThat(row(page, byApi.group(1))).contains("界石镇",
				thisMonth.getYear() + "年" + thisMonth.getMonthValue() + "月", "PDF（含图表）");
		assertThat(work.awaitFinished(UUID.fromString(onPage.group(1)), Duration.ofSeconds(90))).isTrue();
		assertThat(work.awaitFinished(UUID.fromString(byApi.group(1)), Duration.ofSeconds(90))).isTrue();
		assertThat(row(session.get("/command/reports").body(), onPage.group(1))).as("done, it says the same")
			.contains("东城社区", "Excel（含图表）", "/jobs/" + onPage.group(1) + "/file");
		// another person's list does not hold them
		assertThat(new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD).get("/command/reports").body())
			.doesNotContain(onPage.group(1), byApi.group(1));
	}

	/** The row of the recent reports' table that links to the job. */
	private static String row(String page, String jobId) {
		int link = page.indexOf("/jobs/" + jobId + "\"");
		assertThat(link).as("job " + jobId + " is listed").isPositive();
		return page.substring(page.lastIndexOf("<tr", link), page.indexOf("</tr>", link));
	}

	@Test
	void theFormShowsABadMonthBesideTheFieldInChinese() {
		WebSession session = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> refused = session.submit("/command/reports", "/command/reports",
				Map.of("month", "2026-07", "format", "PDF"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("不能生成尚未开始的月份的报告", "id=\"report-form\"");
	}

	/** Orders a report on the page, follows it to its end and downloads the file. */
	private byte[] order(WebSession session, UUID scope, String month, String format) throws Exception {
		HttpResponse<String> started = session.submit("/command/reports", "/command/reports",
				Map.of("scope", scope.toString(), "month", month, "format", format));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		Matcher job = JOB.matcher(WebSession.location(started));
		assertThat(job.find()).as(WebSession.location(started)).isTrue();
		UUID id = UUID.fromString(job.group(1));
		assertThat(work.awaitFinished(id, Duration.ofSeconds(90))).isTrue();
		assertThat(session.get("/jobs/" + id).body()).contains("data-state=\"DONE\"", "id=\"job-result\"");
		HttpResponse<byte[]> file = session.download("/jobs/" + id + "/file");
		assertThat(file.statusCode()).isEqualTo(200);
		return file.body();
	}

	/** A sheet's cells by the label left of them: the first value of each labelled row. */
	private static Map<String, Object> figures(XSSFSheet sheet) {
		assertThat(sheet).isNotNull();
		Map<String, Object> figures = new HashMap<>();
		for (Row row : sheet) {
			Cell label = row.getCell(0);
			Cell value = row.getCell(1);
			if (label == null || label.getCellType() != CellType.STRING) {
				continue;
			}
			Object v = value == null || value.getCellType() == CellType.BLANK ? null
					: value.getCellType() == CellType.NUMERIC ? value.getNumericCellValue() : value.getStringCellValue();
			figures.putIfAbsent(label.getStringCellValue(), v);
		}
		return figures;
	}

	/** Every text cell of a sheet. */
	private static List<String> texts(XSSFSheet sheet) {
		List<String> texts = new java.util.ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.STRING) {
					texts.add(cell.getStringCellValue());
				}
			}
		}
		return texts;
	}

	/** A count as the PDF shows it (thousands separated). */
	private static String shown(long n) {
		return ReportDocument.Value.of(n).text();
	}

	private static Double rate(JsonNode node) {
		return node.isNull() || node.isMissingNode() ? null : node.asDouble();
	}

	private Actor deskOf(UUID orgUnitId) {
		OrgUnit at = orgUnits.bindingOf(orgUnitId).orElseThrow();
		return new Actor(UUID.randomUUID(), "desk", "desk", Set.of(Role.DISTRICT_ADMIN), at.scope());
	}

	private static JsonNode ok(ApiClient.Response response) {
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		return response.json();
	}
}

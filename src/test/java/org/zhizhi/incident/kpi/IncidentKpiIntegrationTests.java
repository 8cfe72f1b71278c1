package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.TerritoryManagement;

import tools.jackson.databind.JsonNode;

/**
 * The KPIs over real HTTP against hand-computed values: eight incidents driven through the API in a grid of their
 * own, every rate and median checked exactly; the caller's scope; 环比 and 同比 of a period chosen by the test; and the
 * incremental rollup equal to a rebuilt one.
 */
@ZhizhiIntegrationTest
class IncidentKpiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TerritoryManagement territory;

	@Autowired
	IncidentKpis kpis;

	@Autowired
	KpiRollups rollups;

	@Test
	void everyRateAndMedianOfAGridMatchesTheHandComputedValues() {
		KpiGrid g = KpiGrid.create(port, jdbc, territory);
		// A: the whole loop, no deadline, satisfied — 130 minutes from report to claim, check-in and closure
		UUID a = g.whistled(130);
		g.claim(a);
		g.checkIn(a);
		g.resolve(a);
		g.verify(a);
		g.rate(a, "SATISFIED");
		// B: reworked once, closed after its deadline (an hour after the report), basically satisfied — 500 minutes
		UUID b = g.whistled(500);
		g.deadline(b, 60);
		g.claim(b);
		g.checkIn(b);
		g.resolve(b);
		g.rework(b);
		g.checkIn(b);
		g.resolve(b);
		g.verify(b);
		g.rate(b, "BASICALLY_SATISFIED");
		// C: resolved but not yet verified, due the day after tomorrow (not due yet) — 30 minutes
		UUID c = g.whistled(30);
		g.deadline(c, 30 + 2 * 24 * 60);
		g.claim(c);
		g.checkIn(c);
		g.resolve(c);
		// D: claimed 25 hours after the report, its deadline passed long ago, still open
		UUID d = g.whistled(1500);
		g.deadline(d, 60);
		g.claim(d);
		// E: a private matter, closed at triage 200 minutes after the report, no deadline; unsatisfied
		UUID e = g.report(200);
		g.step(e, "accept", g.staff, Map.of());
		g.step(e, "triage", g.staff, Map.of("triage", "PRIVATE", "note", "建议与物业协商"));
		g.rate(e, "UNSATISFIED");
		// F: rejected as a duplicate
		UUID f = g.report(5);
		g.step(f, "reject", g.staff, Map.of("reason", "DUPLICATE"));
		// G: accepted only
		UUID h0 = g.report(5);
		g.step(h0, "accept", g.staff, Map.of());
		// H: escalated to the street, closed a day before its deadline, satisfied — 70 minutes
		UUID h = g.whistled(70);
		g.deadline(h, 70 + 24 * 60);
		g.claim(h);
		g.checkIn(h);
		g.resolve(h);
		g.escalate(h);
		g.verify(h);
		g.rate(h, "SATISFIED");

		LocalDate today = kpis.today();
		ApiClient api = new ApiClient(port);
		for (UUID unit : List.of(g.grid.id(), g.community.id())) {
			JsonNode report = api.get("/api/v1/incident-kpis?orgUnitId=" + unit + "&from=" + today.minusDays(2)
					+ "&to=" + today, g.staff).json();
			JsonNode k = report.path("figures");
			assertThat(report.path("scope").path("id").asString()).isEqualTo(unit.toString());
			assertThat(counts(k)).containsExactly(8L, 7L, 5L, 5L, 4L, 4L, 1L, 4L, 3L, 5L, 3L, 4L, 2L, 1L, 4L, 4L, 1L, 4L);
			assertThat(k.path("handlingRate").asDouble()).isCloseTo(4 / 5.0, within(1e-9));
			assertThat(k.path("closureRate").asDouble()).isCloseTo(4 / 5.0, within(1e-9));
			assertThat(k.path("onTimeClosureRate").asDouble()).isCloseTo(3 / 5.0, within(1e-9));
			assertThat(k.path("satisfactionRate").asDouble()).isCloseTo(3 / 4.0, within(1e-9));
			assertThat(k.path("reworkRate").asDouble()).isCloseTo(1 / 4.0, within(1e-9));
			assertThat(k.path("selfHandledRate").asDouble()).isCloseTo(3 / 4.0, within(1e-9));
			// claims 30, 70, 130, 500, 1500 → 130; on site 30, 70, 130, 500 → 70; closures 70, 130, 200, 500 → 130
			assertThat(median(k, "timeToClaim")).containsExactly(120, 180, 5);
			assertThat(median(k, "timeToOnSite")).containsExactly(60, 90, 4);
			assertThat(median(k, "timeToClose")).containsExactly(120, 180, 4);
		}
		// the community's one grid is its whole ranking (5 due ≥ the minimum of 5), and so not among the weakest
		JsonNode community = api.get("/api/v1/incident-kpis?orgUnitId=" + g.community.id() + "&from="
				+ today.minusDays(2) + "&to=" + today, g.staff).json();
		assertThat(community.path("top").size()).isEqualTo(1);
		assertThat(community.path("top").get(0).path("gridId").asString()).isEqualTo(g.grid.id().toString());
		assertThat(community.path("top").get(0).path("closureRate").asDouble()).isCloseTo(0.8, within(1e-9));
		assertThat(community.path("top").get(0).path("due").asLong()).isEqualTo(5);
		assertThat(community.path("top").get(0).path("onTimeClosureRate").asDouble()).isCloseTo(0.6, within(1e-9));
		assertThat(community.path("bottom").size()).isZero();

		// the rollup kept step by step is exactly the one rebuilt from the incidents and their timelines
		// read in the installation's one root node, under which every row of the tree lies: all of the rollup
		DataScope everything = jdbc.sql("select id, path from territory.org_unit where parent_id is null")
			.query((rs, n) -> new DataScope(rs.getObject("id", UUID.class), rs.getString("path")))
			.single();
		List<String> incremental = rollups.snapshot(everything);
		assertThat(incremental).isNotEmpty();
		kpis.rebuild();
		assertThat(rollups.snapshot(everything)).containsExactlyElementsOf(incremental);
	}

	@Test
	void theDeskPageShowsTheRatesInChinese() {
		KpiGrid g = KpiGrid.create(port, jdbc, territory);
		UUID a = g.whistled(20);
		g.claim(a);
		g.checkIn(a);
		g.resolve(a);
		g.verify(a);
		var page = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD)
			.get("/incidents/kpi?orgUnitId=" + g.community.id());
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("事件考核", "处置率", "结案率", "按期结案率", "满意率", "返工率", "自办率", g.community.name(),
				"100.0%", "结案率前五网格", g.grid.name(), "任何比率都不超过 100%");
		// a period that is over also shows the handling rate as it stood at its end; one that lasts does not
		assertThat(html).doesNotContain("kpi-by-end");
		LocalDate today = kpis.today();
		String past = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD)
			.get("/incidents/kpi?orgUnitId=" + g.community.id() + "&from=" + today.minusDays(30) + "&to="
					+ today.minusDays(1))
			.body();
		assertThat(past).containsPattern("class=\"kpi-by-end[^>]*>截至期末 (—|[0-9.]+%)<");
	}

	@Test
	void aGridWorkerSeesHisGridButNotAnotherCommunityAndAResidentNoKpisAtAll() {
		ApiClient api = new ApiClient(port);
		String gridWorker = api.tokenOf("dongcheng-g01");
		assertThat(api.get("/api/v1/incident-kpis?orgUnitId=" + api.orgUnitId("东城社区第1网格"), gridWorker).status())
			.isEqualTo(200);
		assertThat(api.get("/api/v1/incident-kpis", gridWorker).json().path("scope").path("name").asString())
			.isEqualTo("东城社区第1网格");
		assertThat(api.get("/api/v1/incident-kpis?orgUnitId=" + api.orgUnitId("金银桥社区"), gridWorker)
			.problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/incident-kpis?orgUnitId=" + api.orgUnitId("东城社区"), gridWorker)
			.problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/incident-kpis?orgUnitId=" + api.orgUnitId("东城社区"), api.tokenOf("mudong"))
			.problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/incident-kpis", api.tokenOf("jumin01")).problemCode(403))
			.isEqualTo("ROLE_NOT_ALLOWED");
	}

	@Test
	void badPeriodsAreRefusedNamingTheField() {
		ApiClient api = new ApiClient(port);
		String banan = api.tokenOf("banan");
		assertThat(api.get("/api/v1/incident-kpis?from=2026-13-01&to=2026-01-01", banan).errorFields())
			.containsExactly("from");
		assertThat(api.get("/api/v1/incident-kpis?from=2026-03-01&to=2026-02-01", banan).errorFields())
			.containsExactly("to");
		assertThat(api.get("/api/v1/incident-kpis?from=2020-01-01&to=2026-01-01", banan).errorFields())
			.containsExactly("to");
		assertThat(api.get("/api/v1/incident-kpis?from=2026-03-01", banan).errorFields()).containsExactly("to");
		assertThat(api.get("/api/v1/incident-kpis?from=0001-01-01&to=0001-02-01", banan).errorFields())
			.as("a month of the first century is no period anybody means").containsExactly("from", "to");
		assertThat(api.get("/api/v1/incident-kpis?preset=WEEK", banan).errorFields()).containsExactly("preset");
		assertThat(api.get("/api/v1/incident-kpis?orgUnitId=x", banan).errorFields()).containsExactly("orgUnitId");
		JsonNode problem = api.get("/api/v1/incident-kpis?from=2026-03-01&to=2026-02-01", banan).json();
		assertThat(problem.path("errors").get(0).path("message").asString()).contains("结束日期");
	}

	@Test
	void monthOnMonthAndYearOnYearCompareTheSameDaysBeforeAndAYearEarlier() {
		KpiGrid g = KpiGrid.create(port, jdbc, territory);
		// history written straight into the tables, as a bulk load would, then counted by the rebuild
		g.history("2026-03-10T09:00:00+08:00", 3, true);
		g.history("2026-02-20T09:00:00+08:00", 2, false);
		g.history("2025-03-05T09:00:00+08:00", 4, true);
		g.history("2026-04-01T09:00:00+08:00", 1, true);
		kpis.rebuild();

		ApiClient api = new ApiClient(port);
		JsonNode march = api.get("/api/v1/incident-kpis?orgUnitId=" + g.grid.id() + "&from=2026-03-01&to=2026-03-31",
				g.staff).json();
		assertThat(march.path("period").path("from").asString()).isEqualTo("2026-03-01");
		assertThat(march.path("figures").path("reported").asLong()).isEqualTo(3);
		assertThat(march.path("figures").path("closureRate").asDouble()).isEqualTo(1.0);
		assertThat(march.path("monthOnMonth").path("period").path("from").asString()).isEqualTo("2026-02-01");
		assertThat(march.path("monthOnMonth").path("period").path("to").asString()).isEqualTo("2026-02-28");
		assertThat(march.path("monthOnMonth").path("figures").path("reported").asLong()).isEqualTo(2);
		assertThat(march.path("monthOnMonth").path("figures").path("closed").asLong()).isZero();
		assertThat(march.path("monthOnMonth").path("figures").path("closureRate").isNull()).isTrue();
		assertThat(march.path("yearOnYear").path("period").path("from").asString()).isEqualTo("2025-03-01");
		assertThat(march.path("yearOnYear").path("period").path("to").asString()).isEqualTo("2025-03-31");
		assertThat(march.path("yearOnYear").path("figures").path("reported").asLong()).isEqualTo(4);
		assertThat(march.path("yearOnYear").path("figures").path("closed").asLong()).isEqualTo(4);

		// half of February and five days of April from the days, March from its month row
		JsonNode mixed = api.get("/api/v1/incident-kpis?orgUnitId=" + g.grid.id() + "&from=2026-02-15&to=2026-04-05",
				g.staff).json();
		assertThat(mixed.path("figures").path("reported").asLong()).isEqualTo(2 + 3 + 1);
		assertThat(mixed.path("figures").path("closed").asLong()).isEqualTo(3 + 1);
		assertThat(median(mixed.path("figures"), "timeToClose")).containsExactly(60, 90, 4);

		// ten days in the middle of March are compared with the ten days just before them
		JsonNode tenDays = api.get("/api/v1/incident-kpis?orgUnitId=" + g.grid.id()
				+ "&from=2026-03-05&to=2026-03-14", g.staff).json();
		assertThat(tenDays.path("figures").path("reported").asLong()).isEqualTo(3);
		assertThat(tenDays.path("monthOnMonth").path("period").path("from").asString()).isEqualTo("2026-02-23");
		assertThat(tenDays.path("monthOnMonth").path("period").path("to").asString()).isEqualTo("2026-03-04");
		assertThat(tenDays.path("monthOnMonth").path("figures").path("reported").asLong()).isZero();
		assertThat(tenDays.path("yearOnYear").path("figures").path("reported").asLong()).isEqualTo(4);
	}

	@Test
	void theDatabaseBucketsDurationsLikeTheJavaHistogram() {
		for (int bound : KpiHistogram.BOUNDS_MINUTES) {
			for (double minutes : new double[] { bound - 0.01, bound, bound + 0.01 }) {
				assertThat(rollups.bucketOf(minutes)).as("%s minutes", minutes)
					.isEqualTo(KpiHistogram.bucketOf(minutes));
			}
		}
	}

	private static List<Long> counts(JsonNode k) {
		return List.of("reported", "accepted", "dispatched", "claimed", "onSite", "handled", "reworks", "closed",
				"selfHandled", "due", "closedOnTime", "rated", "satisfied", "basicallySatisfied", "dispatchedHandled",
				"dispatchedHandledByEnd", "handledReworked", "dueClosed")
			.stream()
			.map(name -> k.path(name).asLong())
			.toList();
	}

	private static List<Integer> median(JsonNode k, String name) {
		JsonNode m = k.path(name);
		return List.of(m.path("fromMinutes").asInt(), m.path("toMinutes").asInt(), m.path("count").asInt());
	}
}

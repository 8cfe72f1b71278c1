package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.territory.TerritoryManagement;

import tools.jackson.databind.JsonNode;

/**
 * The KPI trend ties to the cards: every point of a trend is exactly the report of its bucket's days (the whole
 * figures, histograms included), the points add up to the period, a one-bucket trend is the period's cards, and the
 * page's chart data writes each rate as its card does. Scope and bad input are refused as the report refuses them.
 * "Today" is the {@code TestClock}'s 2026-06-10.
 */
@ZhizhiIntegrationTest
class KpiTrendIntegrationTests {

	private static final String TREND = "/api/v1/incident-kpis/trend";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TerritoryManagement territory;

	@Autowired
	IncidentKpis kpis;

	@Test
	void eachPointIsTheReportOfItsBucketAndThePointsAddUpToThePeriod() {
		LocalDate today = kpis.today();
		assertThat(today).as("the test clock's day").isEqualTo(LocalDate.parse("2026-06-10"));
		KpiGrid g = gridWithHistory();
		ApiClient api = new ApiClient(port);

		for (UUID unit : List.of(g.grid.id(), g.community.id())) {
			JsonNode trend = api.get(TREND + "?orgUnitId=" + unit + "&preset=YEAR", g.staff).json();
			assertThat(trend.path("scope").path("id").asString()).isEqualTo(unit.toString());
			assertThat(trend.path("granularity").asString()).as("161 days are drawn by month").isEqualTo("MONTH");
			List<JsonNode> points = points(trend);
			assertThat(points).extracting(p -> p.path("key").asString())
				.containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
			assertThat(points.getLast().path("period").path("to").asString()).isEqualTo("2026-06-10");
			for (JsonNode point : points) {
				JsonNode report = api.get("/api/v1/incident-kpis?orgUnitId=" + unit + "&from="
						+ point.path("period").path("from").asString() + "&to="
						+ point.path("period").path("to").asString(), g.staff).json();
				assertThat(point.path("figures")).as("point %s", point.path("key").asString())
					.isEqualTo(report.path("figures"));
			}
			// by hand: the history below, and today's two incidents in June
			assertThat(points).extracting(p -> p.path("figures").path("reported").asLong())
				.containsExactly(3L, 2L, 5L, 0L, 2L, 2L);
			assertThat(points).extracting(p -> p.path("figures").path("closed").asLong())
				.containsExactly(3L, 0L, 4L, 0L, 2L, 1L);
			assertThat(points.get(2).path("figures").path("closureRate").asDouble()).isEqualTo(1.0);
			assertThat(points.get(3).path("figures").path("closureRate").isNull()).as("nothing due in April").isTrue();
			assertThat(points.getLast().path("figures").path("handlingRate").asDouble()).isEqualTo(0.5);

			// counters count each incident on one day: the months add up to the year's cards
			JsonNode year = api.get("/api/v1/incident-kpis?orgUnitId=" + unit + "&preset=YEAR", g.staff).json();
			for (String counter : List.of("reported", "accepted", "dispatched", "claimed", "handled", "closed", "due",
					"closedOnTime", "rated")) {
				assertThat(points.stream().mapToLong(p -> p.path("figures").path(counter).asLong()).sum())
					.as(counter)
					.isEqualTo(year.path("figures").path(counter).asLong());
			}
		}

		// a period of one month by month is one point: the cards of that month
		JsonNode march = api.get(TREND + "?orgUnitId=" + g.grid.id() + "&from=2026-03-01&to=2026-03-31", g.staff)
			.json();
		assertThat(march.path("granularity").asString()).as("31 days are drawn by week").isEqualTo("WEEK");
		JsonNode oneMonth = api.get(TREND + "?orgUnitId=" + g.grid.id()
				+ "&from=2026-03-01&to=2026-03-31&granularity=month", g.staff).json();
		assertThat(points(oneMonth)).hasSize(1);
		JsonNode marchCards = api.get("/api/v1/incident-kpis?orgUnitId=" + g.grid.id()
				+ "&from=2026-03-01&to=2026-03-31", g.staff).json();
		assertThat(points(oneMonth).getFirst().path("figures")).isEqualTo(marchCards.path("figures"));

		// two and a half weeks by ISO week, the first and the last cut to the period
		JsonNode weeks = api.get(TREND + "?orgUnitId=" + g.grid.id() + "&from=2026-05-27&to=2026-06-10", g.staff)
			.json();
		assertThat(points(weeks)).extracting(p -> p.path("key").asString())
			.containsExactly("2026-W22", "2026-W23", "2026-W24");
		assertThat(points(weeks)).extracting(p -> p.path("period").path("from").asString())
			.containsExactly("2026-05-27", "2026-06-01", "2026-06-08");
		assertThat(points(weeks)).extracting(p -> p.path("figures").path("reported").asLong())
			.containsExactly(2L, 0L, 2L);
	}

	@Test
	void thePagesChartDataWritesEveryRateAsItsCardDoes() {
		KpiGrid g = gridWithHistory();
		WebSession banan = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		for (String[] period : List.of(new String[] { "2026-03-01", "2026-03-31" },
				new String[] { "2026-06-01", "2026-06-10" })) {
			String query = "?orgUnitId=" + g.grid.id() + "&from=" + period[0] + "&to=" + period[1];
			Response chart = response(banan.get("/incidents/kpi/trend.json" + query + "&granularity=MONTH"));
			assertThat(chart.status()).as(chart.brief()).isEqualTo(200);
			JsonNode series = chart.json().path("series");
			Map<String, String> cards = cards(banan.get("/incidents/kpi" + query).body());
			assertThat(cards).hasSize(6);
			Map<String, String> charted = new LinkedHashMap<>();
			series.forEach(s -> charted.put(s.path("key").asString(), s.path("texts").get(0).asString()));
			assertThat(charted).as("%s to %s", period[0], period[1]).containsExactlyEntriesOf(cards);
			// the line is drawn at the number written, not at a rounding of its own
			series.forEach(s -> {
				String text = s.path("texts").get(0).asString();
				JsonNode value = s.path("values").get(0);
				assertThat(value.isNull() ? "—" : value.decimalValue().toPlainString() + "%").isEqualTo(text);
			});
		}
		// the year by month, as the page's script asks for it: one point a month, named in Chinese
		JsonNode year = response(banan.get("/incidents/kpi/trend.json?orgUnitId=" + g.grid.id()
				+ "&from=2026-01-01&to=2026-06-10")).json();
		assertThat(year.path("labels").toString()).isEqualTo("[\"1月\",\"2月\",\"3月\",\"4月\",\"5月\",\"6月\"]");
		assertThat(year.path("days").get(5).asString()).isEqualTo("06-01 — 06-10");
	}

	@Test
	void anOrgUnitOutsideTheCallersScopeIsNotFoundAndAResidentReadsNoTrend() {
		ApiClient api = new ApiClient(port);
		String gridWorker = api.tokenOf("dongcheng-g01");
		assertThat(api.get(TREND + "?orgUnitId=" + api.orgUnitId("东城社区第1网格"), gridWorker).status())
			.isEqualTo(200);
		assertThat(api.get(TREND + "?orgUnitId=" + api.orgUnitId("金银桥社区"), gridWorker).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(api.get(TREND + "?orgUnitId=" + api.orgUnitId("东城社区"), gridWorker).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(api.get(TREND, api.tokenOf("jumin01")).problemCode(403)).isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(api.get(TREND, null).problemCode(401)).isEqualTo("UNAUTHENTICATED");

		WebSession dongcheng = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		Response elsewhere = response(dongcheng.get("/incidents/kpi/trend.json?orgUnitId=" + api.orgUnitId("金银桥社区")));
		assertThat(elsewhere.problemCode(404)).as("the page's data refuses as the API does").isEqualTo("NOT_FOUND");
		assertThat(response(dongcheng.get("/incidents/kpi/trend.json")).json().path("scope").asString())
			.isEqualTo("东城社区");
	}

	@Test
	void aBadGranularityAndTooManyPointsAreRefusedNamingTheField() {
		ApiClient api = new ApiClient(port);
		String banan = api.tokenOf("banan");
		assertThat(api.get(TREND + "?granularity=DAY", banan).errorFields()).containsExactly("granularity");
		Response tooMany = api.get(TREND + "?from=2025-01-01&to=2026-06-10&granularity=WEEK", banan);
		assertThat(tooMany.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(tooMany.errorFields()).containsExactly("granularity");
		assertThat(tooMany.json().path("errors").get(0).path("message").asString()).contains("60", "按月");
		assertThat(api.get(TREND + "?from=2025-01-01&to=2026-06-10", banan).json().path("points").size())
			.as("the same period by month").isEqualTo(18);
		assertThat(api.get(TREND + "?from=2026-01-01&to=2026-06-10&granularity=WEEK", banan).json().path("points")
			.size()).as("24 ISO weeks").isEqualTo(24);
		assertThat(api.get(TREND + "?from=2026-03-01&to=2026-02-01", banan).errorFields()).containsExactly("to");
		assertThat(api.get(TREND + "?from=2020-01-01&to=2026-01-01&granularity=MONTH", banan).errorFields())
			.containsExactly("to");
		assertThat(api.get(TREND + "?preset=WEEK", banan).errorFields()).containsExactly("preset");
		assertThat(api.get(TREND + "?orgUnitId=x", banan).errorFields()).containsExactly("orgUnitId");
		Map<UUID, JsonNode> all = api.allOrgUnits();
		UUID district = api.orgUnitId("巴南区");
		UUID microGrid = all.entrySet()
			.stream()
			.filter(e -> e.getValue().path("level").asString().equals("MICRO_GRID")
					&& ApiClient.isWithin(all, e.getKey(), district))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		assertThat(api.get(TREND + "?orgUnitId=" + microGrid, banan).errorFields()).containsExactly("orgUnitId");

		WebSession page = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		Response refused = response(page.get("/incidents/kpi/trend.json?granularity=DAY"));
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("granularity");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("按月");
	}

	/**
	 * A grid of its own with a history written straight into the tables (as a bulk load would, then rebuilt) and two
	 * incidents of today through the API: January 3 closed; February 2 open; March 4 closed and 1 open (not due, no
	 * deadline); 28 May 2 closed; today one closed through the whole loop and one only claimed.
	 */
	private KpiGrid gridWithHistory() {
		KpiGrid g = KpiGrid.create(port, jdbc, territory);
		g.history("2026-01-20T09:00:00+08:00", 3, true);
		g.history("2026-02-10T09:00:00+08:00", 2, false);
		g.history("2026-03-10T09:00:00+08:00", 4, true);
		g.history("2026-03-12T09:00:00+08:00", 1, false);
		g.history("2026-05-28T09:00:00+08:00", 2, true);
		kpis.rebuild();
		UUID closed = g.whistled(30);
		g.claim(closed);
		g.checkIn(closed);
		g.resolve(closed);
		g.verify(closed);
		g.claim(g.whistled(20));
		return g;
	}

	private static final Pattern CARD = Pattern.compile(
			"data-kpi=\"(\\w+)\".*?class=\"kpi-value\">([^<]*)<", Pattern.DOTALL);

	/** The cards of the desk page: rate key → the value written on it. */
	private static Map<String, String> cards(String html) {
		String rates = html.substring(html.indexOf("id=\"kpi-rates\""), html.indexOf("kpi-legend"));
		Map<String, String> cards = new LinkedHashMap<>();
		Matcher m = CARD.matcher(rates);
		while (m.find()) {
			cards.put(m.group(1), m.group(2).strip());
		}
		return cards;
	}

	private static List<JsonNode> points(JsonNode trend) {
		List<JsonNode> points = new ArrayList<>();
		trend.path("points").forEach(points::add);
		return points;
	}

	private static Response response(HttpResponse<String> page) {
		return new Response(page.statusCode(), page.headers(), page.body());
	}
}

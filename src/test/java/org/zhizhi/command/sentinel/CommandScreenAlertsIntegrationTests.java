package org.zhizhi.command.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.command.screen.ScreenAlerts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The screen's 风险预警 panel is the sentinel desk's own list, and 一键处置 from an alert is the desk's own step: the
 * panel's open count and first page are what {@code /api/v1/command/alerts} answers a person of the node; the card
 * offers exactly the API's {@code allowedActions} among the screen's steps; a step the alert's state does not allow is
 * refused with the API's code, a note it cannot do without with the API's field and words; of two presses at once one
 * wins and the other is told the state it is in now (409); each step lands in the alert's history and the audit trail;
 * another community's desk does not see it at all.
 */
@ZhizhiIntegrationTest
class CommandScreenAlertsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Sentinel sentinel;

	@Autowired
	Rules rules;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void theAlertsPanelIsTheSentinelDesksOpenListForTheNode() {
		ApiClient api = new ApiClient(port);
		UUID alert = raiseInGrid(api, "东城社区第1网格");
		String banan = api.tokenOf("banan");
		String dongcheng = api.tokenOf("dongcheng");
		UUID community = api.orgUnitId("东城社区");
		for (var screenAndDesk : List.of(List.of("", banan), List.of("?scope=" + community, dongcheng))) {
			JsonNode panel = ok(api.get("/api/v1/command/screen" + screenAndDesk.get(0), banan)).path("alerts");
			JsonNode desk = ok(api.get("/api/v1/command/alerts?open=true", screenAndDesk.get(1)));
			long open = 0;
			for (String state : List.of("NEW", "ACKNOWLEDGED", "HANDLED")) {
				open += desk.path("counts").path(state).asLong();
			}
			assertThat(panel.path("open").asLong()).as("the open alerts the desk's tabs count").isEqualTo(open);
			assertThat(panel.path("counts")).isEqualTo(desk.path("counts"));
			assertThat(panel.path("first").findValuesAsString("id"))
				.as("the first page of the desk's open alerts, in its order")
				.isEqualTo(desk.path("alerts").findValuesAsString("id"));
		}
		assertThat(ok(api.get("/api/v1/command/screen", banan)).path("alerts").path("first")
			.findValuesAsString("id")).contains(alert.toString());
		// leaves no open alert behind for the screens of the other tests
		assertThat(api.post("/api/v1/command/alerts/" + alert + "/dismiss", banan, Map.of("reason", "核对完毕"))
			.status()).isEqualTo(200);
	}

	@Test
	void anAlertsOneClickStepsAreTheSentinelDesksStepsWithItsRulesAndAudit() {
		ApiClient api = new ApiClient(port);
		UUID alert = raiseInGrid(api, "东城社区第1网格");
		String path = "/command/screen/alerts/" + alert;
		WebSession banan = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		String token = api.tokenOf("banan");

		// a new alert: the card offers what the policy allows among the screen's steps, with the adviser's proposal
		JsonNode card = json(banan.get(path), 200);
		assertOffersWhatThePolicyAllows(api, token, alert, card);
		assertThat(names(card.path("actions"))).contains("ACKNOWLEDGE").doesNotContain("HANDLE", "CLOSE");
		assertThat(card.path("emergency").asBoolean()).as("a leader may blow the emergency whistle for its grid")
			.isTrue();
		JsonNode advice = ok(api.get("/api/v1/command/alerts/" + alert, token)).path("advice");
		assertThat(card.path("units").findValuesAsString("name"))
			.isEqualTo(advice.path("units").findValuesAsString("name"));
		assertThat(card.path("people").findValuesAsString("name"))
			.isEqualTo(advice.path("people").findValuesAsString("name"));

		// a step the alert's state does not allow: refused as the API refuses it
		JsonNode early = json(post(banan, path + "/handle", Map.of("note", "已处置")), 409);
		ApiClient.Response earlyOnDesk = api.post("/api/v1/command/alerts/" + alert + "/handle", token,
				Map.of("note", "已处置"));
		assertThat(early.path("code").asString()).isEqualTo(earlyOnDesk.problemCode(409));
		assertThat(early.path("detail").asString()).isEqualTo(earlyOnDesk.json().path("detail").asString())
			.matches(".*\\p{IsHan}.*");

		// two presses at once: one takes it up, the other is told it is taken up already
		List<CompletableFuture<HttpResponse<String>>> presses = new ArrayList<>();
		String csrf = csrf(banan);
		for (int i = 0; i < 2; i++) {
			presses.add(CompletableFuture.supplyAsync(() -> banan.postForm(path + "/acknowledge", Map.of("_csrf", csrf))));
		}
		List<Integer> statuses = presses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).sorted()
			.toList();
		assertThat(statuses).containsExactly(200, 409);
		JsonNode loser = presses.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 409)
			.map(r -> JSON.readTree(r.body())).findFirst().orElseThrow();
		assertThat(loser.path("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(jdbc.sql("SELECT count(*) FROM command.alert_step WHERE alert_id = :a AND action = 'ACKNOWLEDGE'")
			.param("a", alert).query(Long.class).single()).as("one acknowledgement in the alert's history").isOne();

		// handling needs its note: the API's field and words
		JsonNode bare = json(post(banan, path + "/handle", Map.of("note", "")), 400);
		ApiClient.Response bareOnDesk = api.post("/api/v1/command/alerts/" + alert + "/handle", token,
				Map.of("note", ""));
		assertThat(bare.path("code").asString()).isEqualTo(bareOnDesk.problemCode(400));
		assertThat(bare.path("errors").get(0).path("field").asString()).isEqualTo(bareOnDesk.errorFields().get(0));
		assertThat(bare.path("errors").get(0).path("message").asString())
			.isEqualTo(bareOnDesk.json().path("errors").get(0).path("message").asString());

		JsonNode handled = json(post(banan, path + "/handle", Map.of("note", "大屏一键处置：已约谈物业")), 200);
		assertThat(handled.path("alert").path("state").asString()).isEqualTo("HANDLED");
		assertOffersWhatThePolicyAllows(api, token, alert, handled);
		JsonNode closed = json(post(banan, path + "/close", Map.of("note", "")), 200);
		assertThat(closed.path("alert").path("state").asString()).isEqualTo("CLOSED");
		assertThat(names(closed.path("actions"))).isEmpty();
		assertThat(ok(api.get("/api/v1/command/alerts/" + alert, token)).path("steps").toString())
			.contains("大屏一键处置：已约谈物业");
		assertThat(ok(api.get("/api/v1/command/screen", token)).path("alerts").path("first")
			.findValuesAsString("id")).as("a closed alert leaves the panel").doesNotContain(alert.toString());

		// every step is in the audit trail, as every write is
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT action FROM identity.audit_entry WHERE object_id = :a AND outcome = 'SUCCESS'""")
			.param("a", alert.toString()).query(String.class).list()).contains(
					"POST /command/screen/alerts/{id}/acknowledge", "POST /command/screen/alerts/{id}/handle",
					"POST /command/screen/alerts/{id}/close"));
	}

	@Test
	void anotherCommunitysDeskDoesNotSeeTheAlertFromItsScreen() {
		ApiClient api = new ApiClient(port);
		UUID alert = raiseInGrid(api, "东城社区第1网格");
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		assertThat(json(mudong.get("/command/screen/alerts/" + alert), 404).path("code").asString())
			.isEqualTo("NOT_FOUND");
		assertThat(json(post(mudong, "/command/screen/alerts/" + alert + "/acknowledge", Map.of()), 404)
			.path("code").asString()).isEqualTo("NOT_FOUND");
		WebSession dongcheng = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		JsonNode dismissed = json(post(dongcheng, "/command/screen/alerts/" + alert + "/dismiss",
				Map.of("reason", "已核实，属误报")), 200);
		assertThat(dismissed.path("alert").path("outcome").asString()).isEqualTo("NO_ACTION");
	}

	/** An alert of this test alone (a subject of its own) about a grid, raised as a sentinel pass raises one. */
	private UUID raiseInGrid(ApiClient api, String gridName) {
		UUID grid = api.orgUnitId(gridName);
		UUID district = api.orgUnitId("巴南区");
		Rule rule = rules.ofDistrict(district).stream().filter(r -> r.kind() == RuleKind.GRID_UNSATISFIED)
			.findFirst().orElseThrow();
		String path = jdbc.sql("SELECT path FROM territory.org_unit WHERE id = :id").param("id", grid)
			.query(String.class).single();
		UUID subject = UUID.randomUUID();
		Fact fact = new Fact(SubjectKind.GRID, subject, gridName + "（大屏测试）", path, grid, null,
				rule.threshold() + 1, EvidenceKind.INCIDENT, List.of(), null);
		assertThat(sentinel.raise(rule, List.of(fact), clock.instant())[1]).isOne();
		return jdbc.sql("SELECT id FROM command.alert WHERE subject_id = :s").param("s", subject).query(UUID.class)
			.single();
	}

	/** The card's steps are exactly the API's {@code allowedActions} among those the screen offers. */
	private static void assertOffersWhatThePolicyAllows(ApiClient api, String token, UUID alert, JsonNode card) {
		JsonNode detail = ok(api.get("/api/v1/command/alerts/" + alert, token));
		Set<String> allowed = new HashSet<>(names(detail.path("alert").path("allowedActions")));
		List<String> offered = ScreenAlerts.OFFERED.stream().map(Enum::name).filter(allowed::contains).toList();
		assertThat(names(card.path("actions"))).isEqualTo(offered);
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		array.forEach(a -> names.add(a.asString()));
		return names;
	}

	private static String csrf(WebSession session) {
		Matcher csrf = CSRF_META.matcher(session.get("/command/screen").body());
		assertThat(csrf.find()).as("the screen carries its CSRF token").isTrue();
		return csrf.group(1);
	}

	private static HttpResponse<String> post(WebSession session, String path, Map<String, String> form) {
		Map<String, String> withToken = new LinkedHashMap<>(form);
		withToken.put("_csrf", csrf(session));
		return session.postForm(path, withToken);
	}

	private static JsonNode json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	private static JsonNode ok(ApiClient.Response response) {
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		return response.json();
	}
}

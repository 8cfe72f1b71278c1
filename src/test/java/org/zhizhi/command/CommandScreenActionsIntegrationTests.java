package org.zhizhi.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.command.screen.ScreenActions;
import org.zhizhi.incident.IncidentAction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一键处置 is the incident module's own step: the screen offers exactly what {@code IncidentPolicy} allows (the API's
 * {@code allowedActions}) among the steps a command centre takes, a step taken there lands on the incident's timeline
 * as the desk's does, and a refusal is the one the API gives for the same step — the same code, the same fields, in
 * Chinese.
 */
@ZhizhiIntegrationTest
class CommandScreenActionsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Test
	void theScreenOffersWhatThePolicyAllowsAndEscalatesThroughTheIncidentsOwnStep() {
		ApiClient api = new ApiClient(port);
		String id = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "大屏处置：路灯不亮");
		WebSession banan = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);

		// a report just in: the screen offers what the policy allows — 受理 — and takes it through to 分流
		assertOffersWhatThePolicyAllows(api, banan, id, "ACCEPT");
		json(post(banan, "/command/screen/incidents/" + id + "/accept", Map.of("note", "")), 200);
		assertOffersWhatThePolicyAllows(api, banan, id, "TRIAGE");
		JsonNode triaged = json(post(banan, "/command/screen/incidents/" + id + "/triage",
				Map.of("triage", "PUBLIC", "note", "")), 200);
		assertThat(triaged.path("state").asString()).isEqualTo("TRIAGED");
		assertOffersWhatThePolicyAllows(api, banan, id, "ESCALATE");
		JsonNode detail = ok(api.get("/api/v1/incidents/" + id, api.tokenOf("banan")));

		// a note is required: the screen refuses as the API does, field and words
		HttpResponse<String> bare = post(banan, "/command/screen/incidents/" + id + "/escalate", Map.of("note", ""));
		JsonNode screenRefusal = json(bare, 400);
		ApiClient.Response apiRefusal = api.post("/api/v1/incidents/" + id + "/escalate", api.tokenOf("banan"),
				Map.of("note", ""));
		assertThat(screenRefusal.path("code").asString()).isEqualTo(apiRefusal.problemCode(400));
		assertThat(screenRefusal.path("errors").get(0).path("field").asString())
			.isEqualTo(apiRefusal.errorFields().get(0));
		assertThat(screenRefusal.path("errors").get(0).path("message").asString())
			.isEqualTo(apiRefusal.json().path("errors").get(0).path("message").asString())
			.matches(".*\\p{IsHan}.*");

		JsonNode escalated = json(post(banan, "/command/screen/incidents/" + id + "/escalate",
				Map.of("note", "大屏一键升级")), 200);
		JsonNode after = ok(api.get("/api/v1/incidents/" + id, api.tokenOf("banan")));
		assertThat(escalated.path("tier").asString()).isEqualTo(after.path("incident").path("tier").asString())
			.isNotEqualTo(detail.path("incident").path("tier").asString());
		JsonNode last = null;
		for (JsonNode entry : after.path("timeline")) {
			if (entry.path("action").asString().equals(IncidentAction.ESCALATE.name())) {
				last = entry;
			}
		}
		assertThat(last).as("the escalation is on the incident's timeline, as the desk's is").isNotNull();
		assertThat(last.toString()).contains("大屏一键升级");
	}

	@Test
	void aStepThePolicyRefusesIsRefusedOnTheScreenAsOnTheDesk() {
		ApiClient api = new ApiClient(port);
		String id = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "大屏处置：井盖缺失");
		// a grid worker reads the KPIs, but a yellow card is for the tiers above him
		WebSession gridWorker = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> onScreen = post(gridWorker, "/command/screen/incidents/" + id + "/urge",
				Map.of("card", "YELLOW", "note", "催一下"));
		ApiClient.Response desk = api.post("/api/v1/incidents/" + id + "/urge", api.tokenOf("dongcheng-g01"),
				Map.of("card", "YELLOW", "note", "催一下"));
		assertThat(desk.status()).isIn(403, 409);
		JsonNode screen = json(onScreen, desk.status());
		assertThat(screen.path("code").asString()).isEqualTo(desk.json().path("code").asString());
		assertThat(screen.path("detail").asString()).isEqualTo(desk.json().path("detail").asString())
			.matches(".*\\p{IsHan}.*");

		// outside the viewer's scope the incident does not exist, on the screen as anywhere
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		assertThat(json(mudong.get("/command/screen/incidents/" + id), 404).path("code").asString())
			.isEqualTo("NOT_FOUND");
		assertThat(json(post(mudong, "/command/screen/incidents/" + id + "/escalate", Map.of("note", "越权")), 404)
			.path("code")
			.asString()).isEqualTo("NOT_FOUND");
		// a bad choice is a field problem, not a server error
		WebSession banan = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		JsonNode badCard = json(post(banan, "/command/screen/incidents/" + id + "/urge", Map.of("card", "GREEN")), 400);
		assertThat(badCard.path("errors").get(0).path("field").asString()).isEqualTo("card");
		assertThat(EnumSet.allOf(IncidentAction.class)).containsAll(ScreenActions.OFFERED);
	}

	/** The card's one-click steps are exactly the API's {@code allowedActions} among the steps the screen offers. */
	private static void assertOffersWhatThePolicyAllows(ApiClient api, WebSession session, String id, String expected) {
		JsonNode card = json(session.get("/command/screen/incidents/" + id), 200);
		JsonNode detail = ok(api.get("/api/v1/incidents/" + id, api.tokenOf("banan")));
		Set<String> allowed = new java.util.HashSet<>();
		detail.path("allowedActions").forEach(a -> allowed.add(a.asString()));
		List<String> offered = ScreenActions.OFFERED.stream().map(Enum::name).filter(allowed::contains).toList();
		List<String> shown = new java.util.ArrayList<>();
		card.path("actions").forEach(a -> shown.add(a.asString()));
		assertThat(shown).isEqualTo(offered).contains(expected);
	}

	private static HttpResponse<String> post(WebSession session, String path, Map<String, String> form) {
		Matcher csrf = CSRF_META.matcher(session.get("/command/screen").body());
		assertThat(csrf.find()).as("the screen carries its CSRF token").isTrue();
		Map<String, String> withToken = new LinkedHashMap<>(form);
		withToken.put("_csrf", csrf.group(1));
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

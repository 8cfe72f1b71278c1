package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * 我的任务 as each role that works on it opens it: a member sees the open calls first, then his orders in hand, and
 * his closed orders only behind the history tab, a page at a time; a grid worker (who may not grab) his own orders
 * before the calls he watches; a liaison his unit's open orders, the closed ones behind the same tab.
 */
@ZhizhiIntegrationTest
class PhoneTasksIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aMembersOpenCallsComeFirstThenHisOrdersInHandAndHisClosedOrdersOnlyBehindThePagedHistoryTab() {
		UUID call = whistledByApi("待抢 " + UUID.randomUUID());
		UUID mine = whistledByApi("在办 " + UUID.randomUUID());
		api.post("/api/v1/incidents/" + mine + "/claim", api.tokenOf("dangyuan01"), Map.of());
		WebSession member = session("dangyuan01");

		String current = member.get("/m/tasks").body();
		int calls = current.indexOf("id=\"open-calls\"");
		int orders = current.indexOf("id=\"my-orders\"");
		assertThat(calls).isPositive().isLessThan(orders);
		assertThat(section(current, "open-calls")).contains("data-id=\"" + call + "\"", "/m/tasks/" + call + "/claim");
		assertThat(section(current, "my-orders")).contains("data-id=\"" + mine + "\"");
		assertThat(current).doesNotContain("id=\"history\"").contains("href=\"/m/tasks?tab=history\"");

		// the demo's member has a year of rated orders: twenty a page, the next page others, none of them above
		String first = member.get("/m/tasks?tab=history").body();
		List<String> firstIds = ids(section(first, "history"));
		assertThat(firstIds).hasSize(IncidentLists.PAGE_SIZE).doesNotContain(mine.toString(), call.toString());
		assertThat(first).contains("href=\"/m/tasks?tab=history&amp;page=1\"").doesNotContain("id=\"open-calls\"");
		assertThat(section(first, "history")).doesNotContain("抢单").contains("办结");
		List<String> secondIds = ids(section(member.get("/m/tasks?tab=history&page=1").body(), "history"));
		assertThat(secondIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
		assertThat(ids(section(current, "my-orders"))).doesNotContainAnyElementsOf(firstIds)
			.doesNotContainAnyElementsOf(secondIds);
	}

	@Test
	void aGridWorkerSeesHisOwnOrdersBeforeTheCallsHeCannotGrab() {
		UUID call = whistledByApi("网格员看 " + UUID.randomUUID());
		String current = session("dongcheng-g01").get("/m/tasks").body();
		assertThat(current.indexOf("id=\"my-orders\"")).isPositive().isLessThan(current.indexOf("id=\"open-calls\""));
		assertThat(section(current, "open-calls")).contains("data-id=\"" + call + "\"").doesNotContain("/claim");
	}

	@Test
	void aLiaisonSeesHisUnitsOpenOrdersAndTheClosedOnesBehindTheHistoryTab() {
		WebSession liaison = session("wuye-dongcheng");
		String current = liaison.get("/m/tasks").body();
		assertThat(current).contains("本单位工单", "id=\"my-orders\"").doesNotContain("待抢工单", "id=\"history\"");
		String history = liaison.get("/m/tasks?tab=history").body();
		assertThat(history).contains("本单位工单", "id=\"history\"").doesNotContain("id=\"my-orders\"");
		assertThat(ids(section(current, "my-orders"))).doesNotContainAnyElementsOf(ids(section(history, "history")));
	}

	// --- helpers ----------------------------------------------------------------------------------------------------

	/** The list with this id, up to its end. */
	private static String section(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("a list %s", id).isPositive();
		return html.substring(start, html.indexOf("</ul>", start));
	}

	private static List<String> ids(String section) {
		List<String> ids = new ArrayList<>();
		Matcher m = Pattern.compile("<li[^>]*data-id=\"([0-9a-f-]{36})\"").matcher(section);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	private WebSession session(String username) {
		return new WebSession(port).loggedInAs(username, ApiClient.DEMO_PASSWORD);
	}

	private UUID whistledByApi(String description) {
		UUID id = reportByApi(description);
		String leader = api.tokenOf("dongcheng-g01");
		api.post("/api/v1/incidents/" + id + "/accept", leader, Map.of());
		api.post("/api/v1/incidents/" + id + "/triage", leader, Map.of("triage", "COMMUNITY"));
		api.post("/api/v1/incidents/" + id + "/whistle", leader, Map.of("type", "QUICK"));
		return id;
	}

	private UUID reportByApi(String description) {
		double[] point = api.centroid("东城社区第1网格");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PATROL");
		body.put("categoryCode", "OTHER");
		body.put("description", description);
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		try {
			var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + api.tokenOf("dongcheng-g01"))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
				.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return UUID.fromString(new ApiClient.Response(response.statusCode(), response.headers(), response.body())
				.json()
				.path("incident")
				.path("id")
				.asString());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}

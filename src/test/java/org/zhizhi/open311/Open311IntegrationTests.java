package org.zhizhi.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.open311.Open311Http.eventually;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.open311.Open311Http.Answer;

import tools.jackson.databind.JsonNode;

/**
 * Open311 behaviour over real HTTP: the api_key, the errors of the specification, idempotent replays, the date and
 * status filters, the updates feed, and that nothing public names the reporter.
 */
@ZhizhiIntegrationTest
class Open311IntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	private Open311Http open311;

	private ApiClient api;

	@BeforeEach
	void client() {
		open311 = new Open311Http(port);
		api = open311.api();
	}

	@Test
	void aPostWithABadOrMissingKeyIsRefusedWith403AndReportsNothing() {
		Map<String, Object> form = form("OTHER", "东城社区第1网格", "钥匙错误 " + UUID.randomUUID());
		form.put("api_key", "not-a-key");
		assertThat(open311.post("requests.json", form).errors(403)).singleElement().asString().contains("api_key");
		form.remove("api_key");
		assertThat(open311.post("requests.json", form).errors(403)).hasSize(1);
		assertThat(count((String) form.get("description"))).isZero();
	}

	@Test
	void missingFieldsAreAListOf400Errors() {
		Answer answer = open311.post("requests.json", Map.of("api_key", Open311Http.DEMO_KEY));

		assertThat(answer.errors(400)).anySatisfy(d -> assertThat(d).startsWith("service_code:"))
			.anySatisfy(d -> assertThat(d).startsWith("lat:"))
			.anySatisfy(d -> assertThat(d).startsWith("long:"));
	}

	@Test
	void anAddressWithoutPositionIsRefusedSayingWhy() {
		Answer answer = open311.post("requests.json?lang=en", Map.of("api_key", Open311Http.DEMO_KEY, "service_code",
				"OTHER", "address_string", "界石镇东城公租房3栋"));

		assertThat(answer.errors(400)).contains("lat: lat/long are needed: an address text alone cannot be placed in a grid.");
	}

	@Test
	void aPositionOutsideEveryGridIs400WithAClearDescription() {
		Map<String, Object> form = form("OTHER", "东城社区第1网格", "网格外 " + UUID.randomUUID());
		form.put("lat", 10.0);
		form.put("long", 10.0);

		List<String> errors = open311.post("requests.json", form).errors(400);

		assertThat(errors).singleElement().asString().startsWith("lat:").contains("网格");
	}

	@Test
	void unknownServiceRequestTokenAndEndpointAre404() {
		assertThat(open311.get("services/NO_SUCH.json").errors(404)).singleElement().asString().contains("NO_SUCH");
		assertThat(open311.get("requests/" + UUID.randomUUID() + ".json").errors(404)).hasSize(1);
		assertThat(open311.get("requests/not-an-id.xml").status()).isEqualTo(404);
		assertThat(open311.get("tokens/" + UUID.randomUUID() + ".json").errors(404)).hasSize(1);
		assertThat(open311.get("nothing-here.json").errors(404)).hasSize(1);
		assertThat(open311.get("services.html").errors(404)).hasSize(1);
		Map<String, Object> form = form("NO_SUCH", "东城社区第1网格", "x");
		assertThat(open311.post("requests.json", form).errors(400)).singleElement()
			.asString()
			.startsWith("service_code:");
	}

	@Test
	void anExactReplayAnswersTheSameRequestAndTokenAndReportsOnce() {
		String description = "重放 " + UUID.randomUUID();
		Map<String, Object> form = form("ROAD_POTHOLE", "东城社区第1网格", description);

		JsonNode first = posted(open311.post("requests.json", form));
		JsonNode again = posted(open311.post("requests.json", form));

		assertThat(again.path("service_request_id")).isEqualTo(first.path("service_request_id"));
		assertThat(again.path("token")).isEqualTo(first.path("token"));
		assertThat(count(description)).isEqualTo(1);

		// the same form under a key of the client's own is another submission: the header decides, not the hash
		JsonNode keyed = posted(open311.post("requests.json", form, "client-key-" + UUID.randomUUID()));
		assertThat(keyed.path("service_request_id")).isNotEqualTo(first.path("service_request_id"));
		assertThat(count(description)).isEqualTo(2);
	}

	@Test
	void attributesAreCheckedAgainstTheDefinitionAndReachTheIncident() {
		Map<String, Object> form = form("MANHOLE_COVER", "东城社区第1网格", "井盖 " + UUID.randomUUID());
		assertThat(open311.post("requests.json", form).errors(400)).singleElement()
			.asString()
			.startsWith("attribute[COVER_KIND]:");
		form.put("attribute[COVER_KIND]", "GOLD");
		assertThat(open311.post("requests.json", form).errors(400)).singleElement()
			.asString()
			.contains("GOLD");
		form.put("attribute[COVER_KIND]", "RAIN");
		form.put("attribute[NO_SUCH]", "x");
		assertThat(open311.post("requests.json", form).errors(400)).singleElement()
			.asString()
			.startsWith("attribute[NO_SUCH]:");
		form.remove("attribute[NO_SUCH]");
		form.put("address_string", "东城公租房3栋旁");

		String id = posted(open311.post("requests.json", form)).path("service_request_id").asString();

		JsonNode incident = api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng")).json().path("incident");
		assertThat(incident.path("description").asString()).contains("井盖类型：雨水").contains("地址：东城公租房3栋旁");
		assertThat(incident.path("categoryCode").asString()).isEqualTo("MANHOLE_COVER");
		assertThat(incident.path("channel").asString()).isEqualTo("OPEN311");
	}

	@Test
	void theDateFilterSelectsByRequestedDateAndDefaultsToTheLast90Days() {
		String id = posted(open311.post("requests.json", form("OTHER", "东城社区第1网格", "日期 " + UUID.randomUUID())))
			.path("service_request_id")
			.asString();
		String today = clock.today().toString();
		String tomorrow = clock.today().plusDays(1).toString();
		String hourAgo = Open311Http.encode(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(8)).minusHours(1).toString());

		eventually(() -> assertThat(ids("requests.json")).contains(id));
		assertThat(ids("requests.json?start_date=" + today + "&end_date=" + today)).contains(id);
		assertThat(ids("requests.json?start_date=" + hourAgo)).contains(id);
		assertThat(ids("requests.json?start_date=" + tomorrow)).doesNotContain(id);
		assertThat(ids("requests.json?end_date=2020-01-01T00:00:00%2B08:00")).doesNotContain(id);
		assertThat(ids("requests.json?service_code=OTHER")).contains(id);
		assertThat(ids("requests.json?service_code=ROAD_POTHOLE")).doesNotContain(id);

		assertThat(open311.get("requests.json?start_date=" + tomorrow + "&end_date=" + today).errors(400))
			.singleElement()
			.asString()
			.startsWith("start_date:");
		assertThat(open311.get("requests.json?start_date=yesterday").errors(400)).singleElement()
			.asString()
			.startsWith("start_date:");
	}

	@Test
	void theStatusFilterAndTheUpdatesFollowTheIncidentsSteps() {
		// the updates feed from a moment before this test's own requests: oldest first and a page at most, the feed's
	// default window (90 days) holds more updates than a page once other tests have reported enough
		String since = Open311Http.encode(clock.instant().minusSeconds(60).toString());
		String open = posted(open311.post("requests.json", form("OTHER", "东城社区第1网格", "开 " + UUID.randomUUID())))
			.path("service_request_id")
			.asString();
		String rejected = posted(
				open311.post("requests.json", form("OTHER", "东城社区第1网格", "驳 " + UUID.randomUUID())))
			.path("service_request_id")
			.asString();
		var step = api.post("/api/v1/incidents/" + rejected + "/reject", api.tokenOf("dongcheng"),
				Map.of("reason", "DUPLICATE"));
		assertThat(step.status()).as(step.brief()).isEqualTo(200);

		eventually(() -> {
			assertThat(ids("requests.json?status=open")).contains(open).doesNotContain(rejected);
			assertThat(ids("requests.json?status=closed")).contains(rejected).doesNotContain(open);
			assertThat(ids("requests.json?status=open,closed")).contains(open, rejected);
		});
		assertThat(open311.get("requests.json?status=pending").errors(400)).singleElement()
			.asString()
			.startsWith("status:");
		JsonNode closed = open311.get("requests/" + rejected + ".json").json().get(0);
		assertThat(closed.path("status").asString()).isEqualTo("closed");
		assertThat(closed.path("status_notes").asString()).isEqualTo("不予受理：重复上报。");

		eventually(() -> {
			List<JsonNode> updates = open311.get("servicerequestupdates.json?start_date=" + since)
				.json()
				.valueStream()
				.filter(u -> u.path("service_request_id").asString().equals(rejected))
				.toList();
			assertThat(updates).extracting(u -> u.path("status").asString()).containsExactly("open", "closed");
			assertThat(updates).extracting(u -> u.path("description").asString()).containsExactly("上报", "不予受理");
		});
		String tomorrow = clock.today().plusDays(1).toString();
		assertThat(open311.get("servicerequestupdates.json?start_date=" + tomorrow + "&end_date=" + tomorrow)
			.json()
			.valueStream()
			.map(u -> u.path("service_request_id").asString())).doesNotContain(rejected);
	}

	@Test
	void pagingSaysWhenThereIsMore() {
		List<String> pageIds = new java.util.ArrayList<>();
		for (int i = 0; i < 2; i++) {
			pageIds.add(posted(open311.post("requests.json", form("OTHER", "东城社区第1网格", "页 " + UUID.randomUUID())))
				.path("service_request_id")
				.asString());
		}
		eventually(() -> assertThat(ids("requests.json")).containsAll(pageIds));
		Answer first = open311.get("requests.json?page_size=1");
		assertThat(first.json().size()).isEqualTo(1);
		Answer second = open311.get("requests.json?page_size=1&page=2");
		assertThat(second.json().size()).isEqualTo(1);
		assertThat(second.json().get(0)).isNotEqualTo(first.json().get(0));
		assertThat(open311.get("requests.json?page_size=1001").errors(400)).hasSize(1);
	}

	@Test
	void publicAnswersNeverNameTheReporter() {
		// a resident reports through the platform's own API: Open311 shows the incident, not him
		double[] point = open311.inside("东城社区第1网格");
		String description = "住户上报 " + UUID.randomUUID();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "RESIDENT_APP");
		body.put("categoryCode", "ILLEGAL_PARKING");
		body.put("description", description);
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		// the updates feed from a moment before this test's own requests: oldest first and a page at most, the feed's
	// default window (90 days) holds more updates than a page once other tests have reported enough
		String since = Open311Http.encode(clock.instant().minusSeconds(60).toString());
		String token = api.tokenOf("jumin01");
		String id;
		try {
			var response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/incidents"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.json(body)))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			id = new Answer(201, "", response.body()).json().path("incident").path("id").asString();
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
		String residentId = api.get("/api/v1/me", token).json().path("id").asString();
		String openId = posted(open311.post("requests.json", form("OTHER", "东城社区第1网格", "外部上报 " + UUID.randomUUID())))
			.path("service_request_id")
			.asString();

		// the public lists and the updates feed hold both requests before anything is said of what they do not show
		eventually(() -> {
			assertThat(ids("requests.json")).contains(id, openId);
			assertThat(open311.get("servicerequestupdates.json?start_date=" + since).json().valueStream()
				.map(u -> u.path("service_request_id").asString())).contains(id, openId);
		});
		for (String path : List.of("requests/" + id + ".json", "requests/" + id + ".xml",
				"requests.json?service_request_id=" + id + "," + openId,
				"requests.xml?service_request_id=" + id + "," + openId, "servicerequestupdates.json",
				"servicerequestupdates.xml")) {
			String answer = open311.get(path).body();
			assertThat(answer).as(path)
				.doesNotContain("张居民", "jumin01", residentId, "reporter", "演示客户端", "demo client", "Open311 ",
						"actor", "claimed", "someone@example.com");
		}
		JsonNode request = open311.get("requests/" + id + ".json").json().get(0);
		assertThat(request.path("description").asString()).isEqualTo(description);
		assertThat(request.propertyNames()).isSubsetOf("service_request_id", "status", "status_notes", "service_name",
				"service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
				"updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long",
				"media_url");
	}

	// --- helpers -------------------------------------------------------------------------------------------------

	private Map<String, Object> form(String serviceCode, String grid, String description) {
		double[] point = open311.inside(grid);
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("api_key", Open311Http.DEMO_KEY);
		form.put("service_code", serviceCode);
		form.put("lat", point[0]);
		form.put("long", point[1]);
		form.put("description", description);
		form.put("email", "someone@example.com");
		form.put("first_name", "赵");
		return form;
	}

	private static JsonNode posted(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json().get(0);
	}

	private List<String> ids(String path) {
		Answer answer = open311.get(path);
		assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
		return answer.json().valueStream().map(r -> r.path("service_request_id").asString()).toList();
	}

	private int count(String description) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement count = connection
					.prepareStatement("select count(*) from incident.incident where description = ?")) {
			count.setString(1, description);
			try (var rs = count.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}

package org.zhizhi.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.open311.Open311Http.eventually;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.open311.Open311Http.Answer;

import tools.jackson.databind.JsonNode;

/**
 * Open311 is read by anyone without a login: it serves only incidents of public categories not triaged as private
 * (私事), with the position rounded unless the category needs the spot, and an anonymous reporter's own words withheld.
 */
@ZhizhiIntegrationTest
class Open311PublicationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestClock clock;

	private Open311Http open311;

	private ApiClient api;

	@BeforeEach
	void client() {
		open311 = new Open311Http(port);
		api = open311.api();
	}

	record Stored(String id, String category, String triage, boolean anonymous, String description, double lat,
			double lng, boolean published, boolean exactPosition) {

		boolean hidden() {
			return !published || "PRIVATE".equals(triage);
		}
	}

	@Test
	void noDemoIncidentThatShouldBeHiddenIsServed() {
		List<Stored> all = JdbcClient.create(dataSource).sql("""
				select i.id, i.category_code, i.triage, i.anonymous, i.description, i.lat, i.lng, c.published,
				       c.exact_position
				  from incident.incident i join incident.category c on c.code = i.category_code""")
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getBoolean(8), rs.getBoolean(9)))
			.list();
		// the demo district has what must stay hidden: calls for help of lonely old people, and 私事
		assertThat(all).anySatisfy(s -> assertThat(s.category()).isEqualTo("ELDERLY_ALONE_HELP"))
			.anySatisfy(s -> assertThat(s.triage()).isEqualTo("PRIVATE"))
			.anySatisfy(s -> assertThat(s.hidden()).isFalse());

		List<String> hidden = new ArrayList<>();
		for (Stored incident : all) {
			Answer answer = open311.get("requests/" + incident.id() + ".json");
			if (incident.hidden()) {
				hidden.add(incident.id());
				assertThat(answer.status()).as("%s %s %s", incident.category(), incident.triage(), answer.body())
					.isEqualTo(404);
				continue;
			}
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			JsonNode request = answer.json().get(0);
			double lat = request.path("lat").asDouble();
			double lng = request.path("long").asDouble();
			if (incident.exactPosition()) {
				assertThat(lat).isEqualTo(incident.lat());
				assertThat(lng).isEqualTo(incident.lng());
			}
			else {
				assertThat(lat).as(incident.category()).isEqualTo(rounded(incident.lat()));
				assertThat(lng).as(incident.category()).isEqualTo(rounded(incident.lng()));
			}
			if (incident.anonymous()) {
				assertThat(request.path("description").asString()).isNotEqualTo(incident.description());
			}
		}
		// the same through the list of ids, the lists by date and the updates feed
		for (int from = 0; from < all.size(); from += 50) {
			String ids = String.join(",",
					all.subList(from, Math.min(all.size(), from + 50)).stream().map(Stored::id).toList());
			assertThat(ids("requests.json?service_request_id=" + ids)).doesNotContainAnyElementsOf(hidden);
		}
		assertThat(ids("requests.json?start_date=2000-01-01&end_date=2100-01-01")).doesNotContainAnyElementsOf(hidden);
		assertThat(open311.get("servicerequestupdates.json?start_date=2000-01-01&end_date=2100-01-01")
			.json()
			.valueStream()
			.map(u -> u.path("service_request_id").asString())
			.toList()).doesNotContainAnyElementsOf(hidden);
	}

	@Test
	void aLaterTriageToPrivateTakesTheRequestOffEveryPublicAnswer() {
		// the updates feed from a moment before the request: oldest first and a page at most, its default window
		// (90 days) holds more than a page once other tests have reported enough — and then "not in it" proves nothing
		String since = Open311Http.encode(clock.instant().minusSeconds(60).toString());
		String id = posted("OTHER", "私事 " + UUID.randomUUID());
		eventually(() -> assertThat(ids("requests.json")).contains(id));
		String leader = api.tokenOf("dongcheng");
		assertThat(api.post("/api/v1/incidents/" + id + "/accept", leader, Map.of()).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/incidents/" + id + "/triage", leader,
				Map.of("triage", "PRIVATE", "note", "已告知居民自行处理")).status()).isEqualTo(200);

		assertThat(open311.get("requests/" + id + ".json").errors(404)).hasSize(1);
		assertThat(ids("requests.json?service_request_id=" + id)).isEmpty();
		eventually(() -> {
			assertThat(ids("requests.json")).doesNotContain(id);
			assertThat(open311.get("servicerequestupdates.json?start_date=" + since)
				.json()
				.valueStream()
				.map(u -> u.path("service_request_id").asString())).doesNotContain(id);
		});
	}

	@Test
	void aRequestOfAPersonalCategoryIsTakenButNeverServed() {
		String id = posted("ELDERLY_ALONE_HELP", "独居老人 " + UUID.randomUUID());

		assertThat(open311.get("requests/" + id + ".json").errors(404)).hasSize(1);
		assertThat(open311.get("requests/" + id + ".xml").status()).isEqualTo(404);
		// a public one posted after it is in the list: the index has caught up, and left the personal one out
		String later = posted("OTHER", "之后 " + UUID.randomUUID());
		eventually(() -> assertThat(ids("requests.json")).contains(later).doesNotContain(id));
	}

	@Test
	void anAnonymousResidentsOwnWordsAndExactPositionStayPrivate() throws Exception {
		double[] point = open311.inside("东城社区第1网格");
		String description = "我家住3栋2单元501，匿名 " + UUID.randomUUID();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "RESIDENT_APP");
		body.put("categoryCode", "ILLEGAL_PARKING");
		body.put("description", description);
		body.put("lat", point[0] + 0.000123);
		body.put("lng", point[1] + 0.000456);
		body.put("anonymous", true);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
				.header("Authorization", "Bearer " + api.tokenOf("jumin01"))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		String id = new Answer(201, "", response.body()).json().path("incident").path("id").asString();

		JsonNode request = open311.get("requests/" + id + ".json").json().get(0);

		assertThat(request.path("description").asString()).doesNotContain("501").isEqualTo("车辆乱停（报告人要求不公开详情）");
		assertThat(request.path("lat").asDouble()).isEqualTo(rounded(point[0] + 0.000123));
		assertThat(request.path("long").asDouble()).isEqualTo(rounded(point[1] + 0.000456));
		assertThat(open311.get("requests/" + id + ".xml").body()).doesNotContain("501");
	}

	// --- helpers -------------------------------------------------------------------------------------------------

	private static double rounded(double value) {
		return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
	}

	private String posted(String serviceCode, String description) {
		double[] point = open311.inside("东城社区第1网格");
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("api_key", Open311Http.DEMO_KEY);
		form.put("service_code", serviceCode);
		form.put("lat", point[0]);
		form.put("long", point[1]);
		form.put("description", description);
		Answer answer = open311.post("requests.json", form);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json().get(0).path("service_request_id").asString();
	}

	private List<String> ids(String path) {
		Answer answer = open311.get(path);
		assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(200);
		return answer.json().valueStream().map(r -> r.path("service_request_id").asString()).toList();
	}
}

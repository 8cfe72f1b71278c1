package org.zhizhi.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.incident.IncidentSupervision;

/**
 * Issue 14 over HTTP: 环物小组's inspector inspects 华城国际, the finding becomes a rectification — an incident assigned
 * to the company's unit in the whistle loop — which the company's liaison answers and resolves there; the inspector's
 * check closes it; a late one is escalated by the loop's own sweep; the quarter's score moves; scopes; the demo.
 */
@ZhizhiIntegrationTest
class PropertyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	IncidentSupervision supervision;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	private JsonNode huacheng(String token) {
		return api.get("/api/v1/property/companies?name=金鹤", token).list().getFirst();
	}

	/** Starts, records a finding on {@code criterion} and submits an inspection of 华城国际: the rectification. */
	private JsonNode inspectAndRaise(String inspector, String criterion) {
		JsonNode company = huacheng(inspector);
		String estateId = company.path("estates").get(0).path("estateId").asString();
		double lat = company.path("estates").get(0).path("lat").asDouble();
		double lng = company.path("estates").get(0).path("lng").asDouble();
		ApiClient.Response started = api.post("/api/v1/property/inspections", inspector,
				Map.of("companyId", company.path("company").path("id").asString(), "estateId", estateId));
		assertThat(started.status()).as(started.brief()).isEqualTo(201);
		String id = started.json().path("id").asString();
		assertThat(api.post("/api/v1/property/inspections/" + id + "/findings", inspector,
				Map.of("criterionCode", criterion, "note", "x")).errorFields()).containsExactly("note", "lat", "lng");
		assertThat(api.post("/api/v1/property/inspections/" + id + "/findings", inspector,
				Map.of("criterionCode", "A01", "note", "台账缺失", "lat", lat, "lng", lng)).errorFields())
			.as("a criterion of the files is not on the checklist").containsExactly("criterionCode");
		ApiClient.Response found = api.post("/api/v1/property/inspections/" + id + "/findings", inspector,
				Map.of("criterionCode", criterion, "note", "楼道堆放杂物", "lat", lat, "lng", lng));
		assertThat(found.status()).as(found.brief()).isEqualTo(201);
		ApiClient.Response submitted = api.post("/api/v1/property/inspections/" + id + "/submit", inspector, Map.of());
		assertThat(submitted.status()).as(submitted.brief()).isEqualTo(200);
		assertThat(submitted.json().path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.json().path("possible").asInt()).isEqualTo(46);
		List<JsonNode> orders = api.get("/api/v1/property/rectifications?inspectionId=" + id, inspector).list();
		assertThat(orders).hasSize(1);
		return orders.getFirst();
	}

	@Test
	void aFindingIsRectifiedThroughTheWhistleLoopAndCheckedByTheInspector() {
		String inspector = api.tokenOf("wuye-jianguan");
		String liaison = api.tokenOf("wuye-huacheng");
		JsonNode order = inspectAndRaise(inspector, "B05");
		assertThat(order.path("state").asString()).isEqualTo("ISSUED");
		assertThat(order.path("loopState").asString()).isEqualTo("ASSIGNED");
		assertThat(order.path("dueAt").isNull()).isFalse();
		String incident = order.path("incidentId").asString();
		JsonNode seen = api.get("/api/v1/incidents/" + incident, liaison).json();
		assertThat(seen.path("incident").path("categoryCode").asString()).isEqualTo("PROPERTY_RECTIFICATION");
		assertThat(seen.path("incident").path("unitId").asString())
			.isEqualTo(huacheng(inspector).path("company").path("unitId").asString());

		ApiClient.Response answered = api.post("/api/v1/incidents/" + incident + "/answer", liaison, Map.of());
		assertThat(answered.status()).as(answered.brief()).isEqualTo(200);
		double lat = seen.path("incident").path("lat").asDouble();
		double lng = seen.path("incident").path("lng").asDouble();
		ApiClient.Response checkedIn = api.post("/api/v1/incidents/" + incident + "/check-in", liaison,
				Map.of("lat", lat, "lng", lng, "photoIds", List.of(api.uploadPhoto(liaison, incident))));
		assertThat(checkedIn.status()).as(checkedIn.brief()).isEqualTo(200);
		ApiClient.Response resolved = api.post("/api/v1/incidents/" + incident + "/resolve", liaison,
				Map.of("note", "杂物已清理", "photoIds", List.of(api.uploadPhoto(liaison, incident))));
		assertThat(resolved.status()).as(resolved.brief()).isEqualTo(200);

		String id = order.path("id").asString();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				api.get("/api/v1/property/rectifications/" + id, inspector).json().path("state").asString())
			.isEqualTo("ANSWERED"));
		JsonNode answeredOrder = api.get("/api/v1/property/rectifications/" + id, inspector).json();
		assertThat(answeredOrder.path("allowedActions").toString()).contains("PASS", "SEND_BACK");
		assertThat(api.post("/api/v1/property/rectifications/" + id + "/check", liaison, Map.of("passed", true))
			.status()).as("the company does not check its own work").isIn(403, 404);

		ApiClient.Response back = api.post("/api/v1/property/rectifications/" + id + "/check", inspector,
				Map.of("passed", false, "note", "仍有纸箱"));
		assertThat(back.status()).as(back.brief()).isEqualTo(200);
		assertThat(back.json().path("state").asString()).isEqualTo("ISSUED");
		assertThat(back.json().path("loopState").asString()).isEqualTo("REWORK");
		ApiClient.Response again = api.post("/api/v1/incidents/" + incident + "/resolve", liaison,
				Map.of("note", "已全部清理", "photoIds", List.of(api.uploadPhoto(liaison, incident))));
		assertThat(again.status()).as(again.brief()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				api.get("/api/v1/property/rectifications/" + id, inspector).json().path("state").asString())
			.isEqualTo("ANSWERED"));
		ApiClient.Response passed = api.post("/api/v1/property/rectifications/" + id + "/check", inspector,
				Map.of("passed", true));
		assertThat(passed.status()).as(passed.brief()).isEqualTo(200);
		assertThat(passed.json().path("state").asString()).isEqualTo("PASSED");
		assertThat(api.get("/api/v1/incidents/" + incident, liaison).json().path("incident").path("closedAt")
			.isNull()).isFalse();
	}

	@Test
	void aLateRectificationIsEscalatedByTheLoopAndCostsTheQuarterItsPoints() {
		String inspector = api.tokenOf("wuye-jianguan");
		String companyId = huacheng(inspector).path("company").path("id").asString();
		JsonNode before = currentQuarter(inspector, companyId);
		JsonNode order = inspectAndRaise(inspector, "B07");
		JsonNode after = currentQuarter(inspector, companyId);
		assertThat(after.path("inspections").asInt()).isEqualTo(before.path("inspections").asInt() + 1);

		// nobody answers: the loop's sweep raises the order one tier, as it does every late whistle
		String incident = order.path("incidentId").asString();
		String scope = api.get("/api/v1/incidents/" + incident, inspector).json().path("incident").path("scopePath")
			.asString();
		Instant respondDue = Instant.parse(api.get("/api/v1/incidents/" + incident, inspector).json().path("incident")
			.path("respondDueAt").asString());
		supervision.sweepOne(UUID.fromString(incident), scope, respondDue.plusSeconds(60));
		String id = order.path("id").asString();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				api.get("/api/v1/property/rectifications/" + id, inspector).json().path("escalations").asInt())
			.isEqualTo(1));
		JsonNode late = currentQuarter(inspector, companyId);
		assertThat(late.path("lateRectifications").asInt()).isGreaterThan(after.path("lateRectifications").asInt());
		assertThat(late.path("score").decimalValue()).isLessThan(after.path("score").decimalValue());
	}

	private JsonNode currentQuarter(String token, String companyId) {
		List<JsonNode> quarters = api.get("/api/v1/property/companies/" + companyId + "/quarters", token).list();
		return quarters.getLast();
	}

	@Test
	void eachDeskSeesItsScopeOnly() {
		String jinhe = huacheng(api.tokenOf("wuye-jianguan")).path("company").path("id").asString();
		assertThat(api.get("/api/v1/property/companies/" + jinhe, api.tokenOf("nanan")).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/property/companies/" + jinhe, api.tokenOf("banan")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/property/companies", api.tokenOf("banan")).list())
			.extracting(c -> c.path("company").path("name").asString())
			.doesNotContain("重庆金鹤物业服务有限公司")
			.contains("重庆渝巴物业服务有限公司");
		assertThat(api.get("/api/v1/property/companies", api.tokenOf("jumin01")).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/property/inspections", api.tokenOf("nanan"), Map.of("companyId", jinhe,
				"estateId", UUID.randomUUID().toString())).status()).as("the desk reads, inspectors inspect")
			.isEqualTo(403);
	}

	@Test
	void theDemoHoldsTheSeedsFigures() {
		String inspector = api.tokenOf("wuye-jianguan");
		int lastYear = Integer.parseInt(api.get("/api/v1/property/companies?name=金鹤", inspector).list().getFirst()
			.path("latestRating").path("year").asString());
		List<JsonNode> ratings = api.get("/api/v1/property/ratings?year=" + lastYear, inspector).list();
		assertThat(ratings.stream().filter(r -> r.path("titled").asBoolean())).hasSize(6);
		List<JsonNode> inspections = api.get("/api/v1/property/inspections?companyId="
				+ huacheng(inspector).path("company").path("id").asString(), inspector).list();
		assertThat(inspections.stream().filter(i -> i.path("inspectorName").asString().equals("环物小组监管员")))
			.hasSizeGreaterThanOrEqualTo(12);
		assertThat(api.get("/api/v1/property/templates/current", inspector).json().path("classes")
			.findValues("code").size()).isGreaterThanOrEqualTo(3);
		assertThat(api.get("/api/v1/property/templates/current", inspector).json().path("classes").size())
			.isEqualTo(3);
		int criteria = 0;
		for (JsonNode c : api.get("/api/v1/property/templates/current", inspector).json().path("classes")) {
			criteria += c.path("criteria").size();
		}
		assertThat(criteria).isEqualTo(52);
		ApiClient.Response workbook = api.get("/api/v1/property/ratings.xlsx?year=" + lastYear, inspector);
		assertThat(workbook.status()).isEqualTo(200);
		assertThat(workbook.contentType()).contains("spreadsheetml");
	}
}

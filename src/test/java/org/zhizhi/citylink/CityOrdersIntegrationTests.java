package org.zhizhi.citylink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbound adapter over real HTTP: a city platform's order with its key becomes one incident by the 12345
 * channel; the same order again — after the first, or several at the same moment — answers the same incident and
 * makes no second; bad input is a problem naming the fields and writes nothing; no key, a wrong or a revoked one is
 * 401; and the steps of the order's incident go back to the source's callback subscriber with the external id.
 */
@ZhizhiIntegrationTest
class CityOrdersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryWorker worker;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void anOrderDeliveredTwiceMakesOneIncident() {
		String key = key("HOTLINE_12345");
		Map<String, Object> order = order("HOTLINE_12345", "GD" + UUID.randomUUID().toString().substring(0, 12));

		Response first = api.post("/api/v1/citylink/orders", key, order);
		assertThat(first.status()).as(first.brief()).isEqualTo(201);
		String incident = first.json().path("incidentId").asString();
		assertThat(first.headers().firstValue("Location")).contains("/api/v1/incidents/" + incident);

		Response again = api.post("/api/v1/citylink/orders", key, order);
		assertThat(again.status()).as(again.brief()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first.json());

		assertThat(incidentsOf((String) order.get("externalId"))).isEqualTo(1);
		JsonNode made = api.get("/api/v1/incidents/" + incident, api.tokenOf("banan")).json().path("incident");
		assertThat(made.path("channel").asString()).isEqualTo("HOTLINE_12345");
		assertThat(made.path("description").asString()).contains((String) order.get("externalId"));
		assertThat(redeliveries((String) order.get("externalId"))).isEqualTo(1);
	}

	@Test
	void anOrderDeliveredSeveralTimesAtOnceMakesOneIncident() {
		String key = key("TASK_141");
		Map<String, Object> order = order("TASK_141", "141-" + UUID.randomUUID().toString().substring(0, 12));
		String body = ApiClient.json(order);

		List<Response> answers = IntStream.range(0, 6)
			.mapToObj(i -> api.sendAsync("POST", "/api/v1/citylink/orders", key, body))
			.toList()
			.stream()
			.map(CompletableFuture::join)
			.toList();

		assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.brief()).isIn(200, 201));
		assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
		assertThat(answers.stream().map(a -> a.json().path("incidentId").asString()).distinct()).hasSize(1);
		assertThat(incidentsOf((String) order.get("externalId"))).isEqualTo(1);
	}

	@Test
	void badInputIsAProblemNamingTheFieldsAndWritesNothing() {
		String key = key("HOTLINE_12345");
		Map<String, Object> order = new LinkedHashMap<>(order("HOTLINE_12345", "bad id with spaces"));
		order.put("lat", 95.0);
		order.put("contactPhone", "call me");
		order.remove("description");
		Response refused = api.post("/api/v1/citylink/orders", key, order);
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).contains("externalId", "description", "lat", "contactPhone");

		Map<String, Object> unknown = new LinkedHashMap<>(order("HOTLINE_12345", "GD-UNKNOWN-" + UUID.randomUUID()));
		unknown.put("categoryCode", "NO_SUCH_CATEGORY");
		Response unknownCategory = api.post("/api/v1/citylink/orders", key, unknown);
		assertThat(unknownCategory.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(unknownCategory.errorFields()).contains("categoryCode");
		assertThat(orders((String) unknown.get("externalId"))).as("nothing half-written").isZero();

		Map<String, Object> otherSource = order("TASK_141", "GD-SOURCE-" + UUID.randomUUID().toString().substring(0, 8));
		assertThat(api.post("/api/v1/citylink/orders", key, otherSource).errorFields()).containsExactly("source");
	}

	@Test
	void withoutAKeyOrWithAWrongOrRevokedOneAnOrderIs401() {
		Map<String, Object> order = order("HOTLINE_12345", "GD-AUTH-" + UUID.randomUUID().toString().substring(0, 8));
		assertThat(api.post("/api/v1/citylink/orders", null, order).problemCode(401)).isEqualTo("UNAUTHENTICATED");
		assertThat(api.post("/api/v1/citylink/orders", "zzcl_not-a-key", order).problemCode(401))
			.isEqualTo("INVALID_TOKEN");
		assertThat(api.post("/api/v1/citylink/orders", api.tokenOf("banan"), order).problemCode(401))
			.as("an account's token is not a platform's key").isEqualTo("INVALID_TOKEN");

		String banan = api.tokenOf("banan");
		Response made = api.post("/api/v1/citylink/links", banan, Map.of("name", "将作废 " + UUID.randomUUID(),
				"source", "HOTLINE_12345"));
		String key = made.json().path("key").asString();
		assertThat(api.post("/api/v1/citylink/links/" + made.json().path("link").path("id").asString() + "/revoke",
				banan, Map.of()).status()).isEqualTo(204);
		assertThat(api.post("/api/v1/citylink/orders", key, order).problemCode(401)).isEqualTo("INVALID_TOKEN");
		assertThat(orders((String) order.get("externalId"))).isZero();
	}

	@Test
	void theStepsOfAnOrdersIncidentGoBackToItsSourcesCallbackWithTheExternalId() throws Exception {
		try (Receiver callback = new Receiver()) {
			String banan = api.tokenOf("banan");
			Response subscribed = api.post("/api/v1/citylink/subscribers", banan, Map.of("name",
					"12345回传 " + UUID.randomUUID().toString().substring(0, 6), "url", callback.url(), "kinds",
					List.of("incident.*"), "source", "HOTLINE_12345"));
			assertThat(subscribed.status()).as(subscribed.brief()).isEqualTo(201);
			String subscriberId = subscribed.json().path("subscriber").path("id").asString();

			String externalId = "GD" + UUID.randomUUID().toString().substring(0, 12);
			String incident = api.post("/api/v1/citylink/orders", key("HOTLINE_12345"), order("HOTLINE_12345",
					externalId)).json().path("incidentId").asString();
			String other = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "不是工单 " + UUID.randomUUID());
			Response accepted = api.post("/api/v1/incidents/" + incident + "/accept", api.tokenOf("dongcheng-g01"),
					Map.of());
			assertThat(accepted.status()).as(accepted.brief()).isEqualTo(200);

			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
					api.get("/api/v1/citylink/deliveries?subscriberId=" + subscriberId, banan).list())
				.extracting(d -> d.path("kind").asString())
				.contains("incident.report", "incident.accept"));
			worker.run();

			List<JsonNode> bodies = callback.received()
				.stream()
				.map(r -> JsonMapper.builder().build().readTree(r.body()))
				.toList();
			assertThat(bodies).extracting(b -> b.path("kind").asString())
				.contains("incident.report", "incident.accept");
			assertThat(bodies).allSatisfy(b -> {
				assertThat(b.path("externalReference").path("externalId").asString()).isEqualTo(externalId);
				assertThat(b.path("externalReference").path("source").asString()).isEqualTo("HOTLINE_12345");
				assertThat(b.path("data").path("incidentId").asString()).isEqualTo(incident).isNotEqualTo(other);
			});
		}
	}

	private String key(String source) {
		Response made = api.post("/api/v1/citylink/links", api.tokenOf("banan"),
				Map.of("name", "测试平台 " + UUID.randomUUID().toString().substring(0, 6), "source", source));
		assertThat(made.status()).as(made.brief()).isEqualTo(201);
		String key = made.json().path("key").asString();
		assertThat(key).startsWith("zzcl_");
		return key;
	}

	private Map<String, Object> order(String source, String externalId) {
		double[] spot = api.centroid("东城社区第1网格");
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("source", source);
		order.put("externalId", externalId);
		order.put("categoryCode", "OTHER");
		order.put("description", "市民来电反映：小区门口井盖松动，存在安全隐患");
		order.put("address", "界石镇东城公租房3栋旁");
		order.put("lat", spot[0]);
		order.put("lng", spot[1]);
		order.put("contactName", "王先生");
		order.put("contactPhone", "13800138000");
		order.put("deadline", "2026-06-12T10:00:00Z");
		return order;
	}

	private long incidentsOf(String externalId) {
		return jdbc.sql("SELECT count(*) FROM incident.incident WHERE description LIKE :text")
			.param("text", "%" + externalId + "%")
			.query(Long.class)
			.single();
	}

	private long orders(String externalId) {
		return jdbc.sql("SELECT count(*) FROM citylink.city_order WHERE external_id = :id")
			.param("id", externalId)
			.query(Long.class)
			.single();
	}

	private int redeliveries(String externalId) {
		return jdbc.sql("SELECT redeliveries FROM citylink.city_order WHERE external_id = :id")
			.param("id", externalId)
			.query(Integer.class)
			.single();
	}
}

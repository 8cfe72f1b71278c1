package org.zhizhi.citylink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.incident.deadline.DeadlinePolicy;

import tools.jackson.databind.JsonNode;

/**
 * A city platform's order with a deadline, over real HTTP and the test clock: its incident is due to resolve by the
 * order's deadline from the report; the whistle, the claim and an escalation set no due date after it, although the
 * policy alone would have given more time; a close after it counts as late in the on-time KPI (按期结案率); a deadline
 * already passed or more than a year away is a 400 naming {@code deadline} and writes nothing; and a redelivery after
 * the deadline passed still answers its incident.
 */
@ZhizhiIntegrationTest
class CityOrderDeadlineIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	DeadlinePolicy policy;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theIncidentIsNeverDueAfterTheOrdersDeadlineAndACloseAfterItIsLate() {
		// Wednesday 10:00 in Chongqing; the order must be resolved by 12:00 the same day
		Instant deadline = clock.instant().plus(Duration.ofHours(2));
		String externalId = "GD" + UUID.randomUUID().toString().substring(0, 12);
		Response received = api.post("/api/v1/citylink/orders", key("HOTLINE_12345"),
				order("HOTLINE_12345", externalId, deadline));
		assertThat(received.status()).as(received.brief()).isEqualTo(201);
		String id = received.json().path("incidentId").asString();

		JsonNode reported = incident(id);
		assertThat(instant(reported, "resolveDueAt")).as("due by the deadline from the report").isEqualTo(deadline);
		assertThat(reported.path("binding").path("source").asString()).isEqualTo("HOTLINE_12345");
		assertThat(Instant.parse(reported.path("binding").path("dueAt").asString())).isEqualTo(deadline);

		String leader = api.tokenOf("dongcheng-g01");
		clock.advance(Duration.ofMinutes(5));
		step(id, "accept", leader, Map.of());
		step(id, "triage", leader, Map.of("triage", "COMMUNITY"));
		Instant whistledAt = clock.instant();
		JsonNode whistled = step(id, "whistle", leader, Map.of("type", "QUICK")).path("incident");
		DeadlinePolicy.DueDates own = policy.dueDates(WhistleType.QUICK, "OTHER", whistledAt);
		assertThat(own.resolveDue()).as("the policy alone would give until tomorrow").isAfter(deadline.plus(
				Duration.ofHours(12)));
		assertNoDueAfter(whistled, deadline);
		assertThat(instant(whistled, "resolveDueAt")).isEqualTo(deadline);

		clock.advance(Duration.ofMinutes(5));
		assertNoDueAfter(step(id, "claim", api.tokenOf("dangyuan01"), Map.of()).path("incident"), deadline);

		// an hour past the deadline the work is done and verified: closed, and late
		clock.advance(Duration.ofMinutes(170));
		String member = api.tokenOf("dangyuan01");
		double[] spot = api.centroid("东城社区第1网格");
		assertNoDueAfter(step(id, "check-in", member, withPhoto(id, member, Map.of("lat", spot[0], "lng", spot[1])))
			.path("incident"), deadline);
		assertNoDueAfter(step(id, "resolve", member, withPhoto(id, member, Map.of("note", "井盖已加固")))
			.path("incident"), deadline);
		JsonNode closed = step(id, "verify", leader, Map.of("note", "现场核查通过")).path("incident");
		assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
		Instant closedAt = instant(closed, "closedAt");
		assertThat(closedAt).isAfter(deadline).isBefore(own.resolveDue());

		// the KPI's own definition (incident.kpi_contributions) over this incident's fact, as the steps kept it: due
		// once, closed once, on time never — the policy's later due date would have counted it on time
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT f.resolve_due_at FROM incident.kpi_fact f WHERE f.incident_id = :id AND f.closed_at IS NOT NULL""")
			.param("id", UUID.fromString(id))
			.query(Instant.class)
			.optional()).contains(deadline));
		Map<String, Object> counted = jdbc.sql("""
				SELECT sum(c.due) AS due, sum(c.due_closed) AS due_closed, sum(c.closed_on_time) AS closed_on_time
				  FROM incident.kpi_fact f CROSS JOIN LATERAL incident.kpi_contributions(f) c
				 WHERE f.incident_id = :id""")
			.param("id", UUID.fromString(id))
			.query()
			.singleRow();
		assertThat(counted).containsEntry("due", 1L).containsEntry("due_closed", 1L).containsEntry("closed_on_time", 0L);
	}

	@Test
	void anEscalationGivesNoTimeToRespondBeyondTheDeadline() {
		Instant deadline = clock.instant().plus(Duration.ofMinutes(90));
		String id = api.post("/api/v1/citylink/orders", key("TASK_141"),
				order("TASK_141", "141-" + UUID.randomUUID().toString().substring(0, 12), deadline))
			.json()
			.path("incidentId")
			.asString();
		String leader = api.tokenOf("dongcheng-g01");
		step(id, "accept", leader, Map.of());
		step(id, "triage", leader, Map.of("triage", "COMMUNITY"));
		step(id, "whistle", leader, Map.of("type", "QUICK"));
		clock.advance(Duration.ofMinutes(30));

		JsonNode escalated = step(id, "escalate", leader, Map.of("note", "网格无法处置，请社区协调")).path("incident");

		assertThat(escalated.path("tier").asString()).isEqualTo("COMMUNITY");
		assertNoDueAfter(escalated, deadline);
		assertThat(instant(escalated, "respondDueAt")).as("the policy's fresh 2 working hours end later")
			.isEqualTo(deadline);
	}

	@Test
	void aDeadlinePassedOrAbsurdlyFarIsRefusedAndWritesNothing() {
		String key = key("HOTLINE_12345");
		String passed = "GD-PAST-" + UUID.randomUUID().toString().substring(0, 8);
		Response late = api.post("/api/v1/citylink/orders", key,
				order("HOTLINE_12345", passed, clock.instant().minus(Duration.ofMinutes(1))));
		assertThat(late.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(late.errorFields()).containsExactly("deadline");
		assertThat(late.json().path("errors").get(0).path("message").asString()).contains("时限已过");

		String far = "GD-FAR-" + UUID.randomUUID().toString().substring(0, 8);
		Response tooFar = api.post("/api/v1/citylink/orders", key,
				order("HOTLINE_12345", far, clock.instant().plus(Duration.ofDays(400))));
		assertThat(tooFar.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(tooFar.errorFields()).containsExactly("deadline");
		assertThat(tooFar.json().path("errors").get(0).path("message").asString()).contains("366");

		assertThat(jdbc.sql("SELECT count(*) FROM citylink.city_order WHERE external_id IN (:a, :b)")
			.param("a", passed)
			.param("b", far)
			.query(Long.class)
			.single()).as("nothing half-written").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM incident.incident WHERE description LIKE :a OR description LIKE :b")
			.param("a", "%" + passed + "%")
			.param("b", "%" + far + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aRedeliveryAfterTheDeadlinePassedStillAnswersItsIncident() {
		String key = key("HOTLINE_12345");
		Map<String, Object> order = order("HOTLINE_12345", "GD-AGAIN-" + UUID.randomUUID().toString().substring(0, 8),
				clock.instant().plus(Duration.ofHours(1)));
		Response first = api.post("/api/v1/citylink/orders", key, order);
		assertThat(first.status()).as(first.brief()).isEqualTo(201);

		clock.advance(Duration.ofHours(2));
		Response again = api.post("/api/v1/citylink/orders", key, order);

		assertThat(again.status()).as(again.brief()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first.json());
	}

	private static void assertNoDueAfter(JsonNode incident, Instant deadline) {
		for (String due : List.of("respondDueAt", "onSiteDueAt", "resolveDueAt")) {
			if (!incident.path(due).isNull() && !incident.path(due).isMissingNode()) {
				assertThat(instant(incident, due)).as(due).isBeforeOrEqualTo(deadline);
			}
		}
	}

	private JsonNode incident(String id) {
		Response read = api.get("/api/v1/incidents/" + id, api.tokenOf("banan"));
		assertThat(read.status()).as(read.brief()).isEqualTo(200);
		return read.json().path("incident");
	}

	private JsonNode step(String id, String step, String token, Map<String, Object> body) {
		Response response = api.post("/api/v1/incidents/" + id + "/" + step, token, body);
		assertThat(response.status()).as("%s: %s", step, response.brief()).isEqualTo(200);
		return response.json();
	}

	private Map<String, Object> withPhoto(String id, String token, Map<String, Object> body) {
		Map<String, Object> withPhoto = new LinkedHashMap<>(body);
		withPhoto.put("photoIds", List.of(api.uploadPhoto(token, id)));
		return withPhoto;
	}

	private static Instant instant(JsonNode incident, String field) {
		return Instant.parse(incident.path(field).asString());
	}

	private String key(String source) {
		Response made = api.post("/api/v1/citylink/links", api.tokenOf("banan"),
				Map.of("name", "时限测试 " + UUID.randomUUID().toString().substring(0, 6), "source", source));
		assertThat(made.status()).as(made.brief()).isEqualTo(201);
		return made.json().path("key").asString();
	}

	private Map<String, Object> order(String source, String externalId, Instant deadline) {
		double[] spot = api.centroid("东城社区第1网格");
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("source", source);
		order.put("externalId", externalId);
		order.put("categoryCode", "OTHER");
		order.put("description", "市民来电反映：小区门口井盖松动，限时处置");
		order.put("lat", spot[0]);
		order.put("lng", spot[1]);
		order.put("deadline", deadline.toString());
		return order;
	}
}

package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * Fresh incidents of the demo district brought to the step a test starts from, over the HTTP API as the demo accounts
 * would take them. Every incident is new, so tests share the demo accounts and units but never an incident.
 */
final class IncidentFixture {

	static final String GRID_1 = "东城社区第1网格";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ApiClient api;

	private final String base;

	private final DataSource dataSource;

	IncidentFixture(int port, DataSource dataSource) {
		this.api = new ApiClient(port);
		this.base = "http://localhost:" + port;
		this.dataSource = dataSource;
	}

	ApiClient api() {
		return api;
	}

	String token(String username) {
		return api.tokenOf(username);
	}

	/** A step body from key-value pairs; null values are left out. */
	static Map<String, Object> body(Object... keyValues) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			if (keyValues[i + 1] != null) {
				body.put((String) keyValues[i], keyValues[i + 1]);
			}
		}
		return body;
	}

	// --- making incidents ---------------------------------------------------------------------------------------

	/** A new report by the user at the centre of the grid; answers the whole 201 body. */
	JsonNode report(String username, String gridName, Map<String, Object> extra) {
		double[] point = centroid(api.orgUnitId(gridName));
		Map<String, Object> body = body("channel", "PATROL", "categoryCode", "PUBLIC_SPACE_CLUTTER", "description",
				"楼道乱堆杂物 " + UUID.randomUUID(), "lat", point[0], "lng", point[1]);
		body.putAll(extra);
		Response response = reportWithKey(username, body);
		assertThat(response.status()).as("report: %s", response.brief()).isEqualTo(201);
		return response.json();
	}

	/** The report endpoint needs an Idempotency-Key header, which the plain client does not send. */
	private Response reportWithKey(String username, Map<String, Object> body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token(username))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
			.build();
		return HTTP.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()))
			.join();
	}

	/** A new incident of the grid, reported by the user, accepted and triaged by the dispatcher: ready to whistle. */
	String triaged(String reporter, String dispatcher, String gridName) {
		String id = report(reporter, gridName, Map.of()).path("incident").path("id").asString();
		step(id, "accept", token(dispatcher), Map.of());
		step(id, "triage", token(dispatcher), Map.of("triage", "COMMUNITY"));
		return id;
	}

	/** A triaged incident of the first grid, reported and triaged by its grid leader. */
	String triaged() {
		return triaged("dongcheng-g01", "dongcheng-g01", GRID_1);
	}

	/** An open call of the first grid: whistled QUICK by its grid leader, waiting for a party member to claim it. */
	String whistled() {
		String id = triaged();
		step(id, "whistle", token("dongcheng-g01"), Map.of("type", "QUICK"));
		return id;
	}

	/** An open call of the first grid claimed by dangyuan01. */
	String claimed() {
		String id = whistled();
		step(id, "claim", token("dangyuan01"), Map.of());
		return id;
	}

	/** An incident claimed by dangyuan01, checked in, resolved and verified by the grid leader: CLOSED. */
	String closed() {
		String id = claimed();
		String member = token("dangyuan01");
		double[] point = centroid(api.orgUnitId(GRID_1));
		step(id, "check-in", member, withPhoto(id, member, Map.of("lat", point[0], "lng", point[1])));
		step(id, "resolve", member, withPhoto(id, member, Map.of("note", "杂物已清运")));
		JsonNode closed = step(id, "verify", token("dongcheng-g01"), Map.of("note", "现场核查通过"));
		assertThat(closed.path("incident").path("state").asString()).isEqualTo("CLOSED");
		return id;
	}

	// --- steps and reads --------------------------------------------------------------------------------------------

	Response post(String id, String step, String token, Object body) {
		return api.post("/api/v1/incidents/" + id + "/" + step, token, body);
	}

	/** Takes a step that must succeed and answers the incident with its timeline. */
	JsonNode step(String id, String step, String token, Object body) {
		Response response = post(id, step, token, body);
		assertThat(response.status()).as("%s: %s", step, response.brief()).isEqualTo(200);
		return response.json();
	}

	JsonNode detail(String id, String token) {
		Response response = api.get("/api/v1/incidents/" + id, token);
		assertThat(response.status()).as("detail: %s", response.brief()).isEqualTo(200);
		return response.json();
	}

	/** The incidents the user's list shows (first page). */
	List<JsonNode> list(String token) {
		return api.get("/api/v1/incidents", token).list();
	}

	static List<String> ids(List<JsonNode> incidents) {
		return incidents.stream().map(i -> i.path("id").asString()).toList();
	}

	/** The timeline entries of one action, oldest first. */
	static List<JsonNode> entries(JsonNode detail, String action) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode e : detail.path("timeline")) {
			if (e.path("action").asString().equals(action)) {
				found.add(e);
			}
		}
		return found;
	}

	/** The timeline's last entry. */
	static JsonNode last(JsonNode detail) {
		JsonNode timeline = detail.path("timeline");
		return timeline.get(timeline.size() - 1);
	}

	static Instant instant(JsonNode node) {
		return Instant.parse(node.asString());
	}

	/** The body with a photo the user just uploaded to the incident. */
	Map<String, Object> withPhoto(String id, String token, Map<String, Object> body) {
		Map<String, Object> withPhoto = new LinkedHashMap<>(body);
		withPhoto.put("photoIds", List.of(api.uploadPhoto(token, id)));
		return withPhoto;
	}

	UUID userId(String username) {
		return userIdOf(token(username));
	}

	UUID userIdOf(String token) {
		return UUID.fromString(api.get("/api/v1/me", token).json().path("id").asString());
	}

	/** The id of a unit as 东城社区's staff see the units serving it. */
	UUID unitId(String code) {
		return api.get("/api/v1/units", token("dongcheng"))
			.list()
			.stream()
			.filter(u -> u.path("code").asString().equals(code))
			.map(u -> UUID.fromString(u.path("id").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no unit " + code));
	}

	UUID orgUnitId(String name) {
		return api.orgUnitId(name);
	}

	double[] centroid(UUID id) {
		return api.centroid(id);
	}

	// --- the database, where a test stands in for time passing --------------------------------------------------

	/** Sets a deadline column of the incident (respond_due_at, resolve_due_at) to the instant given. */
	void setDue(String id, String column, Instant at) {
		assertThat(column).isIn("respond_due_at", "on_site_due_at", "resolve_due_at");
		update("update incident.incident set " + column + " = ? where id = ?", java.sql.Timestamp.from(at),
				UUID.fromString(id));
	}

	/** The party members whose scope covers the grid: who takes part in its round-robin. */
	List<UUID> partyMembersCovering(String gridName) {
		UUID grid = api.orgUnitId(gridName);
		List<UUID> ids = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement("""
						select a.id from identity.account a, territory.org_unit g
						 where g.id = ? and a.enabled and g.path like a.scope_path || '%'
						   and 'PARTY_MEMBER' = any (a.roles)""")) {
			query.setObject(1, grid);
			try (var rs = query.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getObject(1, UUID.class));
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		assertThat(ids).as("party members covering %s", gridName).isNotEmpty();
		return ids;
	}

	private void update(String sql, Object... params) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement update = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				update.setObject(i + 1, params[i]);
			}
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}

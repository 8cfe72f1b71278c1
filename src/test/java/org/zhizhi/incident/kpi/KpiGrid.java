package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.shared.DomainException;
import org.zhizhi.territory.NewOrgUnit;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.TerritoryManagement;

import tools.jackson.databind.JsonNode;

/**
 * A community of its own under 界石镇 with one grid far from every other, and its own staff, grid worker and party
 * member: incidents reported there are the only ones its KPIs count, whatever other tests report elsewhere. Steps
 * go through the real HTTP API; only what the life cycle cannot do yet (deadlines, escalation) and the passing of
 * time (a report backdated) are written to the incident row directly.
 */
final class KpiGrid {

	final OrgUnit community;

	final OrgUnit grid;

	final double lat;

	final double lng;

	final String staff;

	final String worker;

	final String member;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final ApiClient api;

	private final int port;

	private final JdbcClient jdbc;

	private KpiGrid(int port, ApiClient api, JdbcClient jdbc, OrgUnit community, OrgUnit grid, double lat,
			double lng) {
		this.port = port;
		this.api = api;
		this.jdbc = jdbc;
		this.community = community;
		this.grid = grid;
		this.lat = lat;
		this.lng = lng;
		String district = api.tokenOf("banan");
		this.staff = account(district, "kpi-staff", "COMMUNITY_STAFF", community.id(), null);
		this.worker = account(district, "kpi-grid", "GRID_WORKER", grid.id(), "FULL_TIME");
		this.member = account(district, "kpi-member", "PARTY_MEMBER", community.id(), null);
	}

	static KpiGrid create(int port, JdbcClient jdbc, TerritoryManagement territory) {
		ApiClient api = new ApiClient(port);
		UUID street = api.orgUnitId("界石镇");
		String streetCode = api.get("/api/v1/org-units/" + street, api.tokenOf("admin")).json().path("code").asString();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		// far north-east of the demo district, so that the square overlaps no other grid
		double lat = 30.2 + random.nextInt(400) * 0.02;
		double lng = 107.2 + random.nextInt(400) * 0.02;
		for (int attempt = 0;; attempt++) {
			String code = streetCode.substring(0, 9) + (700 + random.nextInt(300));
			try {
				OrgUnit community = territory.add(new NewOrgUnit(street, OrgLevel.COMMUNITY, "考核测试社区" + code.substring(9),
						code, "URBAN", null));
				OrgUnit grid = territory.add(new NewOrgUnit(community.id(), OrgLevel.GRID,
						community.name() + "第1网格", code + "001", "RESIDENTIAL", square(lat, lng)));
				KpiGrid kpiGrid = new KpiGrid(port, api, jdbc, community, grid, lat, lng);
				kpiGrid.awaitLocatable();
				return kpiGrid;
			}
			catch (DomainException e) {
				if (!"CODE_TAKEN".equals(e.code()) || attempt > 20) {
					throw e;
				}
			}
		}
	}

	private static String square(double lat, double lng) {
		double d = 0.005;
		return """
				{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}""".formatted(lng - d, lat - d,
				lng + d, lat - d, lng + d, lat + d, lng - d, lat + d, lng - d, lat - d);
	}

	private String account(String granter, String prefix, String role, UUID orgUnit, String position) {
		String username = ApiClient.uniqueUsername(prefix);
		api.createAccount(granter, ApiClient.newAccount(username, role, orgUnit, position));
		return api.login(username, ApiClient.TEST_PASSWORD);
	}

	/** The grid index notices a new boundary within its check interval (2 s). */
	private void awaitLocatable() {
		await("the new grid is located").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
			Response located = api.get("/api/v1/grids/locate?lat=" + lat + "&lng=" + lng, staff);
			return located.status() == 200 && located.body().contains(grid.id().toString());
		});
	}

	// --- steps ----------------------------------------------------------------------------------------------------

	/** Reports an incident in the grid and backdates it, as if it had been reported that many minutes ago. */
	UUID report(int minutesAgo) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PATROL");
		body.put("categoryCode", "SANITATION_BLACKSPOT");
		body.put("description", "考核测试 " + UUID.randomUUID());
		body.put("lat", lat);
		body.put("lng", lng);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
			.header("Authorization", "Bearer " + worker)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
			.build();
		Response response;
		try {
			var answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			response = new Response(answer.statusCode(), answer.headers(), answer.body());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		UUID id = UUID.fromString(response.json().path("incident").path("id").asString());
		sql("update incident.incident set reported_at = reported_at - make_interval(mins => :m) where id = :id",
				Map.of("m", minutesAgo, "id", id));
		return id;
	}

	JsonNode step(UUID id, String step, String token, Map<String, Object> body) {
		Response response = api.post("/api/v1/incidents/" + id + "/" + step, token, body);
		assertThat(response.status()).as("%s: %s", step, response.brief()).isEqualTo(200);
		return response.json();
	}

	UUID whistled(int minutesAgo) {
		UUID id = report(minutesAgo);
		step(id, "accept", staff, Map.of());
		step(id, "triage", staff, Map.of("triage", "COMMUNITY"));
		step(id, "whistle", staff, Map.of("type", "QUICK"));
		return id;
	}

	void claim(UUID id) {
		step(id, "claim", member, Map.of());
	}

	void checkIn(UUID id) {
		step(id, "check-in", member,
				Map.of("lat", lat, "lng", lng, "photoIds", java.util.List.of(api.uploadPhoto(member, id))));
	}

	void resolve(UUID id) {
		step(id, "resolve", member,
				Map.of("note", "已处置", "photoIds", java.util.List.of(api.uploadPhoto(member, id))));
	}

	void verify(UUID id) {
		step(id, "verify", staff, Map.of());
	}

	void rework(UUID id) {
		step(id, "rework", staff, Map.of("note", "仍有垃圾"));
	}

	void rate(UUID id, String rating) {
		step(id, "rate", staff, Map.of("rating", rating, "comment", "回访"));
	}

	/** What the lead's deadline code will set at the whistle: the resolution deadline, minutes after the report. */
	void deadline(UUID id, int minutesAfterReport) {
		sql("update incident.incident set resolve_due_at = reported_at + make_interval(mins => :m) where id = :id",
				Map.of("m", minutesAfterReport, "id", id));
	}

	/** What escalation will do: the incident leaves the grid and community for the street. */
	void escalate(UUID id) {
		sql("update incident.incident set escalations = escalations + 1, tier = 'STREET' where id = :id",
				Map.of("id", id));
	}

	/**
	 * History written straight into the tables, as a bulk load would (count it with the rebuild): incidents reported
	 * at a moment and, if closed, closed an hour later without deadline.
	 */
	void history(String reportedAt, int count, boolean closed) {
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			jdbc.sql("""
					insert into incident.incident (id, channel, category_code, description, lat, lng, grid_id,
					       scope_path, district_id, state, reporter_id, reported_at, updated_at, owner_id, closed_at)
					values (:id, 'PATROL', 'OTHER', '历史', :lat, :lng, :grid, :path, :district, :state, :grid,
					        cast(:at as timestamptz), cast(:at as timestamptz), :grid,
					        case when :closed then cast(:at as timestamptz) + interval '1 hour' end)""")
				.param("id", id)
				.param("lat", lat)
				.param("lng", lng)
				.param("grid", grid.id())
				.param("path", grid.path())
				.param("district", grid.districtId())
				.param("state", closed ? "CLOSED" : "REPORTED")
				.param("at", reportedAt)
				.param("closed", closed)
				.update();
			if (closed) {
				jdbc.sql("""
						insert into incident.timeline_entry (id, incident_id, occurred_at, actor_id, actor_name,
						       actor_role, action, from_state, to_state, district_id)
						values (:entry, :id, cast(:at as timestamptz) + interval '1 hour', :id, '历史', 'GRID_WORKER',
						        'CLOSE', 'VERIFIED', 'CLOSED', :district)""")
					.param("entry", UUID.randomUUID())
					.param("district", grid.districtId())
					.param("id", id)
					.param("at", reportedAt)
					.update();
			}
		}
	}

	private void sql(String statement, Map<String, Object> params) {
		jdbc.sql(statement).params(params).update();
	}

}

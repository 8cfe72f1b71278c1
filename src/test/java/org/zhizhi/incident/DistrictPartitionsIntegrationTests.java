package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.DomainException;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.territory.NewOrgUnit;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.TerritoryManagement;

/**
 * The incident tables are partitioned by district (incident/V17, V18; docs/scaling.md): a district created in the tree
 * gets its partition of each of them at once, and what is reported there is stored in the district's own partitions.
 */
@ZhizhiIntegrationTest
class DistrictPartitionsIntegrationTests {

	private static final List<String> PARTITIONED = List.of("incident", "timeline_entry", "kpi_fact", "kpi_rollup",
			"kpi_rollup_month");

	@LocalServerPort
	int port;

	@Autowired
	TerritoryManagement territory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncidentKpis kpis;

	@Test
	void aNewDistrictGetsItsPartitionsAndItsReportsLandInThem() throws Exception {
		ApiClient api = new ApiClient(port);
		OrgUnit district = newDistrict(api.orgUnitId("重庆市"));
		String suffix = district.id().toString().replace("-", "");

		for (String table : PARTITIONED) {
			assertThat(partitionsHolding(table, district.id())).as(table).containsExactly(table + "_" + suffix);
		}
		// made once: the start-up check and a repeated event find them there
		assertThat(jdbc.sql("select incident.add_district_partitions(:d)").param("d", district.id())
			.query(Integer.class).single()).isZero();

		double lat = 36.0 + ThreadLocalRandom.current().nextInt(500) * 0.02;
		double lng = 112.0 + ThreadLocalRandom.current().nextInt(500) * 0.02;
		String code = district.code().substring(0, 6);
		OrgUnit street = territory.add(new NewOrgUnit(district.id(), OrgLevel.STREET, "分区测试街道", code + "001000",
				"SUBDISTRICT", null));
		OrgUnit community = territory.add(new NewOrgUnit(street.id(), OrgLevel.COMMUNITY, "分区测试社区",
				code + "001001", "URBAN", null));
		OrgUnit grid = territory.add(new NewOrgUnit(community.id(), OrgLevel.GRID, "分区测试社区第1网格",
				code + "001001001", "RESIDENTIAL", square(lat, lng)));

		String admin = ApiClient.uniqueUsername("part-admin");
		api.createAccount(api.tokenOf("admin"), ApiClient.newAccount(admin, "DISTRICT_ADMIN", district.id(), null));
		String worker = ApiClient.uniqueUsername("part-grid");
		api.createAccount(api.login(admin, ApiClient.TEST_PASSWORD),
				ApiClient.newAccount(worker, "GRID_WORKER", grid.id(), "FULL_TIME"));
		String token = api.login(worker, ApiClient.TEST_PASSWORD);
		await("the new grid is located").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/api/v1/grids/locate?lat=" + lat + "&lng=" + lng, token).body()
				.contains(grid.id().toString()));

		Map<String, Object> report = new LinkedHashMap<>();
		report.put("channel", "PATROL");
		report.put("categoryCode", "SANITATION_BLACKSPOT");
		report.put("description", "分区测试 " + UUID.randomUUID());
		report.put("lat", lat);
		report.put("lng", lng);
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(report), StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		UUID incident = UUID.fromString(new Response(created.statusCode(), created.headers(), created.body()).json()
			.path("incident").path("id").asString());

		assertThat(storedIn("incident", "id", incident)).containsExactly("incident_" + suffix);
		assertThat(storedIn("timeline_entry", "incident_id", incident)).containsExactly("timeline_entry_" + suffix);
		assertThat(storedIn("kpi_fact", "incident_id", incident)).containsExactly("kpi_fact_" + suffix);
		// the report's delta waits for the fold (which the tests run themselves)
		kpis.foldPending();
		assertThat(storedIn("kpi_rollup", "grid_id", grid.id())).containsExactly("kpi_rollup_" + suffix);
		assertThat(storedIn("kpi_rollup_month", "grid_id", grid.id()))
			.containsExactly("kpi_rollup_month_" + suffix);
		// the desk of the district reads it through the partitioned table, within the reader's scope
		assertThat(api.get("/api/v1/incidents/" + incident, token).status()).isEqualTo(200);
	}

	/** A district of its own under the city, with a code no other test took. */
	private OrgUnit newDistrict(UUID city) {
		for (int attempt = 0;; attempt++) {
			String code = "5009" + String.format("%02d", ThreadLocalRandom.current().nextInt(100)) + "000000";
			try {
				return territory.add(new NewOrgUnit(city, OrgLevel.DISTRICT, "分区测试区" + code.substring(4, 6), code,
						null, null));
			}
			catch (DomainException e) {
				if (!"CODE_TAKEN".equals(e.code()) || attempt > 20) {
					throw e;
				}
			}
		}
	}

	/** The partitions of a table whose bound names the district. */
	private List<String> partitionsHolding(String table, UUID district) {
		return jdbc.sql("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				 where i.inhparent = cast(:parent as regclass)
				   and pg_get_expr(c.relpartbound, c.oid) like '%' || :district || '%'""")
			.param("parent", "incident." + table)
			.param("district", district.toString())
			.query(String.class)
			.list();
	}

	/** Which partition holds the rows of the table with the given value. */
	private List<String> storedIn(String table, String column, UUID value) {
		return jdbc.sql("select distinct c.relname from incident." + table + " t join pg_class c on c.oid = t.tableoid"
				+ " where t." + column + " = :v")
			.param("v", value)
			.query(String.class)
			.list();
	}

	private static String square(double lat, double lng) {
		double d = 0.005;
		return """
				{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}""".formatted(lng - d, lat - d,
				lng + d, lat - d, lng + d, lat + d, lng - d, lat + d, lng - d, lat - d);
	}
}

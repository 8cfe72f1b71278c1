package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The seeds' estates, buildings, entrances and dwellings as the API reports them, scoped like everything else, and
 * the commands that register places. Writes go to 龙锦社区, whose places no other test counts.
 */
@ZhizhiIntegrationTest
class PlaceApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PlaceQueries places;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	JdbcClient jdbc;

	private ApiClient api;

	/**
	 * The estates, buildings and dwellings other tests made under a scope (people tests register their households in
	 * estates of their own, named test-estate-…, in 东城社区's grids): counted on top of the demo's figures, so that
	 * these tests hold in any order.
	 */
	private Map<String, Long> addedByTests(String orgUnitName) {
		String path = jdbc.sql("SELECT path FROM territory.org_unit WHERE name = :n").param("n", orgUnitName)
			.query(String.class).single();
		return jdbc.sql("""
				SELECT count(DISTINCT e.id) AS estates, count(DISTINCT b.id) AS buildings, count(DISTINCT d.id) AS dwellings
				  FROM territory.estate e
				  JOIN territory.building b ON b.estate_id = e.id AND b.scope_path LIKE :p
				  LEFT JOIN territory.dwelling d ON d.building_id = b.id
				 WHERE e.name LIKE 'test-estate-%'
				""").param("p", path + "%").query((rs, row) -> Map.of("estates", rs.getLong("estates"), "buildings",
						rs.getLong("buildings"), "dwellings", rs.getLong("dwellings"))).single();
	}

	/** The names of the estates a caller sees, without those other tests made for their own households. */
	private List<String> estateNames(String token) {
		return api.get("/api/v1/estates", token).list().stream().map(e -> e.path("name").asString())
			.filter(name -> !name.startsWith("test-estate-")).toList();
	}

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void eachSeedEstateHasTheSeedsBuildingsEntrancesAndDwellings() {
		String admin = api.tokenOf("admin");
		assertThat(api.estateSummary(admin, "东城公租房")).containsEntry("buildings", 15L)
			.containsEntry("dwellings", 4993L)
			.containsEntry("grids", 15L)
			.containsEntry("microGrids", 76L);
		assertThat(api.estateSummary(admin, "钱佳花园")).containsEntry("dwellings", 1159L);
		assertThat(api.estateSummary(admin, "新河街")).containsEntry("buildings", 12L)
			.containsEntry("dwellings", 380L)
			.containsEntry("grids", 1L);
		assertThat(api.estateSummary(admin, "走马二村")).containsEntry("buildings", 19L)
			.containsEntry("entrances", 43L)
			.containsEntry("dwellings", 842L);
		assertThat(api.estateSummary(admin, "华城国际")).containsEntry("buildings", 2L).containsEntry("dwellings", 641L);

		Map<String, JsonNode> kinds = new LinkedHashMap<>();
		api.get("/api/v1/estates", admin).list().forEach(e -> kinds.put(e.path("name").asString(), e));
		assertThat(kinds.get("东城公租房").path("kind").asString()).isEqualTo("PUBLIC_RENTAL");
		assertThat(kinds.get("钱佳花园").path("kind").asString()).isEqualTo("RESETTLEMENT");
		assertThat(kinds.get("新河街").path("kind").asString()).isEqualTo("OLD");
		assertThat(kinds.get("走马二村").path("kind").asString()).isEqualTo("STAFF_QUARTERS");
		assertThat(kinds.get("华城国际").path("kind").asString()).isEqualTo("COMMERCIAL");
		assertThat(kinds.get("钱佳花园").path("communityId").asString())
			.isEqualTo(api.orgUnitId("金银桥社区").toString());
		assertThat(kinds.get("钱佳花园").path("governanceMode").isString()).isTrue();
	}

	@Test
	void theNewRiverStreetEstateLiesInsideTheNewRiverStreetGrid() {
		String admin = api.tokenOf("admin");
		UUID estate = api.estateId(admin, "新河街");
		UUID grid = api.orgUnitId("新河街网格");
		List<JsonNode> buildings = api.get("/api/v1/estates/" + estate + "/buildings", admin).list();
		assertThat(buildings).hasSize(12).allMatch(b -> b.path("gridId").asString().equals(grid.toString()));
		assertThat(buildings.stream().mapToLong(b -> b.path("dwellings").asLong()).sum()).isEqualTo(380);
	}

	@Test
	void otherModulesFindEveryDwellingOfAnEstateInsideTheirScope() {
		OrgUnit jinhe = orgUnits.bindingOf(api.orgUnitId("金鹤社区")).orElseThrow();
		UUID estate = api.estateId(api.tokenOf("admin"), "华城国际");
		List<DwellingRef> dwellings = places.dwellingsOfEstate(jinhe.scope(), estate);
		assertThat(dwellings).hasSize(641).allMatch(d -> jinhe.scope().covers(d.scopePath()));
		assertThat(dwellings).extracting(DwellingRef::id).doesNotHaveDuplicates();
		assertThat(dwellings.get(0).label()).isEqualTo("华城国际 1栋 1单元 1-101");
		assertThat(places.dwelling(jinhe.scope(), dwellings.get(0).id())).contains(dwellings.get(0));

		OrgUnit dongcheng = orgUnits.bindingOf(api.orgUnitId("东城社区")).orElseThrow();
		assertThat(places.dwellingsOfEstate(dongcheng.scope(), estate)).isEmpty();
		assertThat(places.dwelling(dongcheng.scope(), dwellings.get(0).id())).isEmpty();
	}

	@Test
	void dongchengsSummaryCountsItsGridsMicroGridsAndPlaces() {
		Map<String, Long> added = addedByTests("东城社区");
		Map<String, Long> summary = ApiClient.counts(
				api.get("/api/v1/org-units/" + api.orgUnitId("东城社区") + "/summary", api.tokenOf("dongcheng")));
		assertThat(summary).containsEntry("grids", 15L)
			.containsEntry("microGrids", 76L)
			.containsEntry("estates", 1L + added.get("estates"))
			.containsEntry("buildings", 15L + added.get("buildings"))
			.containsEntry("dwellings", 4993L + added.get("dwellings"))
			.doesNotContainKeys("streets", "communities");
	}

	@Test
	void aGridWorkerSeesHisGridsShareOfTheEstateAndNothingOfJinyinqiao() {
		String g01 = api.tokenOf("dongcheng-g01");
		UUID qianjia = api.estateId(api.tokenOf("admin"), "钱佳花园");
		assertThat(api.get("/api/v1/estates/" + qianjia, g01).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/estates/" + qianjia + "/summary", g01).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/estates/" + qianjia + "/buildings", g01).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/estates?name=" + ApiClient.encode("钱佳"), g01).list()).isEmpty();

		assertThat(estateNames(g01)).containsExactly("东城公租房");
		UUID dongcheng = api.estateId(g01, "东城公租房");
		Map<String, Long> share = ApiClient.counts(api.get("/api/v1/estates/" + dongcheng + "/summary", g01));
		assertThat(share).containsEntry("grids", 1L).containsEntry("buildings", 1L);
		assertThat(share.get("dwellings")).isBetween(300L, 500L);
		List<JsonNode> buildings = api.get("/api/v1/estates/" + dongcheng + "/buildings", g01).list();
		assertThat(buildings).hasSize(1)
			.allMatch(b -> b.path("gridId").asString().equals(api.orgUnitId("东城社区第1网格").toString()));
		assertThat(api.get("/api/v1/org-units/" + api.orgUnitId("东城社区") + "/summary", g01).problemCode(404))
			.isEqualTo("NOT_FOUND");
		Map<String, Long> added = addedByTests("东城社区第1网格");
		Map<String, Long> ownGrid = ApiClient.counts(
				api.get("/api/v1/org-units/" + api.orgUnitId("东城社区第1网格") + "/summary", g01));
		assertThat(ownGrid).containsEntry("microGrids", 6L)
			.containsEntry("estates", 1L + added.get("estates"))
			.containsEntry("buildings", 1L + added.get("buildings"))
			.containsEntry("dwellings", share.get("dwellings") + added.get("dwellings"))
			.doesNotContainKeys("grids", "streets", "communities");
	}

	@Test
	void estateListsNeverHoldAnEstateOutsideTheCallersScope() {
		Map<String, List<String>> expected = Map.of("mudong", List.of("钱佳花园"), "dongcheng", List.of("东城公租房"),
				"jieshi", List.of("东城公租房"));
		for (var entry : expected.entrySet()) {
			assertThat(estateNames(api.tokenOf(entry.getKey()))).as(entry.getKey())
				.containsExactlyElementsOf(entry.getValue());
		}
		assertThat(api.get("/api/v1/estates", api.tokenOf("banan")).list()).extracting(e -> e.path("name").asString())
			.contains("东城公租房", "钱佳花园", "新河街", "走马二村")
			.doesNotContain("华城国际");
	}

	@Test
	void theSecurityAdminReadsTheTreeButNotItsFigures() {
		Response refused = api.get("/api/v1/org-units/" + api.orgUnitId("东城社区") + "/summary",
				api.tokenOf("security"));
		assertThat(refused.problemCode(403)).isEqualTo("FORBIDDEN");
	}

	@Test
	void registersAnEstateWhoseBuildingsTakeTheirGridFromTheirPosition() {
		String admin = api.tokenOf("admin");
		UUID community = api.orgUnitId("龙锦社区");
		UUID grid = api.orgUnitId("龙锦社区第2网格");
		JsonNode microGrid = api.get("/api/v1/org-units?parentId=" + grid + "&level=MICRO_GRID", admin).list().get(1);
		double[] inside = centre(api.get("/api/v1/org-units/" + microGrid.path("id").asString(), admin).json());

		String name = "测试小区" + UUID.randomUUID().toString().substring(0, 6);
		Response created = api.post("/api/v1/estates", admin, Map.of("communityId", community, "name", name, "kind",
				"SCATTERED", "governanceMode", "COMMUNITY_RUN", "address", "龙洲湾 1 号"));
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		String estate = created.json().path("id").asString();
		assertThat(created.headers().firstValue("Location")).contains("/api/v1/estates/" + estate);
		assertThat(api.post("/api/v1/estates", admin, Map.of("communityId", community, "name", name, "kind",
				"SCATTERED", "governanceMode", "COMMUNITY_RUN")).problemCode(409)).isEqualTo("ESTATE_NAME_TAKEN");

		Response building = api.post("/api/v1/estates/" + estate + "/buildings", admin,
				Map.of("name", "1栋", "floors", 6, "lat", inside[0], "lng", inside[1]));
		assertThat(building.status()).as(building.brief()).isEqualTo(201);
		assertThat(building.json().path("gridId").asString()).isEqualTo(grid.toString());
		assertThat(building.json().path("microGridId").asString()).isEqualTo(microGrid.path("id").asString());
		String buildingId = building.json().path("id").asString();

		Response outside = api.post("/api/v1/estates/" + estate + "/buildings", admin,
				Map.of("name", "2栋", "floors", 6, "lat", 29.0, "lng", 106.0));
		assertThat(outside.problemCode(400)).isEqualTo("BUILDING_OUTSIDE_MICRO_GRIDS");
		assertThat(outside.json().path("detail").asString()).contains("龙锦社区").contains("微网格");

		Response entrance = api.post("/api/v1/buildings/" + buildingId + "/entrances", admin, Map.of("name", "1单元"));
		assertThat(entrance.status()).as(entrance.brief()).isEqualTo(201);
		Response dwelling = api.post("/api/v1/buildings/" + buildingId + "/dwellings", admin,
				Map.of("label", "1-101", "entranceId", entrance.json().path("id").asString(), "floor", 1));
		assertThat(dwelling.status()).as(dwelling.brief()).isEqualTo(201);
		assertThat(dwelling.json().path("gridId").asString()).isEqualTo(grid.toString());
		assertThat(dwelling.json().path("microGridId").asString()).isEqualTo(microGrid.path("id").asString());
		assertThat(dwelling.json().path("label").asString()).isEqualTo(name + " 1栋 1单元 1-101");
		assertThat(api.post("/api/v1/buildings/" + buildingId + "/dwellings", admin, Map.of("label", "1-101"))
			.errorFields()).containsExactly("label");

		assertThat(ApiClient.counts(api.get("/api/v1/estates/" + estate + "/summary", admin))).containsEntry("buildings", 1L)
			.containsEntry("entrances", 1L)
			.containsEntry("dwellings", 1L)
			.containsEntry("grids", 1L);
	}

	@Test
	void refusesBadInputAsProblemsWithFieldErrors() {
		String admin = api.tokenOf("admin");
		UUID community = api.orgUnitId("龙锦社区");
		Response empty = api.post("/api/v1/estates", admin, Map.of("communityId", community, "name", " "));
		assertThat(empty.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(empty.errorFields()).containsExactly("name", "kind", "governanceMode");

		Response unknownKind = api.post("/api/v1/estates", admin,
				Map.of("communityId", community, "name", "x", "kind", "CASTLE", "governanceMode", "COMMUNITY_RUN"));
		assertThat(unknownKind.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(unknownKind.errorFields()).containsExactly("kind");

		Response notACommunity = api.post("/api/v1/estates", admin, Map.of("communityId",
				api.orgUnitId("龙锦社区第1网格"), "name", "x", "kind", "OLD", "governanceMode", "COMMUNITY_RUN"));
		assertThat(notACommunity.errorFields()).containsExactly("communityId");
	}

	@Test
	void onlyCommunityStaffAndAboveRegisterPlacesAndOnlyInsideTheirScope() {
		Map<String, Object> estate = Map.of("communityId", api.orgUnitId("金银桥社区"), "name", "不应存在", "kind", "OLD",
				"governanceMode", "COMMUNITY_RUN");
		assertThat(api.post("/api/v1/estates", api.tokenOf("dongcheng-g01"), estate).problemCode(403))
			.isEqualTo("PLACE_WRITE_FORBIDDEN");
		assertThat(api.post("/api/v1/estates", api.tokenOf("dongcheng"), estate).problemCode(404))
			.isEqualTo("NOT_FOUND");
		UUID qianjia = api.estateId(api.tokenOf("admin"), "钱佳花园");
		assertThat(api.post("/api/v1/estates/" + qianjia + "/buildings", api.tokenOf("dongcheng"),
				Map.of("name", "99栋", "lat", 29.57, "lng", 106.83)).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/estates?name=" + ApiClient.encode("不应存在"), api.tokenOf("admin")).list())
			.isEmpty();
	}

	@Test
	void thePagesListEstatesInsideTheScopeOnly() {
		WebSession browser = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> list = browser.get("/territory/estates");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("东城公租房").contains("公租房").doesNotContain("钱佳花园");
		assertThat(browser.get("/territory/estates?name=" + ApiClient.encode("钱佳")).body())
			.doesNotContain("钱佳花园");

		UUID dongcheng = api.estateId(api.tokenOf("admin"), "东城公租房");
		HttpResponse<String> estate = browser.get("/territory/estates/" + dongcheng);
		assertThat(estate.statusCode()).isEqualTo(200);
		assertThat(estate.body()).contains("东城社区第1网格").doesNotContain("东城社区第2网格");
		assertThat(browser.get("/territory/estates/" + api.estateId(api.tokenOf("admin"), "钱佳花园")).statusCode())
			.isEqualTo(404);

		String building = api.get("/api/v1/estates/" + dongcheng + "/buildings", api.tokenOf("dongcheng-g01"))
			.list()
			.get(0)
			.path("id")
			.asString();
		HttpResponse<String> page = browser.get("/territory/buildings/" + building);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("1单元").contains("1-101");
		String otherBuilding = api.get("/api/v1/estates/" + dongcheng + "/buildings", api.tokenOf("dongcheng"))
			.list()
			.get(1)
			.path("id")
			.asString();
		assertThat(browser.get("/territory/buildings/" + otherBuilding).statusCode()).isEqualTo(404);
	}




	/** {lat, lng} of the average of a quadrilateral boundary's corners: inside it, since it is convex. */
	private static double[] centre(JsonNode node) {
		JsonNode ring = node.path("boundary").path("coordinates").path(0);
		double lat = 0;
		double lng = 0;
		int corners = ring.size() - 1;
		for (int i = 0; i < corners; i++) {
			lng += ring.path(i).path(0).asDouble();
			lat += ring.path(i).path(1).asDouble();
		}
		return new double[] { lat / corners, lng / corners };
	}
}

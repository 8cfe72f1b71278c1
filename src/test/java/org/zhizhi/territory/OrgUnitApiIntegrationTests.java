package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The demo district as the API shows it (the grid and micro-grid counts of the seeds), the shape of its answers, and
 * request text that tries to break out of the name filter.
 */
@ZhizhiIntegrationTest
class OrgUnitApiIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theDemoCommunitiesHoldTheGridsAndMicroGridsOfTheSeeds() {
		Map<UUID, JsonNode> all = api.allOrgUnits();
		String admin = api.tokenOf("admin");

		record Expected(String community, int grids, int microGrids) {
		}
		for (Expected expected : List.of(new Expected("东城社区", 15, 76), new Expected("金银桥社区", 9, 63),
				new Expected("下新新社区", 7, -1), new Expected("走马梁社区", 2, -1))) {
			UUID community = api.orgUnitId(expected.community());
			List<JsonNode> grids = api.get("/api/v1/org-units?parentId=" + community + "&level=GRID", admin).list();
			assertThat(grids).as("grids of %s", expected.community()).hasSize(expected.grids());
			assertThat(grids).allMatch(grid -> grid.path("parentId").asString().equals(community.toString())
					&& grid.path("level").asString().equals("GRID"));
			assertThat(api.get("/api/v1/org-units?parentId=" + community, admin).list())
				.as("children of %s", expected.community())
				.hasSize(expected.grids());

			long microGrids = all.values()
				.stream()
				.filter(node -> node.path("level").asString().equals("MICRO_GRID"))
				.filter(node -> ApiClient.isWithin(all, UUID.fromString(node.path("id").asString()), community))
				.count();
			if (expected.microGrids() >= 0) {
				assertThat(microGrids).as("micro-grids of %s", expected.community()).isEqualTo(expected.microGrids());
			}
			else {
				assertThat(microGrids).as("micro-grids of %s", expected.community()).isGreaterThanOrEqualTo(expected.grids());
			}
		}
	}

	@Test
	void theTreeHasTheStreetsAndCommunitiesOfTheSeeds() {
		Map<UUID, JsonNode> all = api.allOrgUnits();
		Map<String, String> parentOf = all.values()
			.stream()
			.filter(node -> Set.of("DISTRICT", "STREET", "COMMUNITY").contains(node.path("level").asString()))
			.collect(Collectors.toMap(node -> node.path("name").asString(),
					node -> all.get(UUID.fromString(node.path("parentId").asString())).path("name").asString()));

		assertThat(parentOf).containsEntry("巴南区", "重庆市")
			.containsEntry("南岸区", "重庆市")
			.containsEntry("木洞镇", "巴南区")
			.containsEntry("金银桥社区", "木洞镇")
			.containsEntry("界石镇", "巴南区")
			.containsEntry("东城社区", "界石镇")
			.containsEntry("鱼洞街道", "巴南区")
			.containsEntry("下新新社区", "鱼洞街道")
			.containsEntry("花溪街道", "巴南区")
			.containsEntry("走马梁社区", "花溪街道")
			.containsEntry("龙洲湾街道", "巴南区")
			.containsEntry("龙锦社区", "龙洲湾街道")
			.containsEntry("花园路街道", "南岸区")
			.containsEntry("金鹤社区", "花园路街道");
		JsonNode banan = all.get(api.orgUnitId("巴南区"));
		assertThat(banan.path("code").asString()).isEqualTo("500113000000");
	}

	@Test
	void listRowsHaveTheSummaryShapeAndTheDetailHasTheBoundary() {
		String admin = api.tokenOf("admin");
		UUID dongcheng = api.orgUnitId("东城社区");
		JsonNode row = api.get("/api/v1/org-units?parentId=" + dongcheng + "&level=GRID", admin).list().get(0);

		assertThat(row.propertyNames()).containsExactlyInAnyOrder("id", "name", "code", "level", "parentId");
		assertThat(row.path("name").asString()).isEqualTo("东城社区第1网格");
		assertThat(row.path("code").asString()).isEqualTo("500113101001001");

		JsonNode microGrid = api.get("/api/v1/org-units?parentId=" + row.path("id").asString(), admin).list().get(0);
		assertThat(microGrid.path("level").asString()).isEqualTo("MICRO_GRID");
		JsonNode detail = api.get("/api/v1/org-units/" + microGrid.path("id").asString(), admin).json();
		assertThat(detail.path("boundary").path("type").asString()).isEqualTo("Polygon");

		JsonNode community = api.get("/api/v1/org-units/" + dongcheng, admin).json();
		assertThat(community.path("level").asString()).isEqualTo("COMMUNITY");
		assertThat(community.path("code").asString()).isEqualTo("500113101001");
		assertThat(community.path("parentId").asString()).isEqualTo(api.orgUnitId("界石镇").toString());
	}

	/** SQL and LIKE metacharacters in the name are plain text: they match no node, and never fail the query. */
	@ParameterizedTest
	@ValueSource(strings = { "' OR '1'='1", "%", "_", "%%", "\\", "\\%", "社区' OR path LIKE '%",
			"'; DROP TABLE territory.org_unit; --", "网格%' --", "1) OR (1=1" })
	void injectionAttemptsInTheNameMatchNothing(String name) {
		for (String username : List.of("admin", "dongcheng-g01", "mudong")) {
			Response response = api.get("/api/v1/org-units?name=" + ApiClient.encode(name), api.tokenOf(username));

			assertThat(response.status()).as("%s searching %s", username, name).isEqualTo(200);
			assertThat(response.list()).as("%s searching %s", username, name).isEmpty();
		}
		// and the tree is still there
		assertThat(api.get("/api/v1/org-units?parentId=" + api.orgUnitId("东城社区") + "&level=GRID",
				api.tokenOf("dongcheng")).list()).hasSize(15);
	}

	@Test
	void anInjectionAttemptReturnsNoOutOfScopeRows() {
		UUID ownGrid = api.orgUnitId("东城社区第1网格");
		for (String name : List.of("' OR '1'='1", "%", "%' OR '1'='1' --")) {
			List<JsonNode> rows = api
				.get("/api/v1/org-units?name=" + ApiClient.encode(name) + "&parentId=" + api.orgUnitId("东城社区"),
						api.tokenOf("dongcheng-g01"))
				.list();
			assertThat(rows).allMatch(node -> node.path("id").asString().equals(ownGrid.toString()));
		}
	}

	@Test
	void malformedParametersAreBadRequestsNotServerErrors() {
		String token = api.tokenOf("dongcheng");

		Response parent = api.get("/api/v1/org-units?parentId=" + ApiClient.encode("' OR 1=1 --"), token);
		assertThat(parent.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(parent.errorFields()).containsExactly("parentId");

		Response level = api.get("/api/v1/org-units?level=" + ApiClient.encode("GRID' OR '1'='1"), token);
		assertThat(level.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(level.errorFields()).containsExactly("level");

		Response id = api.get("/api/v1/org-units/" + ApiClient.encode("1 OR 1=1"), token);
		assertThat(id.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(id.errorFields()).containsExactly("id");

		assertThat(api.get("/api/v1/no-such-endpoint", token).problemCode(404)).isEqualTo("NOT_FOUND");
	}
}

package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/** Grid teams (1+3+N): the demo's teams, adding members, and who may do it where. */
@ZhizhiIntegrationTest
class GridTeamApiIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	private List<JsonNode> team(String grid, String username) {
		Response response = api.get("/api/v1/grids/" + api.orgUnitId(grid) + "/team", api.tokenOf(username));
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		return response.list();
	}

	@Test
	void everyGridOfDongchengHasAOnePlusThreePlusNTeam() {
		for (int grid = 1; grid <= 15; grid++) {
			List<String> positions = team("东城社区第" + grid + "网格", "dongcheng").stream()
				.map(m -> m.path("position").asString())
				.toList();
			assertThat(positions.subList(0, 4)).as("grid %d", grid)
				.containsExactly("GRID_LEADER", "FULL_TIME", "PART_TIME", "INSTRUCTOR");
			assertThat(positions.subList(4, positions.size())).as("support forces of grid %d", grid)
				.isNotEmpty()
				.doesNotContain("GRID_LEADER", "FULL_TIME", "PART_TIME", "INSTRUCTOR");
		}
	}

	@Test
	void theDemoGridWorkersAreInTheirGridsTeams() {
		JsonNode leader = team("东城社区第1网格", "dongcheng-g01").get(0);
		assertThat(leader.path("position").asString()).isEqualTo("GRID_LEADER");
		assertThat(leader.path("accountId").asString())
			.isEqualTo(api.get("/api/v1/me", api.tokenOf("dongcheng-g01")).json().path("id").asString());
		assertThat(leader.path("duties").toString()).contains("GRID_WORKER");

		JsonNode fullTime = team("东城社区第2网格", "dongcheng").get(1);
		assertThat(fullTime.path("position").asString()).isEqualTo("FULL_TIME");
		assertThat(fullTime.path("accountId").asString())
			.isEqualTo(api.get("/api/v1/me", api.tokenOf("dongcheng-g02")).json().path("id").asString());
		assertThat(fullTime.path("duties")).hasSize(5);
	}

	@Test
	void communityStaffAddSupportForcesButOnlyOneLeaderPerGrid() {
		UUID grid = api.orgUnitId("东城社区第6网格");
		Map<String, Object> volunteer = new LinkedHashMap<>();
		volunteer.put("position", "VOLUNTEER");
		volunteer.put("name", "测试志愿者");
		volunteer.put("workPhone", "13800001111");
		volunteer.put("duties", List.of("OPINION_COLLECTOR", "ENVIRONMENT_KEEPER"));

		Response added = api.post("/api/v1/grids/" + grid + "/team", api.tokenOf("dongcheng"), volunteer);

		assertThat(added.status()).as(added.brief()).isEqualTo(201);
		assertThat(added.json().path("duties").toString()).isEqualTo("[\"ENVIRONMENT_KEEPER\",\"OPINION_COLLECTOR\"]");
		assertThat(team("东城社区第6网格", "dongcheng")).anyMatch(m -> m.path("name").asString().equals("测试志愿者"));

		Map<String, Object> secondLeader = Map.of("position", "GRID_LEADER", "name", "第二位网格长");
		Response refused = api.post("/api/v1/grids/" + grid + "/team", api.tokenOf("dongcheng"), secondLeader);
		assertThat(refused.problemCode(409)).isEqualTo("GRID_LEADER_TAKEN");
		assertThat(refused.errorFields()).containsExactly("position");

		Response invalid = api.post("/api/v1/grids/" + grid + "/team", api.tokenOf("dongcheng"),
				Map.of("position", "POLICE", "name", " ", "workPhone", "call me"));
		assertThat(invalid.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(invalid.errorFields()).containsExactlyInAnyOrder("name", "workPhone");
	}

	@Test
	void gridWorkersReadTheirTeamButDoNotChangeItAndOtherCommunitiesSeeNothing() {
		UUID grid = api.orgUnitId("东城社区第1网格");
		Map<String, Object> member = Map.of("position", "VOLUNTEER", "name", "无权添加");

		assertThat(api.post("/api/v1/grids/" + grid + "/team", api.tokenOf("dongcheng-g01"), member).problemCode(403))
			.isEqualTo("FORBIDDEN");
		assertThat(api.get("/api/v1/grids/" + grid + "/team", api.tokenOf("mudong")).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/v1/grids/" + grid + "/team", api.tokenOf("mudong"), member).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/grids/" + grid + "/team", api.tokenOf("dongcheng-g02")).status()).isEqualTo(404);
		// a community is no grid
		assertThat(api.get("/api/v1/grids/" + api.orgUnitId("东城社区") + "/team", api.tokenOf("dongcheng"))
			.status()).isEqualTo(404);
	}
}

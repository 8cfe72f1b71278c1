package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiIntegrationTest;

/** Building heads (楼栋长): one at a time per building, history kept, scoped like the building. */
@ZhizhiIntegrationTest
class BuildingHeadIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyBuildingOfDongchengsEstateHasAHead() {
		ApiClient api = new ApiClient(port);
		String token = api.tokenOf("dongcheng");
		for (UUID building : buildingsOf("东城公租房")) {
			List<?> heads = api.get("/api/v1/buildings/" + building + "/heads", token).list();
			assertThat(heads).isNotEmpty();
		}
		assertThat(buildingsOf("走马二村")).hasSize(19).allSatisfy(building -> assertThat(currentHeads(building)).isOne());
	}

	@Test
	void appointingANewHeadEndsTheCurrentOneAndKeepsIt() {
		ApiClient api = new ApiClient(port);
		UUID building = buildingsOf("东城公租房").get(14);
		var answer = api.post("/api/v1/buildings/" + building + "/heads", api.tokenOf("dongcheng"),
				Map.of("name", "周新任", "red", true));
		assertThat(answer.status()).isEqualTo(201);
		var heads = api.get("/api/v1/buildings/" + building + "/heads", api.tokenOf("dongcheng")).list();
		assertThat(heads.get(0).path("name").asString()).isEqualTo("周新任");
		assertThat(heads.get(0).path("endedOn").isNull()).isTrue();
		assertThat(heads).hasSizeGreaterThanOrEqualTo(2);
		assertThat(heads.get(1).path("endedOn").isNull()).isFalse();
		assertThat(currentHeads(building)).isOne();
	}

	@Test
	void twoAppointmentsAtOnceLeaveOneCurrentHead() {
		ApiClient api = new ApiClient(port);
		UUID building = buildingsOf("东城公租房").get(13);
		String token = api.tokenOf("dongcheng");
		List<CompletableFuture<ApiClient.Response>> both = List.of(
				api.sendAsync("POST", "/api/v1/buildings/" + building + "/heads", token, "{\"name\":\"甲\"}"),
				api.sendAsync("POST", "/api/v1/buildings/" + building + "/heads", token, "{\"name\":\"乙\"}"));
		assertThat(both.stream().map(CompletableFuture::join).map(ApiClient.Response::status))
			.allMatch(status -> status == 201 || status == 409);
		assertThat(currentHeads(building)).isOne();
	}

	@Test
	void onlyWritersInScopeAppointAndBadNamesAreRefused() {
		ApiClient api = new ApiClient(port);
		UUID building = buildingsOf("东城公租房").get(0);
		assertThat(api.post("/api/v1/buildings/" + building + "/heads", api.tokenOf("dongcheng-g01"),
				Map.of("name", "越权")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/buildings/" + building + "/heads", api.tokenOf("mudong")).problemCode(404))
			.isEqualTo("NOT_FOUND");
		var blank = api.post("/api/v1/buildings/" + building + "/heads", api.tokenOf("dongcheng"), Map.of("name", " "));
		assertThat(blank.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(blank.errorFields()).containsExactly("name");
	}

	private List<UUID> buildingsOf(String estate) {
		return jdbc.sql("""
				SELECT b.id FROM territory.building b JOIN territory.estate e ON e.id = b.estate_id
				WHERE e.name = :estate ORDER BY b.name""")
			.param("estate", estate)
			.query(UUID.class)
			.list();
	}

	private long currentHeads(UUID building) {
		return jdbc.sql("SELECT count(*) FROM territory.building_head WHERE building_id = :b AND ended_on IS NULL")
			.param("b", building)
			.query(Long.class)
			.single();
	}
}

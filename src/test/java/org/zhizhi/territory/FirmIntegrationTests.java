package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/** 金银桥社区's park grids serve firms, not households. */
@ZhizhiIntegrationTest
class FirmIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theParkGridsHoldASampleOfTheParksFirms() {
		ApiClient api = new ApiClient(port);
		var firms = api.get("/api/v1/grids/" + nodeId("500113108003005") + "/firms", api.tokenOf("mudong")).list();
		assertThat(firms).extracting(f -> f.path("name").asString())
			.contains("国药控股重庆崇恩医药有限公司", "重庆新希望生物有限公司");
		long parkGridsWithFirms = jdbc.sql("SELECT count(DISTINCT grid_id) FROM territory.firm").query(Long.class)
			.single();
		assertThat(parkGridsWithFirms).isGreaterThanOrEqualTo(5);
		String page = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD)
			.get("/territory/" + nodeId("500113108003005"))
			.body();
		assertThat(page).contains("id=\"firms\"", "国药控股重庆崇恩医药有限公司", "生物医药");
	}

	@Test
	void firmsBelongToParkGridsInScope() {
		ApiClient api = new ApiClient(port);
		var residential = api.post("/api/v1/grids/" + nodeId("500113108003001") + "/firms", api.tokenOf("mudong"),
				Map.of("name", "测试企业", "industry", "OTHER"));
		assertThat(residential.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(residential.errorFields()).containsExactly("gridId");
		assertThat(api.get("/api/v1/grids/" + nodeId("500113108003005") + "/firms", api.tokenOf("dongcheng"))
			.problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/v1/grids/" + nodeId("500113108003005") + "/firms", api.tokenOf("dongcheng-g01"),
				Map.of("name", "越权企业", "industry", "OTHER")).status()).isIn(403, 404);
	}

	private UUID nodeId(String code) {
		return jdbc.sql("SELECT id FROM territory.org_unit WHERE code = :code").param("code", code).query(UUID.class)
			.single();
	}
}

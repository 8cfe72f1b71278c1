package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.WebSession;

/** The grid's page: its team, the form that adds to it, the boundary downloads; the grid map page. */
@ZhizhiIntegrationTest
class GridPageIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theCommunityWorkerAddsATeamMemberOnTheGridsPage() {
		String page = "/territory/" + api.orgUnitId("东城社区第7网格");
		WebSession session = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		String before = session.get(page).body();
		assertThat(before).contains("网格队伍（1+3+N）", "网格长", "社区民警", "id=\"team-add\"", "id=\"boundary-upload\"");

		HttpResponse<String> added = session.submit(page, page + "/team",
				Map.of("position", "GAS", "name", "燃气测试员", "workPhone", "023-66559999", "duties", "ENVIRONMENT_KEEPER"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(added)).isEqualTo(page);
		String after = session.get(page).body();
		assertThat(after).contains("燃气测试员", "燃气人员", "已添加队伍成员。");

		HttpResponse<String> refused = session.submit(page, page + "/team", Map.of("position", "GAS", "name", " "));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(session.get(page).body()).contains("姓名不能为空");
	}

	@Test
	void aGridWorkerSeesHisTeamButNoFormsAndDownloadsHisBoundary() {
		String grid = api.orgUnitId("东城社区第1网格").toString();
		WebSession session = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		String body = session.get("/territory/" + grid).body();
		assertThat(body).contains("李网格长", "download-own").doesNotContain("team-add", "boundary-upload");

		HttpResponse<String> own = session.get("/territory/" + grid + "/boundary.geojson");
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		assertThat(own.body()).contains("\"type\":\"Feature\"", "东城社区第1网格");

		HttpResponse<String> forbidden = session.submit("/territory/" + grid, "/territory/" + grid + "/team",
				Map.of("position", "VOLUNTEER", "name", "无权添加"));
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(session.get("/territory/" + api.orgUnitId("东城社区第2网格") + "/boundary.geojson").statusCode())
			.isEqualTo(404);
	}

	@Test
	void theGridMapShowsOnlyTheScopesGrids() {
		String body = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD).get("/territory/map").body();
		// the page carries the grids' data by code: 金银桥社区's, none of 东城社区's
		assertThat(body).contains("共 9 个网格：居民网格 4 个，园区专属网格 5 个。", "500113108003009")
			.doesNotContain("500113101001001");
	}
}

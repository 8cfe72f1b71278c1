package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Registering an estate and a building through the pages, as a district admin in 龙锦社区 (whose places no other test
 * counts): errors beside the fields, the grid taken from the position, and no forms for those who may not write.
 */
@ZhizhiIntegrationTest
class PlacePageIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aDistrictAdminRegistersAnEstateAndABuildingThroughThePages() {
		ApiClient api = new ApiClient(port);
		WebSession browser = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		UUID community = api.orgUnitId("龙锦社区");

		Map<String, String> form = new LinkedHashMap<>();
		form.put("communityId", community.toString());
		form.put("name", "");
		form.put("kind", "OLD");
		form.put("governanceMode", "SELF_GOVERNED");
		HttpResponse<String> refused = browser.submit("/territory/estates/new", "/territory/estates", form);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("field-error").contains("名称不能为空");

		String name = "页面小区" + UUID.randomUUID().toString().substring(0, 6);
		form.put("name", name);
		HttpResponse<String> created = browser.submit("/territory/estates/new", "/territory/estates", form);
		assertThat(created.statusCode()).isEqualTo(302);
		String estatePage = WebSession.location(created);
		assertThat(estatePage).startsWith("/territory/estates/");
		assertThat(browser.get(estatePage).body()).contains(name).contains("老旧小区").contains("党建+居民自管");

		UUID grid = api.orgUnitId("龙锦社区第3网格");
		JsonNode microGrid = api.get("/api/v1/org-units?parentId=" + grid + "&level=MICRO_GRID", api.tokenOf("admin"))
			.list()
			.get(0);
		JsonNode ring = api.get("/api/v1/org-units/" + microGrid.path("id").asString(), api.tokenOf("admin"))
			.json()
			.path("boundary")
			.path("coordinates")
			.path(0);
		double lat = (ring.path(0).path(1).asDouble() + ring.path(2).path(1).asDouble()) / 2;
		double lng = (ring.path(0).path(0).asDouble() + ring.path(2).path(0).asDouble()) / 2;

		HttpResponse<String> outside = browser.submit(estatePage, estatePage + "/buildings",
				Map.of("name", "1栋", "floors", "6", "lat", "29.0", "lng", "106.0"));
		assertThat(outside.statusCode()).isEqualTo(200);
		assertThat(outside.body()).contains("不在龙锦社区的任何微网格内");

		HttpResponse<String> building = browser.submit(estatePage, estatePage + "/buildings",
				Map.of("name", "1栋", "floors", "6", "lat", Double.toString(lat), "lng", Double.toString(lng)));
		assertThat(building.statusCode()).isEqualTo(302);
		HttpResponse<String> buildingPage = browser.get(WebSession.location(building));
		assertThat(buildingPage.statusCode()).isEqualTo(200);
		assertThat(buildingPage.body()).contains(name + " 1栋").contains("龙锦社区第3网格");
	}

	@Test
	void aGridWorkerSeesNoFormsAndCannotPostOne() {
		WebSession browser = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> list = browser.get("/territory/estates");
		assertThat(list.body()).doesNotContain("id=\"new-estate\"");
		assertThat(browser.get("/territory/estates/new").statusCode()).isEqualTo(403);
		String csrf = WebSession.csrfToken(list.body().contains("name=\"_csrf\"") ? list.body()
				: browser.get("/account/password").body());
		HttpResponse<String> post = browser.postForm("/territory/estates", Map.of("_csrf", csrf, "communityId",
				new ApiClient(port).orgUnitId("东城社区").toString(), "name", "网格员小区", "kind", "OLD",
				"governanceMode", "SELF_GOVERNED"));
		assertThat(post.statusCode()).isEqualTo(403);
		assertThat(new ApiClient(port).get("/api/v1/estates?name=" + ApiClient.encode("网格员小区"),
				new ApiClient(port).tokenOf("admin")).list()).isEqualTo(List.of());
	}
}

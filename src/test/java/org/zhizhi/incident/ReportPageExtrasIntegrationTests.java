package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * What the 随手拍 page offers beyond the report itself: possible duplicates nearby, following one instead of reporting
 * it again (and seeing it then), and the channels staff enter a caller's or a group's report through.
 */
@ZhizhiIntegrationTest
class ReportPageExtrasIntegrationTests {

	private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	javax.sql.DataSource dataSource;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void anOpenIncidentOfTheCategoryNearbyIsOfferedAndFollowingItShowsItToTheFollowerWithoutTheRating() {
		// about 150 m north of the grid's centre: away from the manhole covers other tests report at the centre
		double[] spot = api.centroid("东城社区第1网格");
		spot[0] += 0.00135;
		String description = "井盖缺失 " + UUID.randomUUID();
		String id = new IncidentFixture(port, dataSource)
			.report("dongcheng-g01", "东城社区第1网格",
					Map.of("categoryCode", "MANHOLE_COVER", "description", description, "lat", spot[0], "lng", spot[1]))
			.path("incident")
			.path("id")
			.asString();
		WebSession resident = session("jumin01");

		String offer = resident.get("/m/report/nearby?categoryCode=MANHOLE_COVER&lat=" + spot[0] + "&lng=" + spot[1])
			.body();
		assertThat(offer).contains("附近已有人报过类似问题", description, "/m/incidents/" + id + "/join", "约 0 米");
		assertThat(resident.get("/m/report/nearby?categoryCode=ROAD_POTHOLE&lat=" + spot[0] + "&lng=" + spot[1])
			.body()).doesNotContain(description);
		assertThat(resident.get("/m/report/nearby?categoryCode=MANHOLE_COVER&lat=abc&lng=").body())
			.doesNotContain("附近已有人报过类似问题");
		// before following, another's report does not exist for the resident
		assertThat(resident.get("/m/reports/" + id).statusCode()).isEqualTo(404);

		HttpResponse<String> joined = resident.submit("/m/report", "/m/incidents/" + id + "/join", Map.of());
		assertThat(WebSession.location(joined)).isEqualTo("/m/report");
		assertThat(resident.get("/m/report").body()).contains("已关注该事件，办结时会通知您");
		HttpResponse<String> followed = resident.get("/m/reports/" + id);
		assertThat(followed.statusCode()).isEqualTo(200);
		assertThat(followed.body()).contains(description).doesNotContain("id=\"rate-form\"");
		assertThat(api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng")).json().path("timeline").toString())
			.contains("\"action\":\"JOIN\"");
	}

	@Test
	void staffEnterACallersReportThroughItsChannelAndGoOnAtTheDeskWhileResidentsCannotChooseOne() {
		WebSession staff = session("dongcheng");
		String page = staff.get("/m/report").body();
		assertThat(page).contains("name=\"channel\"", "微孝热线", "12345 转办", "圈群上报", "会议收集");
		String description = "来电：楼道灯坏了 " + UUID.randomUUID();
		HttpResponse<String> sent = report(staff, page, api.centroid("东城社区第2网格"), "HOTLINE", description);
		String location = WebSession.location(sent);
		assertThat(location).startsWith("/incidents/");
		String id = location.substring("/incidents/".length());
		assertThat(api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng")).json().path("incident")
			.path("channel").asString()).isEqualTo("HOTLINE");

		WebSession resident = session("jumin01");
		String residentPage = resident.get("/m/report").body();
		assertThat(residentPage).doesNotContain("name=\"channel\"");
		HttpResponse<String> residentSent = report(resident, residentPage, api.centroid("东城社区第1网格"), "HOTLINE",
				"居民自己上报 " + UUID.randomUUID());
		String mine = WebSession.location(residentSent);
		assertThat(mine).startsWith("/m/reports/");
		assertThat(api.get("/api/v1/incidents/" + mine.substring("/m/reports/".length()), api.tokenOf("dongcheng"))
			.json()
			.path("incident")
			.path("channel")
			.asString()).isEqualTo("RESIDENT_APP");
	}

	private static HttpResponse<String> report(WebSession session, String page, double[] point, String channel,
			String description) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", WebSession.csrfToken(page));
		Matcher key = KEY.matcher(page);
		assertThat(key.find()).isTrue();
		form.put("key", key.group(1));
		form.put("channel", channel);
		form.put("categoryCode", "OTHER");
		form.put("description", description);
		form.put("lat", Double.toString(point[0]));
		form.put("lng", Double.toString(point[1]));
		return session.postForm("/m/report", form);
	}

	private WebSession session(String username) {
		return new WebSession(port).loggedInAs(username, ApiClient.DEMO_PASSWORD);
	}

}

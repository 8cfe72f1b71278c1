package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/** The desk pages of 1+4+X as community and street staff see them, with their scope and the refusals in Chinese. */
@ZhizhiIntegrationTest
class MeetingPagesIntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Test
	void communityStaffSeeTheirYearWithTheFourMeetingsAndScheduleOne() {
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> year = mudong.get("/partnership/meetings");
		assertThat(year.statusCode()).isEqualTo(200);
		assertThat(year.body()).contains("金银桥社区", "id=\"meeting-slots\"", "年初双向认领会", "半年工作推进会",
				"季度协商议事会", "年终总结表彰会", "已形成纪要", "已取消", "id=\"quota\"");

		String when = clock.localNow().plusDays(5).truncatedTo(ChronoUnit.MINUTES).toString();
		HttpResponse<String> scheduled = mudong.submit("/partnership/meetings", "/partnership/meetings",
				Map.of("kind", "QUARTERLY", "title", "页面安排的议事会", "scheduledAt", when, "place", "会议室"));
		assertThat(scheduled.statusCode()).isEqualTo(302);
		String page = WebSession.location(scheduled);
		assertThat(page).startsWith("/partnership/meetings/");
		HttpResponse<String> meeting = mudong.get(page);
		assertThat(meeting.body()).contains("页面安排的议事会", "data-state=\"PLANNED\"", "id=\"hold-form\"")
			.doesNotContain("id=\"minutes-form\"", "id=\"decision-form\"");

		// a step the state does not allow comes back with the state named in Chinese
		HttpResponse<String> refused = mudong.submit(page, page + "/minutes", Map.of("minutes", "纪要"));
		assertThat(WebSession.location(refused)).isEqualTo(page);
		assertThat(mudong.get(page).body()).contains("会议当前状态为“已安排”");

		// a missing field is named in Chinese
		HttpResponse<String> noTime = mudong.submit("/partnership/meetings", "/partnership/meetings",
				Map.of("kind", "QUARTERLY"));
		assertThat(noTime.statusCode()).isEqualTo(302);
		assertThat(mudong.get(WebSession.location(noTime)).body()).contains("时间：必填。");

		assertThat(mudong.submit(page, page + "/agenda", Map.of("kind", "TEXT", "title", "金喇叭宣讲安排"))
			.statusCode()).isEqualTo(302);
		assertThat(mudong.submit(page, page + "/hold", Map.of()).statusCode()).isEqualTo(302);
		assertThat(mudong.submit(page, page + "/decisions", Map.of("text", "木洞小学负责场地", "ownerKind", "UNIT",
				"ownerName", "木洞小学", "dueOn", clock.today().plusDays(20).toString())).statusCode()).isEqualTo(302);
		HttpResponse<String> held = mudong.get(page);
		assertThat(held.body()).contains("data-state=\"HELD\"", "金喇叭宣讲安排", "木洞小学负责场地", "id=\"minutes-form\"");

		// 东城社区's staff cannot open it
		WebSession dongcheng = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		assertThat(dongcheng.get(page).statusCode()).isEqualTo(404);
		assertThat(dongcheng.get("/partnership/meetings").body()).contains("东城社区").doesNotContain("金银桥社区");
	}

	@Test
	void streetStaffSeeTheirCommunitiesWithTheFlagAndResidentsAreRefused() {
		// 界石镇 holds one community: its street staff land on 东城社区's year, behind in a year long past
		WebSession jieshi = new WebSession(port).loggedInAs("jieshi", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> street = jieshi.get("/partnership/meetings?year=2019");
		assertThat(street.statusCode()).isEqualTo(200);
		assertThat(street.body()).contains("东城社区", "behind-flag").doesNotContain("金银桥社区");
		// the district sees all its communities, the ones behind flagged
		WebSession banan = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> overviews = banan.get("/partnership/meetings?year=2019");
		assertThat(overviews.body()).contains("id=\"meeting-overviews\"", "东城社区", "金银桥社区", "behind-flag")
			.doesNotContain("金鹤社区");
		WebSession resident = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);
		assertThat(resident.get("/partnership/meetings").statusCode()).isEqualTo(403);
	}

	@Test
	void theActivitiesLogShowsTheDemoAndTakesANewOne() {
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> log = mudong.get("/partnership/activities");
		assertThat(log.statusCode()).isEqualTo(200);
		assertThat(log.body()).contains("共过主题党日", "共上党课", "共同研学", "资源共享", "木洞小学");
		HttpResponse<String> saved = mudong.submit("/partnership/activities", "/partnership/activities",
				Map.of("kind", "JOINT_STUDY", "title", "页面登记的研学", "heldOn", clock.today().toString(), "units",
						"重庆新希望生物\n木洞小学"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(mudong.get("/partnership/activities").body()).contains("页面登记的研学", "重庆新希望生物");
	}
}

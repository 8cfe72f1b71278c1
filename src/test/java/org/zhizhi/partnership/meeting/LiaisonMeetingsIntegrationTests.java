package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 15, item 12: 木洞小学's liaison ({@code mudong-school}) sees the joint meetings his unit is invited to — their
 * agenda, minutes and his unit's decisions — and nothing of the meetings it is not invited to, nor the other units'
 * decisions, nor a way to change any of it.
 */
@ZhizhiIntegrationTest
class LiaisonMeetingsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Test
	void aLiaisonReadsTheMeetingsOfHisUnitAndOnlyHisUnitsDecisions() {
		ApiClient api = new ApiClient(port);
		String staff = api.tokenOf("mudong");
		String tag = Long.toString(System.nanoTime(), 36);
		Instant past = clock.instant().minus(Duration.ofDays(3));

		String invited = schedule(api, staff, "联席会议（受邀）" + tag, past);
		api.post("/api/v1/joint-meetings/" + invited + "/agenda", staff,
				Map.of("kind", "TEXT", "title", "暑期课堂场地安排" + tag));
		api.post("/api/v1/joint-meetings/" + invited + "/attendance", staff, Map.of("kind", "UNIT", "name", "木洞小学"));
		api.post("/api/v1/joint-meetings/" + invited + "/attendance", staff,
				Map.of("kind", "UNIT", "name", "国药控股重庆崇恩医药"));
		assertThat(api.post("/api/v1/joint-meetings/" + invited + "/hold", staff, Map.of()).status()).isLessThan(300);
		decide(api, staff, invited, "木洞小学开放教室" + tag, "木洞小学");
		decide(api, staff, invited, "国药义诊每季度一次" + tag, "国药控股重庆崇恩医药");
		api.post("/api/v1/joint-meetings/" + invited + "/minutes", staff, Map.of("minutes", "纪要：议定两项" + tag));

		String other = schedule(api, staff, "联席会议（未邀请）" + tag, past.plus(Duration.ofHours(2)));
		api.post("/api/v1/joint-meetings/" + other + "/attendance", staff,
				Map.of("kind", "UNIT", "name", "国药控股重庆崇恩医药"));

		WebSession liaison = new WebSession(port).loggedInAs("mudong-school", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> list = liaison.get("/partnership/meetings");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("本单位参加的联席会议", "联席会议（受邀）" + tag)
			.doesNotContain("联席会议（未邀请）" + tag);

		HttpResponse<String> page = liaison.get("/partnership/meetings/" + invited);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("暑期课堂场地安排" + tag, "纪要：议定两项" + tag, "木洞小学开放教室" + tag,
				"本单位承担的决定事项")
			.doesNotContain("国药义诊每季度一次" + tag)
			.doesNotContain("/decisions/")
			.doesNotContain("id=\"decision-form\"");

		assertThat(liaison.get("/partnership/meetings/" + other).statusCode()).isEqualTo(404);
		// he reads; he does not record
		HttpResponse<String> decide = liaison.submit("/partnership/meetings/" + invited,
				"/partnership/meetings/" + invited + "/decisions",
				Map.of("text", "越权", "ownerKind", "UNIT", "ownerName", "木洞小学", "dueOn", "2030-01-01"));
		assertThat(decide.statusCode()).isNotEqualTo(200);
		assertThat(api.get("/api/v1/joint-meetings/" + invited, staff).body()).doesNotContain("越权");

		// the staff still see every decision
		assertThat(api.get("/api/v1/joint-meetings/" + invited, staff).body()).contains("国药义诊每季度一次" + tag);
	}

	@Test
	void aLiaisonOfAnotherCommunitysUnitFindsNoneOfTheseMeetings() {
		ApiClient api = new ApiClient(port);
		String staff = api.tokenOf("mudong");
		String id = schedule(api, staff, "联席会议（他社区）" + System.nanoTime(), clock.instant().plus(Duration.ofDays(9)));
		api.post("/api/v1/joint-meetings/" + id + "/attendance", staff, Map.of("kind", "UNIT", "name", "木洞小学"));

		WebSession gongdian = new WebSession(port).loggedInAs("gongdian", ApiClient.DEMO_PASSWORD);
		assertThat(gongdian.get("/partnership/meetings").statusCode()).isEqualTo(200);
		assertThat(gongdian.get("/partnership/meetings/" + id).statusCode()).isEqualTo(404);
	}

	private static String schedule(ApiClient api, String token, String title, Instant at) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "QUARTERLY");
		body.put("title", title);
		body.put("scheduledAt", at.toString());
		body.put("place", "社区会议室");
		ApiClient.Response created = api.post("/api/v1/joint-meetings", token, body);
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		return created.json().path("meeting").path("id").asString();
	}

	private void decide(ApiClient api, String token, String meeting, String text, String owner) {
		ApiClient.Response decided = api.post("/api/v1/joint-meetings/" + meeting + "/decisions", token,
				Map.of("text", text, "ownerKind", "UNIT", "ownerName", owner, "dueOn",
						LocalDate.ofInstant(clock.instant(), TestClock.CHINA).plusDays(30).toString()));
		assertThat(decided.status()).as(decided.brief()).isLessThan(300);
	}
}

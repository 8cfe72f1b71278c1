package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12: 东城社区's monthly residents' representatives' meeting scheduled by its rhythm, a resident's topic put on
 * its agenda, attendees signing in by code and by the desk, minutes, the next month's meeting scheduled by itself, and
 * a group that missed its meeting flagged.
 */
@ZhizhiIntegrationTest
class DeliberationMeetingApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	DeliberationNotices notices;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aMonthlyRepresentativesMeetingTakesATopicOnItsAgendaAndSchedulesTheNextOne() {
		String desk = api.tokenOf("dongcheng");
		String community = api.orgUnitId("东城社区").toString();
		Response scheduled = api.post("/api/v1/deliberation-meetings", desk, meeting("REPRESENTATIVES", "COMMUNITY",
				community, "东城社区居民代表议事协商会议", "社区党群服务中心三楼", null, "19:30", true, null));
		assertThat(scheduled.status()).as(scheduled.brief()).isEqualTo(201);
		JsonNode first = scheduled.json();
		String id = first.path("id").asString();
		// the representatives meet on the 25th (MeetingRhythmTests has the rule against dates worked by hand): from the
		// default "now", Wednesday 10 June 2026, that is Thursday 25 June, 19:30 in Chongqing — 2026-06-25T11:30:00Z
		java.time.Instant june = next(25, java.time.LocalTime.of(19, 30), clock.today());
		assertThat(first.path("scheduledAt").asString()).isEqualTo(june.toString());
		assertThat(first.path("state").asString()).isEqualTo("SCHEDULED");
		assertThat(first.path("signInCode").asString()).matches("\\d{6}");

		String topic = api.post("/api/v1/topics", api.tokenOf("jumin01"),
				Map.of("title", "楼下快递车乱停", "description", "快递三轮车每天堵在单元门口，老人进出不便", "placeKind", "BUILDING"))
			.json()
			.path("id")
			.asString();
		JsonNode withTopic = api.post("/api/v1/deliberation-meetings/" + id + "/agenda", desk, Map.of("topicId", topic))
			.json();
		assertThat(withTopic.path("agenda").findValuesAsString("topicId")).containsExactly(topic);
		assertThat(api.get("/api/v1/topics/" + topic, desk).json().path("state").asString())
			.as("on the agenda is admitted").isEqualTo("DELIBERATING");
		assertThat(api.post("/api/v1/deliberation-meetings/" + id + "/agenda", desk, Map.of("topicId", topic))
			.problemCode(409)).isEqualTo("ALREADY_ON_AGENDA");

		JsonNode ticked = api.post("/api/v1/deliberation-meetings/" + id + "/attendance", desk,
				Map.of("name", "鱼洞街道 王主任")).json();
		assertThat(ticked.path("attendees").findValuesAsString("name")).contains("鱼洞街道 王主任");
		assertThat(api.post("/api/v1/deliberation-meetings/" + id + "/held", desk, Map.of("minutes", "  "))
			.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		JsonNode held = api.post("/api/v1/deliberation-meetings/" + id + "/held", desk,
				Map.of("minutes", "到会代表 21 人。议题一：快递车乱停，决定在小区东门划定临时停车区。")).json();
		assertThat(held.path("state").asString()).isEqualTo("HELD");
		assertThat(held.path("signInCode").isNull()).isTrue();

		JsonNode upcoming = api.get("/api/v1/deliberation-meetings", desk).json();
		// the next month's (25 July 2026 is a Saturday: Monday the 27th), scheduled by itself
		assertThat(upcoming.findValuesAsString("scheduledAt")).as("next month's, scheduled by itself")
			.contains(next(25, java.time.LocalTime.of(19, 30), june.atZone(TestClock.CHINA).toLocalDate().plusDays(1))
				.toString());
		assertThat(api.get("/api/v1/deliberation-meetings/" + id, api.tokenOf("mudong")).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/deliberation-meetings", api.tokenOf("jumin01")).problemCode(403))
			.isEqualTo("FORBIDDEN");
	}

	@Test
	void aResidentSignsInWithTheCodeOfTodaysMeetingOnce() {
		String desk = api.tokenOf("dongcheng");
		String community = api.orgUnitId("东城社区").toString();
		JsonNode tonight = api.post("/api/v1/deliberation-meetings", desk, meeting("SECRETARY_TEA", "COMMUNITY",
				community, "书记坝坝茶", "东城社区活动广场", clock.today().toString(), "19:00", false, null)).json();
		String code = tonight.path("signInCode").asString();

		Response wrong = api.post("/api/v1/deliberation-meetings/sign-in", api.tokenOf("jumin01"),
				Map.of("code", code.equals("000000") ? "111111" : "000000"));
		assertThat(wrong.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		Response signed = api.post("/api/v1/deliberation-meetings/sign-in", api.tokenOf("jumin01"), Map.of("code", code));
		assertThat(signed.status()).as(signed.brief()).isEqualTo(200);
		assertThat(signed.json().path("meetingId").asString()).isEqualTo(tonight.path("id").asString());
		assertThat(api.post("/api/v1/deliberation-meetings/sign-in", api.tokenOf("jumin01"), Map.of("code", code))
			.problemCode(409)).isEqualTo("ALREADY_SIGNED_IN");
		assertThat(api.get("/api/v1/deliberation-meetings/" + tonight.path("id").asString(), desk).json()
			.path("attendees")
			.get(0)
			.path("household")
			.asBoolean()).isTrue();
	}

	@Test
	void aGroupThatMissesItsMonthlyMeetingIsFlagged() {
		String desk = api.tokenOf("dongcheng");
		String estate = api.get("/api/v1/estates?communityId=" + api.orgUnitId("东城社区"), desk).json().get(0)
			.path("id")
			.asString();
		JsonNode series = api.post("/api/v1/deliberation-meetings", desk, meeting("FOURTH_DAY_TALK", "ESTATE", estate,
				"逢四说事", "小区议事亭", null, "09:30", true, null)).json();
		java.time.Instant due = next(4, java.time.LocalTime.of(9, 30), clock.today());
		assertThat(series.path("scheduledAt").asString()).as("from 10 June 2026: the 4th of July is a Saturday, Monday the 6th")
			.isEqualTo(due.toString());
		// four days past its date it is missed (three days' grace)
		clock.advance(Duration.between(clock.instant(), due).plus(Duration.ofDays(4)));
		// a month on, the shared token has expired: sign in afresh
		String later = api.login("dongcheng", ApiClient.DEMO_PASSWORD);
		Response missed = api.get("/api/v1/deliberation-meetings/missed", later);
		assertThat(missed.status()).as(missed.brief()).isEqualTo(200);
		assertThat(missed.json().findValuesAsString("id")).contains(series.path("id").asString());
		// and the community's staff are told, once
		assertThat(notices.flagMissed(clock.instant())).isGreaterThanOrEqualTo(1);
		assertThat(notices.flagMissed(clock.instant())).isZero();
		assertThat(api.get("/api/v1/inbox", later).json().toString()).contains("“逢四说事”逾期未开",
				"/deliberation-meetings/" + series.path("id").asString());
	}

	private static Map<String, Object> meeting(String format, String placeKind, String placeId, String title,
			String location, String date, String time, boolean monthly, Integer day) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("format", format);
		body.put("placeKind", placeKind);
		body.put("placeId", placeId);
		body.put("title", title);
		body.put("location", location);
		body.put("date", date);
		body.put("time", time);
		body.put("monthly", monthly);
		body.put("dayOfMonth", day);
		return body;
	}

	/** The households are told: a vote opened on their building's topic, and — the day before — their meeting. */
	@Test
	void householdsAreToldOfAVoteAndRemindedOfAMeetingOnce() {
		String desk = api.tokenOf("dongcheng");
		String li = api.tokenOf("jumin02");
		String topic = api.post("/api/v1/topics", api.tokenOf("jumin01"),
				Map.of("title", "单元门口加装雨棚", "description", "下雨天单元门口积水，想加装雨棚，请邻居们表决", "placeKind", "BUILDING"))
			.json()
			.path("id")
			.asString();
		api.post("/api/v1/topics/" + topic + "/admission", desk, Map.of());
		api.post("/api/v1/topics/" + topic + "/voting", desk, Map.of("rule", "SIMPLE_MAJORITY"));
		JsonNode inbox = api.get("/api/v1/inbox", li).json();
		assertThat(inbox.toString()).contains("议题《单元门口加装雨棚》开始表决", "/m/topics/" + topic);

		JsonNode tomorrow = api.post("/api/v1/deliberation-meetings", desk, meeting("COURTYARD", "COMMUNITY",
				api.orgUnitId("东城社区").toString(), "雨棚院坝会", "1栋楼下", clock.today().plusDays(1).toString(), "09:00",
				false, null)).json();
		assertThat(notices.remind(clock.instant())).isGreaterThanOrEqualTo(1);
		assertThat(notices.remind(clock.instant())).as("once").isZero();
		assertThat(api.get("/api/v1/inbox", li).json().toString()).contains("即将召开：雨棚院坝会");
		assertThat(tomorrow.path("state").asString()).isEqualTo("SCHEDULED");
	}

	/** The meeting page lists its community's open incidents beside the topics, for the desk only. */
	@Test
	void theMeetingPageListsTheCommunitysOpenIncidents() {
		String desk = api.tokenOf("dongcheng");
		JsonNode meeting = api.post("/api/v1/deliberation-meetings", desk, meeting("SECRETARY_TEA", "COMMUNITY",
				api.orgUnitId("东城社区").toString(), "书记坝坝茶（事件通报）", "东城社区活动广场", clock.today().toString(),
				"20:00", false, null)).json();
		JsonNode open = null;
		for (JsonNode incident : api.get("/api/v1/incidents", desk).json()) {
			if (open == null && !java.util.Set.of("CLOSED", "RATED", "REJECTED").contains(incident.path("state").asString())) {
				open = incident;
			}
		}
		assertThat(open).as("an open incident on the desk's first page").isNotNull();
		org.zhizhi.WebSession page = new org.zhizhi.WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		String html = page.get("/deliberation-meetings/" + meeting.path("id").asString()).body();
		assertThat(html).contains("本社区未办结的事件", "/incidents/" + open.path("id").asString());
	}

	/** The meeting day on or after {@code from} at {@code time} in Chongqing, not before now (as a series schedules). */
	private java.time.Instant next(int day, java.time.LocalTime time, java.time.LocalDate from) {
		java.time.Instant at = MeetingRhythm.nextOnOrAfter(from, day).atTime(time).atZone(TestClock.CHINA).toInstant();
		return at.isBefore(clock.instant())
				? MeetingRhythm.nextOnOrAfter(from.plusDays(1), day).atTime(time).atZone(TestClock.CHINA).toInstant() : at;
	}
}

package org.zhizhi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
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
 * Issue 13, volunteering over HTTP: a team and its activity; sign-up to a waiting list that moves up in order; check-in
 * with the organiser's code of the moment and a position near the venue (an old code, a wrong one, a phone far away are
 * refused); check-out; hours approved by the organiser — never by the volunteer himself — locked, corrected on request;
 * and the approved hours paying a party member's points.
 */
@ZhizhiIntegrationTest
class VolunteerApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aVolunteerSignsUpWaitsChecksInAndOutAndHisApprovedHoursPayHisPoints() {
		// what the shared tokens read, before the clock moves past their expiry
		String dongcheng = api.orgUnitId("东城社区").toString();
		double[] venue = api.centroid("东城社区第1网格");
		clock.advance(Duration.ofDays(110));
		String desk = api.login("dongcheng", ApiClient.DEMO_PASSWORD);
		String leader = api.login("dangyuan01", ApiClient.DEMO_PASSWORD);
		String volunteer = api.login("dangyuan02", ApiClient.DEMO_PASSWORD);
		String zhang = api.login("jumin01", ApiClient.DEMO_PASSWORD);
		String leaderId = api.get("/api/v1/me", leader).json().path("id").asString();
		String volunteerId = api.get("/api/v1/me", volunteer).json().path("id").asString();

		Map<String, Object> team = new LinkedHashMap<>();
		team.put("orgUnitId", dongcheng);
		team.put("name", "睦邻志愿服务队 " + UUID.randomUUID().toString().substring(0, 6));
		team.put("kind", "NEIGHBOURHOOD");
		team.put("leaderId", leaderId);
		Response created = api.post("/api/v1/volunteer/teams", desk, team);
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		String teamId = created.json().path("id").asString();
		assertThat(api.post("/api/v1/volunteer/teams", zhang, team).status()).isEqualTo(403);

		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("teamId", teamId);
		activity.put("title", "清扫 1 栋楼道");
		activity.put("description", "清扫楼道、清运杂物，带扫帚和手套");
		activity.put("place", "东城公租房 1 栋楼下");
		activity.put("lat", venue[0]);
		activity.put("lng", venue[1]);
		activity.put("startsAt", clock.instant().plus(Duration.ofHours(2)).toString());
		activity.put("endsAt", clock.instant().plus(Duration.ofHours(4)).toString());
		activity.put("slots", 1);
		Response put = api.post("/api/v1/volunteer/activities", leader, activity);
		assertThat(put.status()).as(put.brief()).isEqualTo(201);
		String id = put.json().path("activity").path("id").asString();
		String base = "/api/v1/volunteer/activities/" + id;

		// one place: zhang takes it, the member waits; zhang's two presses at once are one sign-up
		List<Response> both = List.of(api.sendAsync("POST", base + "/participants", zhang, "{}"),
				api.sendAsync("POST", base + "/participants", zhang, "{}"))
			.stream()
			.map(CompletableFuture::join)
			.toList();
		assertThat(both).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
		JsonNode waiting = api.post(base + "/participants", volunteer, Map.of()).json();
		assertThat(waiting.path("mine").path("state").asString()).isEqualTo("WAITING");
		// zhang cancels: the member moves up
		api.post(base + "/cancellation", zhang, Map.of());
		assertThat(api.get(base, volunteer).json().path("mine").path("state").asString()).isEqualTo("SIGNED_UP");

		// on the spot: the code of the moment from the organiser's phone, a position near the venue
		clock.advance(Duration.ofHours(2));
		String old = api.get(base + "/code", leader).json().path("code").asString();
		assertThat(api.get(base + "/code", volunteer).status()).as("only the organiser sees the code").isEqualTo(404);
		clock.advance(Duration.ofMinutes(2));
		String code = api.get(base + "/code", leader).json().path("code").asString();
		assertThat(api.post(base + "/check-in", volunteer, spot(old.equals(code) ? "000000" : old, venue, 0))
			.errorFields()).as("a screenshot of an old code").containsExactly("code");
		assertThat(api.post(base + "/check-in", volunteer, spot(code, venue, 0.01)).errorFields())
			.as("a phone a kilometre away").containsExactly("lat");
		JsonNode in = api.post(base + "/check-in", volunteer, spot(code, venue, 0)).json();
		assertThat(in.path("mine").path("state").asString()).isEqualTo("CHECKED_IN");
		clock.advance(Duration.ofMinutes(95));
		String later = api.get(base + "/code", leader).json().path("code").asString();
		assertThat(api.post(base + "/check-out", volunteer, spot(later, venue, 0)).json().path("mine").path("state")
			.asString()).isEqualTo("CHECKED_OUT");

		// the volunteer does not approve his own hours; the organiser does, and they are locked
		assertThat(api.post(base + "/participants/" + volunteerId + "/approval", volunteer, Map.of()).problemCode(403))
			.isEqualTo("NOT_THE_ORGANISER");
		JsonNode approved = api.post(base + "/participants/" + volunteerId + "/approval", leader, Map.of()).json();
		JsonNode part = approved.path("parts").findParents("personId")
			.stream()
			.filter(p -> p.path("personId").asString().equals(volunteerId))
			.findFirst()
			.orElseThrow();
		assertThat(part.path("state").asString()).isEqualTo("APPROVED");
		assertThat(part.path("minutes").asInt()).as("check-in 2 minutes after the start, out 95 minutes later").isEqualTo(95);

		// a correction: asked with its reason, once at a time, accepted by the organiser
		Map<String, Object> correction = Map.of("minutes", 120, "reason", "签退时手机没电，实际干到活动结束");
		assertThat(api.post(base + "/corrections", volunteer, correction).status()).isEqualTo(201);
		assertThat(api.post(base + "/corrections", volunteer, correction).problemCode(409)).isEqualTo("CORRECTION_OPEN");
		JsonNode corrected = api.post(base + "/participants/" + volunteerId + "/correction", leader,
				Map.of("accepted", true, "note", "与现场照片核对属实")).json();
		assertThat(corrected.path("parts").findParents("personId")
			.stream()
			.filter(p -> p.path("personId").asString().equals(volunteerId))
			.findFirst()
			.orElseThrow()
			.path("minutes")
			.asInt()).isEqualTo(120);
		assertThat(corrected.path("corrections").get(0).path("decision").asString()).isEqualTo("ACCEPTED");

		// his record, and the approved hour paid as member points (2 points an hour, once)
		JsonNode record = api.get("/api/v1/volunteer/record", volunteer).json();
		assertThat(record.path("approvedMinutes").asLong()).isGreaterThanOrEqualTo(120);
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api
			.get("/api/v1/points/accounts/mine", volunteer)
			.list()
			.stream()
			.filter(a -> a.path("scheme").path("kind").asString().equals("MEMBER"))
			.flatMap(a -> api.get("/api/v1/points/accounts/" + a.path("account").path("id").asString(), volunteer)
				.json()
				.path("lines")
				.findValuesAsString("reason")
				.stream())
			.toList()).contains("志愿服务 1 小时"));
	}

	/** The seeds' teams (002, 001): 东城社区's three neighbourhood teams with 312 activities, 为老 30, 先锋骑士 62. */
	@Test
	void theDemoTeamsHoldTheSeedsFigures() {
		String desk = api.tokenOf("dongcheng");
		List<JsonNode> teams = api.get("/api/v1/volunteer/teams", desk).list();
		assertThat(teams).extracting(t -> t.path("name").asString())
			.contains("睦邻志愿服务队", "亲邻志愿服务队", "惠邻志愿服务队", "东城为老服务队");
		long activities = 0;
		for (JsonNode team : teams) {
			if (team.path("kind").asString().equals("NEIGHBOURHOOD") && team.path("name").asString().matches("[睦亲惠]邻志愿服务队")) {
				// every page of the team's activities, 50 at a time
				for (int page = 0;; page++) {
					List<JsonNode> some = api.get("/api/v1/volunteer/teams/" + team.path("id").asString()
							+ "/activities?page=" + page + "&size=50", desk).list();
					activities += some.stream().filter(a -> !a.path("title").asString().equals("周末楼道大扫除")).count();
					if (some.size() < 50) {
						break;
					}
				}
			}
		}
		assertThat(activities).as("over 300 activities in a year").isEqualTo(312);
		JsonNode elderly = teams.stream().filter(t -> t.path("name").asString().equals("东城为老服务队")).findFirst()
			.orElseThrow();
		assertThat(elderly.path("members").asLong()).isEqualTo(30);
		JsonNode riders = api.get("/api/v1/volunteer/teams", api.tokenOf("longjin")).list()
			.stream()
			.filter(t -> t.path("name").asString().equals("先锋骑士志愿服务队"))
			.findFirst()
			.orElseThrow();
		assertThat(riders.path("members").asLong()).as("60 and more riders").isEqualTo(62);
		// a volunteer of 东城社区 sees tomorrow's clean-up to sign up for
		assertThat(api.get("/api/v1/volunteer/activities", api.tokenOf("jumin01")).list())
			.anySatisfy(a -> assertThat(a.path("title").asString()).isEqualTo("周末楼道大扫除"));
	}

	/** 南岸's posts (004): one of a kind at a time, given up by the holder, seen by the desk of the scope. */
	@Test
	void aMemberClaimsAPostWithItsDutyAndGivesItUp() {
		String member = api.tokenOf("dangyuan03");
		Map<String, Object> claim = Map.of("kind", "MEDIATION", "duty", "每周四下午在党群服务站调解纠纷");
		Response claimed = api.post("/api/v1/volunteer/posts", member, claim);
		assertThat(claimed.status()).as(claimed.brief()).isEqualTo(201);
		String id = claimed.json().path("id").asString();
		assertThat(api.post("/api/v1/volunteer/posts", member, claim).problemCode(409)).isEqualTo("POST_HELD");
		assertThat(api.post("/api/v1/volunteer/posts", member, Map.of("kind", "PATROL")).errorFields())
			.containsExactly("duty");
		assertThat(api.get("/api/v1/volunteer/posts", api.tokenOf("dongcheng")).list())
			.anySatisfy(p -> assertThat(p.path("id").asString()).isEqualTo(id));
		assertThat(api.post("/api/v1/volunteer/posts/" + id + "/release", api.tokenOf("dangyuan01"), Map.of())
			.status()).as("only the holder").isEqualTo(404);
		assertThat(api.post("/api/v1/volunteer/posts/" + id + "/release", member, Map.of()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/volunteer/posts", api.tokenOf("dongcheng")).list())
			.noneSatisfy(p -> assertThat(p.path("id").asString()).isEqualTo(id));
		// 金鹤社区's six posts, held by 华城国际's members
		assertThat(api.get("/api/v1/volunteer/posts", api.tokenOf("nanan")).list())
			.extracting(p -> p.path("kind").asString())
			.contains("LIAISON", "PATROL", "CIVILITY", "MEDIATION", "PAIRING", "FIVE_HEADS");
	}

	private static Map<String, Object> spot(String code, double[] venue, double offset) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("lat", venue[0] + offset);
		body.put("lng", venue[1]);
		return body;
	}
}

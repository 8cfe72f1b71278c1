package org.zhizhi.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.property.SelfRun;
import org.zhizhi.property.SelfRunBooks;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnitQueries;
import tools.jackson.databind.JsonNode;

/**
 * The screen's 在岗志愿者 and 自管费收缴 are the volunteer and property modules' own figures for the screen's node: a
 * volunteer checked in at an activity running now is on the screen exactly as {@code GET /api/v1/volunteer/on-duty}
 * answers the node's desk (and the activity's own page shows him 已签到), and leaves both when he checks out; the fee
 * collection is {@code GET /api/v1/property/fee-collection}'s, which is the sum of every self-run estate's own
 * collection page, and a bill paid moves it by one.
 */
@ZhizhiIntegrationTest
class CommandScreenPanelsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	SelfRunBooks books;

	@Autowired
	OrgUnitQueries orgUnits;

	@Test
	void theVolunteersOnDutyAreThoseCheckedInNowAsTheVolunteerDeskSeesThem() {
		ApiClient api = new ApiClient(port);
		String banan = api.tokenOf("banan");
		String dongcheng = api.tokenOf("dongcheng");
		String leader = api.tokenOf("dangyuan01");
		String volunteer = api.tokenOf("dangyuan02");
		UUID community = api.orgUnitId("东城社区");
		double[] venue = api.centroid("东城社区第1网格");
		String volunteerId = ok(api.get("/api/v1/me", volunteer)).path("id").asString();

		// an activity starting in ten minutes; the member signs up and checks in on the spot with the code of the moment
		Map<String, Object> team = new LinkedHashMap<>();
		team.put("orgUnitId", community.toString());
		team.put("name", "大屏核对志愿队 " + UUID.randomUUID().toString().substring(0, 6));
		team.put("kind", "NEIGHBOURHOOD");
		team.put("leaderId", ok(api.get("/api/v1/me", leader)).path("id").asString());
		Response created = api.post("/api/v1/volunteer/teams", dongcheng, team);
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("teamId", created.json().path("id").asString());
		activity.put("title", "大屏核对：楼道清扫");
		activity.put("description", "清扫楼道，核对大屏上的在岗志愿者");
		activity.put("place", "东城公租房 2 栋楼下");
		activity.put("lat", venue[0]);
		activity.put("lng", venue[1]);
		activity.put("startsAt", clock.instant().plus(Duration.ofMinutes(10)).toString());
		activity.put("endsAt", clock.instant().plus(Duration.ofHours(2)).toString());
		activity.put("slots", 5);
		Response put = api.post("/api/v1/volunteer/activities", leader, activity);
		assertThat(put.status()).as(put.brief()).isEqualTo(201);
		String base = "/api/v1/volunteer/activities/" + put.json().path("activity").path("id").asString();
		assertThat(api.post(base + "/participants", volunteer, Map.of()).status()).isEqualTo(201);
		String code = ok(api.get(base + "/code", leader)).path("code").asString();
		Response in = api.post(base + "/check-in", volunteer, Map.of("code", code, "lat", venue[0], "lng", venue[1]));
		assertThat(in.json().path("mine").path("state").asString()).as(in.brief()).isEqualTo("CHECKED_IN");

		for (List<String> screenAndDesk : List.of(List.of("", banan), List.of("?scope=" + community, dongcheng))) {
			JsonNode panel = ok(api.get("/api/v1/command/screen" + screenAndDesk.get(0), banan)).path("volunteers");
			JsonNode desk = ok(api.get("/api/v1/volunteer/on-duty", screenAndDesk.get(1)));
			assertThat(panel.path("people").asLong()).isEqualTo(desk.path("people").asLong()).isPositive();
			List<String> names = desk.path("onSite").findValuesAsString("personName");
			assertThat(panel.path("first").findValuesAsString("personName"))
				.isEqualTo(names.subList(0, Math.min(12, names.size())));
			assertThat(panel.path("first").findValuesAsString("personId")).contains(volunteerId);
			assertThat(panel.path("postsHeld").asLong()).as("the posts held, as the posts page lists them")
				.isEqualTo(api.get("/api/v1/volunteer/posts", screenAndDesk.get(1)).list().size());
		}
		// the desk's 志愿服务 page says the same figure for its node
		long dongchengNow = ok(api.get("/api/v1/volunteer/on-duty", dongcheng)).path("people").asLong();
		assertThat(new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD).get("/m/volunteer").body())
			.contains("<strong id=\"on-duty-people\">" + dongchengNow + "</strong>")
			.contains("大屏核对：楼道清扫");
		// the activity's own page (its organiser's list) shows him checked in, as the screen counts him
		assertThat(ok(api.get(base, leader)).path("parts").findParents("personId")
			.stream()
			.filter(p -> p.path("personId").asString().equals(volunteerId))
			.map(p -> p.path("state").asString())).containsExactly("CHECKED_IN");

		// checked out, he is no longer on duty: on the screen as on the desk
		long before = ok(api.get("/api/v1/volunteer/on-duty", dongcheng)).path("people").asLong();
		clock.advance(Duration.ofMinutes(40));
		String later = ok(api.get(base + "/code", leader)).path("code").asString();
		assertThat(api.post(base + "/check-out", volunteer, Map.of("code", later, "lat", venue[0], "lng", venue[1]))
			.json().path("mine").path("state").asString()).isEqualTo("CHECKED_OUT");
		JsonNode after = ok(api.get("/api/v1/volunteer/on-duty", dongcheng));
		assertThat(after.path("onSite").findValuesAsString("personId")).doesNotContain(volunteerId);
		assertThat(after.path("people").asLong()).isEqualTo(before - 1);
		assertThat(ok(api.get("/api/v1/command/screen?scope=" + community, banan)).path("volunteers").path("people")
			.asLong()).isEqualTo(after.path("people").asLong());

		// a resident runs no volunteer desk: the API refuses him, as the screen leaves the panel out for non-desks
		assertThat(api.get("/api/v1/volunteer/on-duty", api.tokenOf("jumin01")).status()).isEqualTo(403);
	}

	@Test
	void theFeeCollectionIsTheSumOfEveryEstatesOwnCollectionAndMovesWithAPayment() {
		ApiClient api = new ApiClient(port);
		String banan = api.tokenOf("banan");
		YearMonth month = YearMonth.from(clock.instant().atZone(TestClock.CHINA));

		JsonNode fees = ok(api.get("/api/v1/command/screen", banan)).path("fees");
		JsonNode scope = ok(api.get("/api/v1/property/fee-collection", banan));
		assertThat(fees.path("month")).isEqualTo(scope);
		assertThat(fees.path("lastMonth"))
			.isEqualTo(ok(api.get("/api/v1/property/fee-collection?month=" + month.minusMonths(1), banan)));
		assertThat(scope.path("bodies").asInt()).as("巴南's self-run estates (新河街, 走马二村 …)").isPositive();

		// the sums of each self-run estate's own collection page, building by building
		UUID district = UUID.fromString(ok(api.get("/api/v1/command/screen", banan)).path("node").path("id").asString());
		Actor desk = new Actor(UUID.randomUUID(), "desk", "desk", Set.of(Role.DISTRICT_ADMIN),
				orgUnits.bindingOf(district).orElseThrow().scope());
		long billed = 0;
		long paid = 0;
		long exempt = 0;
		for (SelfRun body : books.mine(desk)) {
			for (JsonNode building : api.get("/api/v1/estates/" + body.estateId() + "/fees/collection?month=" + month,
					banan).list()) {
				billed += building.path("billed").asLong();
				paid += building.path("paid").asLong();
				exempt += building.path("exempt").asLong();
			}
		}
		assertThat(scope.path("billed").asLong()).isEqualTo(billed);
		assertThat(scope.path("paid").asLong()).isEqualTo(paid);
		assertThat(scope.path("exempt").asLong()).isEqualTo(exempt);
		assertThat(scope.path("ratePercent").asInt()).as("paid of what is due, rounded down")
			.isEqualTo((int) (paid * 100 / (billed - exempt)));

		// the guardian collects a bill: the screen's paid moves by one
		String guardian = api.tokenOf("shouhu01");
		String estate = api.estateId(banan, "新河街").toString();
		JsonNode open = api.get("/api/v1/estates/" + estate + "/fees/bills?month=" + month, guardian).list()
			.stream()
			.filter(b -> b.path("state").asString().equals("OPEN"))
			.findFirst()
			.orElseThrow();
		assertThat(api.post("/api/v1/estates/" + estate + "/fees/bills/" + open.path("id").asString() + "/payment",
				guardian, Map.of("method", "CASH")).status()).isEqualTo(200);
		assertThat(ok(api.get("/api/v1/command/screen", banan)).path("fees").path("month").path("paid").asLong())
			.isEqualTo(paid + 1);

		// a bad month is a field problem; a resident keeps no books
		assertThat(api.get("/api/v1/property/fee-collection?month=2026-13", banan).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/property/fee-collection", api.tokenOf("jumin01")).status()).isEqualTo(403);
	}

	private static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		return response.json();
	}
}

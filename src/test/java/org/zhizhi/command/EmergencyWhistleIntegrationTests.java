package org.zhizhi.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.command.EmergencyRequests.API;
import static org.zhizhi.command.EmergencyRequests.accountId;
import static org.zhizhi.command.EmergencyRequests.blowing;
import static org.zhizhi.command.EmergencyRequests.row;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.party.DutyRosters;
import org.zhizhi.territory.Installation;

import tools.jackson.databind.JsonNode;

/**
 * Issue 17's emergency whistle over HTTP: blown by 东城社区's desk over grids 1–3, it calls exactly the area's forces
 * of the kinds chosen — not a grid worker of grid 4, nor a party member of another community, nor a resident — and
 * tells each of them; each answers for himself (a double tap: one wins), a refusal needs its reason, an arrival keeps
 * its position; nobody outside the area sees it; the stand-down ends the answers and tells those still out.
 */
@ZhizhiIntegrationTest
class EmergencyWhistleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	DutyRosters duty;

	@Autowired
	Installation installation;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theWhistleCallsExactlyTheAreasForcesAndRecordsTheirAnswers() throws Exception {
		String desk = api.tokenOf("dongcheng");
		UUID g1 = api.orgUnitId("东城社区第1网格");
		UUID g2 = api.orgUnitId("东城社区第2网格");
		UUID g3 = api.orgUnitId("东城社区第3网格");
		UUID g4 = api.orgUnitId("东城社区第4网格");
		// a grid worker of grid 3 is called, one of grid 4 is not; a party member of 金银桥 is not
		JsonNode inGrid3 = api.createAccount(desk, ApiClient.newAccount(ApiClient.uniqueUsername("it-em-g3"),
				"GRID_WORKER", g3, "PART_TIME"));
		JsonNode inGrid4 = api.createAccount(desk, ApiClient.newAccount(ApiClient.uniqueUsername("it-em-g4"),
				"GRID_WORKER", g4, "FULL_TIME"));
		JsonNode elsewhere = api.createAccount(api.tokenOf("mudong"), ApiClient.newAccount(
				ApiClient.uniqueUsername("it-em-jyq"), "PARTY_MEMBER", api.orgUnitId("金银桥社区"), null));

		Map<String, Object> body = blowing(List.of(g1, g2, g3), List.of("GRID_TEAM", "PARTY_MEMBERS"));
		Response blown = api.post(API, desk, body);
		assertThat(blown.status()).as(blown.brief()).isEqualTo(201);
		String id = blown.json().path("id").asString();
		assertThat(blown.json().path("state").asString()).isEqualTo("CALLING");

		JsonNode detail = api.get(API + "/" + id, desk).json();
		List<String> called = detail.path("callees").findValuesAsString("accountId");
		for (String demo : List.of("dongcheng-g01", "dongcheng-g02", "dangyuan01", "dangyuan02", "dangyuan03",
				"dangyuan04")) {
			assertThat(called).as(demo).contains(accountId(api, demo));
		}
		assertThat(called).contains(inGrid3.path("id").asString())
			.doesNotContain(inGrid4.path("id").asString(), elsewhere.path("id").asString(), accountId(api, "jumin01"),
					accountId(api, "chengguan"), accountId(api, "dongcheng"), accountId(api, "jieshi"));
		assertThat(detail.path("callees").findValuesAsString("state")).containsOnly("CALLED");
		assertThat(detail.path("callees").findValuesAsString("force")).containsOnly("GRID_TEAM", "PARTY_MEMBERS");
		assertThat(detail.path("whistle").path("area").findValuesAsString("name"))
			.containsExactlyInAnyOrder("东城社区第1网格", "东城社区第2网格", "东城社区第3网格");

		// each of them is told at once, with a link to the page where he answers
		String chen = api.tokenOf("dangyuan01");
		assertThat(api.get("/api/v1/inbox", chen).list())
			.anySatisfy(m -> assertThat(m.path("link").asString()).isEqualTo("/m/emergency/" + id));
		assertThat(api.get("/api/v1/inbox", api.login(inGrid4.path("username").asString(), ApiClient.TEST_PASSWORD))
			.list()).noneSatisfy(m -> assertThat(m.path("link").asString()).contains(id));

		// 陈党员 taps 马上到 twice at once: one answer counts
		String coming = ApiClient.json(Map.of("answer", "COMING"));
		CompletableFuture<Response> first = api.sendAsync("POST", API + "/" + id + "/answer", chen, coming);
		CompletableFuture<Response> second = api.sendAsync("POST", API + "/" + id + "/answer", chen, coming);
		List<Response> both = List.of(first.get(), second.get());
		assertThat(both.stream().map(Response::status).sorted().toList()).as(both.toString()).containsExactly(200, 409);

		// 刘党员 cannot come: he must say why
		String liu = api.tokenOf("dangyuan02");
		assertThat(api.post(API + "/" + id + "/answer", liu, Map.of("answer", "CANNOT")).errorFields())
			.containsExactly("reason");
		assertThat(api.post(API + "/" + id + "/answer", liu, Map.of("answer", "CANNOT", "reason", "在外地出差"))
			.json().path("myAnswer").asString()).isEqualTo("CANNOT");

		// 陈党员 checks in on site ten minutes later; a position out of range is refused
		clock.advance(Duration.ofMinutes(10));
		assertThat(api.post(API + "/" + id + "/arrive", chen, Map.of("lat", 129.4, "lng", 106.6)).errorFields())
			.containsExactly("lat");
		Response arrived = api.post(API + "/" + id + "/arrive", chen, Map.of("lat", 29.4012, "lng", 106.6431));
		assertThat(arrived.status()).as(arrived.brief()).isEqualTo(200);
		assertThat(arrived.json().path("myAnswer").asString()).isEqualTo("ARRIVED");

		JsonNode after = api.get(API + "/" + id, desk).json();
		assertThat(after.path("whistle").path("counts").path("ARRIVED").asInt()).isEqualTo(1);
		assertThat(after.path("whistle").path("counts").path("CANNOT").asInt()).isEqualTo(1);
		// the community's big screen shows the whistle with the same counts as its own page
		JsonNode onScreen = null;
		for (JsonNode w : api.get("/api/v1/command/screen", desk).json().path("emergencies")) {
			if (w.path("id").asString().equals(id)) {
				onScreen = w;
			}
		}
		assertThat(onScreen).as("the calling whistle on the screen").isNotNull();
		assertThat(onScreen.path("counts")).isEqualTo(after.path("whistle").path("counts"));
		JsonNode chenRow = row(after, accountId(api, "dangyuan01"));
		assertThat(chenRow.path("arrivedLat").asDouble()).isEqualTo(29.4012);
		assertThat(row(after, accountId(api, "dangyuan02")).path("reason").asString()).isEqualTo("在外地出差");
		assertThat(after.path("steps").findValuesAsString("action")).containsExactly("BLOW", "COMING", "CANNOT",
				"ARRIVE");

		// nobody outside the area sees it; a person called sees it but does not stand it down
		assertThat(api.get(API + "/" + id, api.tokenOf("mudong")).status()).isEqualTo(404);
		assertThat(api.get(API + "/" + id, api.tokenOf("jumin01")).status()).isEqualTo(404);
		assertThat(api.post(API + "/" + id + "/answer", api.tokenOf("jumin01"), Map.of("answer", "COMING")).status())
			.isEqualTo(404);
		assertThat(api.post(API + "/" + id + "/answer", desk, Map.of("answer", "COMING")).problemCode(403))
			.isEqualTo("NOT_CALLED");
		assertThat(api.get(API + "/" + id, api.tokenOf("dongcheng-g01")).status()).isEqualTo(200);
		assertThat(api.post(API + "/" + id + "/stand-down", api.tokenOf("dongcheng-g01"),
				Map.of("summary", "已处置")).status()).isEqualTo(403);
		// the street above sees it in its list
		assertThat(api.get(API, api.tokenOf("jieshi")).json().path("ofScope").findValuesAsString("id")).contains(id);
		assertThat(api.get(API, api.tokenOf("mudong")).json().path("ofScope").findValuesAsString("id"))
			.doesNotContain(id);

		// the stand-down: answers end, those still out are told, a second stand-down is refused
		assertThat(api.post(API + "/" + id + "/stand-down", desk, Map.of("summary", "x")).errorFields())
			.containsExactly("summary");
		Response stood = api.post(API + "/" + id + "/stand-down", desk, Map.of("summary", "积水已排除，1 人到场处置"));
		assertThat(stood.status()).as(stood.brief()).isEqualTo(200);
		assertThat(stood.json().path("state").asString()).isEqualTo("STOOD_DOWN");
		assertThat(api.get("/api/v1/command/screen", desk).json().path("emergencies").findValuesAsString("id"))
			.as("a whistle stood down leaves the screen").doesNotContain(id);
		assertThat(api.post(API + "/" + id + "/answer", api.tokenOf("dangyuan03"), Map.of("answer", "COMING"))
			.problemCode(409)).isEqualTo("STOOD_DOWN");
		assertThat(api.post(API + "/" + id + "/stand-down", desk, Map.of("summary", "再次解除")).problemCode(409))
			.isEqualTo("ILLEGAL_TRANSITION");
		assertThat(api.get("/api/v1/inbox", api.tokenOf("dangyuan03")).list())
			.anySatisfy(m -> assertThat(m.path("title").asString()).startsWith("应急哨已解除"));
		assertThat(api.get("/api/v1/inbox", liu).list())
			.noneSatisfy(m -> assertThat(m.path("title").asString()).startsWith("应急哨已解除：" + body.get("title")));
	}

	@Test
	void aWhistleIsRefusedOutsideTheLeadersScopeWithoutForcesOrByWhoeverIsNotALeader() {
		UUID g1 = api.orgUnitId("东城社区第1网格");
		Response outside = api.post(API, api.tokenOf("mudong"), blowing(List.of(g1), List.of("GRID_TEAM")));
		assertThat(outside.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(outside.errorFields()).containsExactly("gridIds");
		Response noForce = api.post(API, api.tokenOf("dongcheng"), blowing(List.of(g1), List.of()));
		assertThat(noForce.errorFields()).containsExactly("forces");
		Response noGrid = api.post(API, api.tokenOf("dongcheng"), blowing(List.of(), List.of("GRID_TEAM")));
		assertThat(noGrid.errorFields()).containsExactly("gridIds");
		assertThat(api.post(API, api.tokenOf("dangyuan01"), blowing(List.of(g1), List.of("GRID_TEAM"))).status())
			.isEqualTo(403);
		// grid 1 has no partner unit's liaison of its own, but the street's units answer for it
		Response units = api.post(API, api.tokenOf("jieshi"), blowing(List.of(g1), List.of("PARTNER_UNITS")));
		assertThat(units.status()).as(units.brief()).isEqualTo(201);
		List<String> unitCallees = api.get(API + "/" + units.json().path("id").asString(), api.tokenOf("jieshi"))
			.json()
			.path("callees")
			.findValuesAsString("accountId");
		assertThat(unitCallees).contains(accountId(api, "chengguan"), accountId(api, "gongdian"))
			.doesNotContain(accountId(api, "mudong-school"), accountId(api, "shangjia01"));
	}

	@Test
	void membersOnDutyAreCalledByThePostTheyHoldExactlyAsTheRostersSay() {
		UUID g1 = api.orgUnitId("东城社区第1网格");
		String desk = api.tokenOf("dongcheng");
		// the rosters' own answer for grid 1 at this moment (the demo's gate post has a member of dangyuan01–04 on its
		// day shift from Monday to Thursday; the test clock stands on a Wednesday morning)
		List<String> onDuty = duty.onDuty(installation.whole(), List.of(g1), clock.instant())
			.stream()
			.filter(d -> d.accountId() != null)
			.map(d -> d.accountId().toString())
			.distinct()
			.toList();
		assertThat(onDuty).isNotEmpty();
		Response blown = api.post(API, desk, blowing(List.of(g1), List.of("ON_DUTY")));
		assertThat(blown.status()).as(blown.brief()).isEqualTo(201);
		JsonNode detail = api.get(API + "/" + blown.json().path("id").asString(), desk).json();
		assertThat(detail.path("callees").findValuesAsString("accountId")).containsExactlyInAnyOrderElementsOf(onDuty);
		assertThat(detail.path("callees").findValuesAsString("force")).containsOnly("ON_DUTY");
		assertThat(detail.path("callees").findValuesAsString("post")).anySatisfy(
				post -> assertThat(post).startsWith("东城公租房1栋党员示范岗"));

		// on duty and a party member of the community: called once, as the member on duty
		Response both = api.post(API, desk, blowing(List.of(g1), List.of("PARTY_MEMBERS", "ON_DUTY")));
		JsonNode twice = api.get(API + "/" + both.json().path("id").asString(), desk).json();
		List<String> all = twice.path("callees").findValuesAsString("accountId");
		assertThat(all).doesNotHaveDuplicates().containsAll(onDuty);
		assertThat(row(twice, onDuty.getFirst()).path("force").asString()).isEqualTo("ON_DUTY");
	}
}

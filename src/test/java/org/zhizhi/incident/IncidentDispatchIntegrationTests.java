package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.incident.IncidentFixture.body;
import static org.zhizhi.incident.IncidentFixture.entries;
import static org.zhizhi.incident.IncidentFixture.ids;
import static org.zhizhi.incident.IncidentFixture.last;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Who gets a whistled order, over real HTTP with the demo accounts and units: the open call won exactly once, the
 * assignment to a named member who answers or hands it back, the round-robin, a unit and its liaison (who sees his
 * unit's orders only), the tough whistle with its co-units' parts, and the anonymous report.
 */
@ZhizhiIntegrationTest
class IncidentDispatchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	private IncidentFixture fx;

	private ApiClient api;

	@BeforeEach
	void fixture() {
		fx = new IncidentFixture(port, dataSource);
		api = fx.api();
	}

	// --- the open call ----------------------------------------------------------------------------------------------

	@Test
	void ofTwentyPartyMembersPressingClaimAtOnceExactlyOneGetsTheOrder() throws Exception {
		UUID community = fx.orgUnitId("东城社区");
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String username = ApiClient.uniqueUsername("it-claim");
			api.createAccount(fx.token("dongcheng"), ApiClient.newAccount(username, "PARTY_MEMBER", community, null));
			tokens.add(api.login(username, ApiClient.TEST_PASSWORD));
		}
		String id = fx.whistled();

		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> claims = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(tokens.size())) {
			for (String token : tokens) {
				claims.add(pool.submit(() -> {
					start.await();
					return api.sendAsync("POST", "/api/v1/incidents/" + id + "/claim", token, "{}").join();
				}));
			}
			start.countDown();
		}
		List<Response> responses = new ArrayList<>();
		for (Future<Response> claim : claims) {
			responses.add(claim.get());
		}

		List<Integer> won = new ArrayList<>();
		for (int i = 0; i < responses.size(); i++) {
			if (responses.get(i).status() == 200) {
				won.add(i);
			}
		}
		assertThat(won).as("winners").hasSize(1);
		assertThat(responses.stream().filter(r -> r.status() != 200)).hasSize(19).allSatisfy(r -> {
			assertThat(r.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
			assertThat(r.json().path("detail").asString()).contains("CLAIMED");
		});
		UUID winner = fx.userIdOf(tokens.get(won.get(0)));
		JsonNode detail = fx.detail(id, fx.token("dongcheng"));
		JsonNode incident = detail.path("incident");
		assertThat(incident.path("state").asString()).isEqualTo("CLAIMED");
		assertThat(incident.path("claimedBy").asString()).isEqualTo(winner.toString());
		assertThat(incident.path("ownerKind").asString()).isEqualTo("MEMBER");
		assertThat(incident.path("ownerId").asString()).isEqualTo(winner.toString());
		assertThat(incident.path("dispatchMode").asString()).isEqualTo("OPEN_CALL");
		assertThat(entries(detail, "CLAIM")).singleElement()
			.satisfies(e -> assertThat(e.path("actorId").asString()).isEqualTo(winner.toString()));
	}

	// --- assignment to a named member ---------------------------------------------------------------------------

	@Test
	void anAssignedMemberAloneAnswersAndMayHandTheOrderBackWithAReason() {
		String id = fx.triaged();
		String leader = fx.token("dongcheng-g01");
		UUID member = fx.userId("dangyuan02");
		UUID grid = fx.orgUnitId(IncidentFixture.GRID_1);

		JsonNode assigned = fx.step(id, "whistle", leader,
				body("type", "QUICK", "mode", "ASSIGN", "assigneeId", member));
		JsonNode incident = assigned.path("incident");
		assertThat(incident.path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(incident.path("ownerKind").asString()).isEqualTo("MEMBER");
		assertThat(incident.path("ownerId").asString()).isEqualTo(member.toString());
		assertThat(incident.path("tier").asString()).isEqualTo("GRID");
		assertThat(incident.path("dispatchMode").asString()).isEqualTo("ASSIGN");
		assertThat(incident.path("respondDueAt").isNull()).isFalse();
		assertThat(entries(assigned, "WHISTLE")).singleElement()
			.satisfies(e -> assertThat(e.path("toState").asString()).isEqualTo("WHISTLED"));
		assertThat(last(assigned).path("action").asString()).isEqualTo("ASSIGN");
		assertThat(last(assigned).path("toState").asString()).isEqualTo("ASSIGNED");
		assertThat(last(assigned).path("detail").asString()).isEqualTo("刘党员");

		// only he: not another member, not the grid leader who assigned it
		assertThat(fx.post(id, "answer", fx.token("dangyuan03"), Map.of()).problemCode(403))
			.isEqualTo("NOT_THE_ASSIGNEE");
		assertThat(fx.post(id, "answer", leader, Map.of()).problemCode(403)).isEqualTo("NOT_THE_ASSIGNEE");
		assertThat(fx.post(id, "claim", fx.token("dangyuan03"), Map.of()).problemCode(409))
			.isEqualTo("ILLEGAL_TRANSITION");

		JsonNode answered = fx.step(id, "answer", fx.token("dangyuan02"), Map.of("note", "马上到"));
		assertThat(answered.path("incident").path("state").asString()).isEqualTo("CLAIMED");
		assertThat(answered.path("incident").path("claimedBy").asString()).isEqualTo(member.toString());
		assertThat(answered.path("incident").path("ownerId").asString()).isEqualTo(member.toString());
		assertThat(last(answered).path("action").asString()).isEqualTo("ANSWER");
		assertThat(last(answered).path("actorRole").asString()).isEqualTo("PARTY_MEMBER");

		Response noReason = fx.post(id, "hand-back", fx.token("dangyuan02"), Map.of());
		assertThat(noReason.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noReason.errorFields()).containsExactly("note");
		assertThat(fx.post(id, "hand-back", fx.token("dangyuan03"), Map.of("note", "不归我")).problemCode(403))
			.isEqualTo("NOT_THE_HANDLER");

		JsonNode handedBack = fx.step(id, "hand-back", fx.token("dangyuan02"), Map.of("note", "需要专业电工"));
		incident = handedBack.path("incident");
		assertThat(incident.path("state").asString()).isEqualTo("WHISTLED");
		assertThat(incident.path("ownerKind").asString()).isEqualTo("ORG_UNIT");
		assertThat(incident.path("ownerId").asString()).isEqualTo(grid.toString());
		assertThat(incident.path("claimedBy").isNull()).isTrue();
		assertThat(last(handedBack).path("action").asString()).isEqualTo("HAND_BACK");
		assertThat(last(handedBack).path("detail").asString()).isEqualTo("需要专业电工");

		// waiting for its tier again: the grid assigns it anew
		JsonNode again = fx.step(id, "assign", leader, body("assigneeId", fx.userId("dangyuan03")));
		assertThat(again.path("incident").path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(again.path("incident").path("ownerId").asString())
			.isEqualTo(fx.userId("dangyuan03").toString());
		assertThat(entries(again, "ASSIGN")).hasSize(2);
	}

	@Test
	void anAssignmentNamesExactlyOneTargetAndOnlyAMemberOfTheGrid() {
		String id = fx.whistled();
		String leader = fx.token("dongcheng-g01");

		// a grid worker of another grid, and a resident, are nobody this grid can assign
		for (String outsider : List.of("dongcheng-g02", "jumin01")) {
			Response response = fx.post(id, "assign", leader, body("assigneeId", fx.userId(outsider)));
			assertThat(response.problemCode(400)).as(outsider).isEqualTo("VALIDATION_FAILED");
			assertThat(response.errorFields()).as(outsider).containsExactly("assigneeId");
		}
		Response both = fx.post(id, "assign", leader,
				body("assigneeId", fx.userId("dangyuan01"), "unitId", fx.unitId("jieshi-zhifa")));
		assertThat(both.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(both.errorFields()).containsExactly("unitId");
		assertThat(fx.post(id, "assign", leader, Map.of()).errorFields()).containsExactly("assigneeId");
		assertThat(fx.post(id, "assign", leader, body("mode", "OPEN_CALL")).errorFields()).containsExactly("mode");
		// a party member does not dispatch
		assertThat(fx.post(id, "assign", fx.token("dangyuan01"), body("assigneeId", fx.userId("dangyuan01")))
			.problemCode(403)).isEqualTo("ROLE_NOT_ALLOWED");

		JsonNode detail = fx.detail(id, leader);
		assertThat(detail.path("incident").path("state").asString()).isEqualTo("WHISTLED");
		assertThat(entries(detail, "ASSIGN")).isEmpty();
	}

	// --- round-robin --------------------------------------------------------------------------------------------

	@Test
	void roundRobinGivesEveryPartyMemberOfTheGridAnOrderBeforeAnyoneGetsASecond() {
		String grid = "东城社区第7网格";
		String staff = fx.token("dongcheng");
		List<UUID> candidates = fx.partyMembersCovering(grid);

		List<UUID> assignees = new ArrayList<>();
		for (int i = 0; i <= candidates.size(); i++) {
			String id = fx.triaged("dongcheng", "dongcheng", grid);
			JsonNode whistled = fx.step(id, "whistle", staff, body("type", "QUICK", "mode", "ROUND_ROBIN"));
			JsonNode incident = whistled.path("incident");
			assertThat(incident.path("state").asString()).isEqualTo("ASSIGNED");
			assertThat(incident.path("ownerKind").asString()).isEqualTo("MEMBER");
			assertThat(incident.path("dispatchMode").asString()).isEqualTo("ROUND_ROBIN");
			assignees.add(UUID.fromString(incident.path("ownerId").asString()));
		}

		List<UUID> firstRound = assignees.subList(0, candidates.size());
		assertThat(firstRound).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(candidates);
		// the next turn is his who waited longest: the first of the round
		assertThat(assignees.get(candidates.size())).isEqualTo(assignees.get(0));
	}

	@Test
	void twoRoundRobinWhistlesAtOnceGoToTwoDifferentMembers() throws Exception {
		String grid = "东城社区第8网格";
		String staff = fx.token("dongcheng");
		String first = fx.triaged("dongcheng", "dongcheng", grid);
		String second = fx.triaged("dongcheng", "dongcheng", grid);
		String body = ApiClient.json(body("type", "QUICK", "mode", "ROUND_ROBIN"));

		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> whistles = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			for (String id : List.of(first, second)) {
				whistles.add(pool.submit(() -> {
					start.await();
					return api.sendAsync("POST", "/api/v1/incidents/" + id + "/whistle", staff, body).join();
				}));
			}
			start.countDown();
		}
		Set<String> owners = new HashSet<>();
		for (Future<Response> whistle : whistles) {
			Response response = whistle.get();
			assertThat(response.status()).as(response.brief()).isEqualTo(200);
			assertThat(response.json().path("incident").path("state").asString()).isEqualTo("ASSIGNED");
			owners.add(response.json().path("incident").path("ownerId").asString());
		}
		assertThat(owners).hasSize(2);
	}

	// --- units --------------------------------------------------------------------------------------------------

	@Test
	void aUnitsLiaisonSeesAndAnswersOnlyHisUnitsOrdersAndCarriesOneToClosure() {
		UUID unit = fx.unitId("jieshi-zhifa");
		String leader = fx.token("dongcheng-g01");
		String liaison = fx.token("chengguan");
		UUID liaisonId = fx.userId("chengguan");
		String id = fx.triaged();
		String unrelated = fx.triaged();

		JsonNode assigned = fx.step(id, "whistle", leader, body("type", "QUICK", "mode", "ASSIGN", "unitId", unit));
		JsonNode incident = assigned.path("incident");
		assertThat(incident.path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(incident.path("ownerKind").asString()).isEqualTo("UNIT");
		assertThat(incident.path("ownerId").asString()).isEqualTo(unit.toString());
		assertThat(incident.path("unitId").asString()).isEqualTo(unit.toString());
		assertThat(incident.path("claimedBy").isNull()).isTrue();
		assertThat(assigned.path("parts")).singleElement().satisfies(p -> {
			assertThat(p.path("unitId").asString()).isEqualTo(unit.toString());
			assertThat(p.path("lead").asBoolean()).isTrue();
			assertThat(p.path("state").asString()).isEqualTo("ASSIGNED");
		});
		assertThat(last(assigned).path("detail").asString()).isEqualTo("界石镇综合行政执法大队");

		// the liaison sees his unit's order, and nothing else of 东城社区
		assertThat(fx.detail(id, liaison).path("incident").path("id").asString()).isEqualTo(id);
		assertThat(api.get("/api/v1/incidents/" + unrelated, liaison).problemCode(404)).isEqualTo("NOT_FOUND");
		List<JsonNode> list = fx.list(liaison);
		assertThat(ids(list)).contains(id).doesNotContain(unrelated);
		assertThat(list).allSatisfy(i -> assertThat(i.path("unitId").asString().equals(unit.toString())
				|| hasPart(i.path("id").asString(), unit)).as("%s is his unit's", i.path("id")).isTrue());

		// for another unit's liaison the order does not exist: he can neither answer it nor learn that it is there
		assertThat(fx.post(id, "answer", fx.token("gongdian"), Map.of()).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.uploadPhotoStatus(fx.token("gongdian"), id)).isEqualTo(404);

		JsonNode answered = fx.step(id, "answer", liaison, Map.of());
		assertThat(answered.path("incident").path("state").asString()).isEqualTo("CLAIMED");
		assertThat(answered.path("incident").path("claimedBy").asString()).isEqualTo(liaisonId.toString());
		assertThat(answered.path("incident").path("ownerKind").asString()).isEqualTo("UNIT");
		assertThat(answered.path("parts").get(0).path("state").asString()).isEqualTo("ACCEPTED");
		assertThat(last(answered).path("actorRole").asString()).isEqualTo("PARTNER_LIAISON");

		double[] point = fx.centroid(fx.orgUnitId(IncidentFixture.GRID_1));
		JsonNode checkedIn = fx.step(id, "check-in", liaison,
				fx.withPhoto(id, liaison, Map.of("lat", point[0], "lng", point[1])));
		assertThat(checkedIn.path("incident").path("state").asString()).isEqualTo("CHECKED_IN");
		JsonNode resolved = fx.step(id, "resolve", liaison, fx.withPhoto(id, liaison, Map.of("note", "违停车辆已拖离")));
		assertThat(resolved.path("incident").path("state").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.path("incident").path("ownerKind").asString()).isEqualTo("ORG_UNIT");
		assertThat(entries(resolved, "RESOLVE").get(0).path("photoIds").size()).isEqualTo(1);

		JsonNode closed = fx.step(id, "verify", leader, Map.of("note", "核查通过"));
		assertThat(closed.path("incident").path("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("incident").path("closedAt").isNull()).isFalse();
	}

	@Test
	void aLiaisonsListKeepsToTheGridHeAskedFor() {
		// issue 11.12: ?gridId= was ignored for a unit's liaison (and a resident): he got every grid's orders
		UUID unit = fx.unitId("jieshi-zhifa");
		String liaison = fx.token("chengguan");
		String id = fx.whistled();
		fx.step(id, "assign", fx.token("dongcheng-g01"), body("unitId", unit));
		String grid1 = fx.orgUnitId(IncidentFixture.GRID_1).toString();
		String grid2 = fx.orgUnitId("东城社区第2网格").toString();

		assertThat(ids(api.get("/api/v1/incidents?gridId=" + grid1, liaison).list())).contains(id);
		List<JsonNode> otherGrid = api.get("/api/v1/incidents?gridId=" + grid2, liaison).list();
		assertThat(ids(otherGrid)).doesNotContain(id);
		assertThat(otherGrid).allSatisfy(i -> assertThat(i.path("gridId").asString()).isEqualTo(grid2));
	}

	@Test
	void aResidentsListKeepsToTheGridHeAskedFor() {
		String resident = fx.token("jumin01");
		String id = fx.report("jumin01", IncidentFixture.GRID_1, Map.of("channel", "RESIDENT_APP")).path("incident")
			.path("id").asString();
		String grid1 = fx.orgUnitId(IncidentFixture.GRID_1).toString();
		String grid2 = fx.orgUnitId("东城社区第2网格").toString();

		assertThat(ids(api.get("/api/v1/incidents?gridId=" + grid1, resident).list())).contains(id);
		assertThat(ids(api.get("/api/v1/incidents?gridId=" + grid2, resident).list())).doesNotContain(id);
	}

	@Test
	void aUnitHandingAnOrderBackLetsGoOfItAndNoLongerSeesIt() {
		UUID unit = fx.unitId("jieshi-zhifa");
		String liaison = fx.token("chengguan");
		String id = fx.whistled();
		fx.step(id, "assign", fx.token("dongcheng-g01"), body("unitId", unit));
		assertThat(ids(fx.list(liaison))).contains(id);

		JsonNode handedBack = fx.step(id, "hand-back", liaison, Map.of("note", "不属于执法范围"));

		JsonNode incident = handedBack.path("incident");
		assertThat(incident.path("state").asString()).isEqualTo("WHISTLED");
		assertThat(incident.path("unitId").isNull()).isTrue();
		assertThat(incident.path("ownerKind").asString()).isEqualTo("ORG_UNIT");
		assertThat(incident.path("ownerId").asString()).isEqualTo(fx.orgUnitId(IncidentFixture.GRID_1).toString());
		assertThat(handedBack.path("parts").isEmpty()).isTrue();
		assertThat(last(handedBack).path("action").asString()).isEqualTo("HAND_BACK");
		assertThat(last(handedBack).path("actorRole").asString()).isEqualTo("PARTNER_LIAISON");
		assertThat(ids(fx.list(liaison))).doesNotContain(id);
		assertThat(api.get("/api/v1/incidents/" + id, liaison).problemCode(404)).isEqualTo("NOT_FOUND");
	}

	// --- tough whistles -----------------------------------------------------------------------------------------

	@Test
	void aToughWhistleIsResolvedByItsLeadOnlyOnceTheCoUnitsPartIsDone() {
		UUID lead = fx.unitId("jieshi-zhifa");
		UUID co = fx.unitId("lujiao-gongdian");
		String leader = fx.token("dongcheng-g01");
		String chengguan = fx.token("chengguan");
		String gongdian = fx.token("gongdian");
		String id = fx.triaged();

		Response noLead = fx.post(id, "whistle", leader, body("type", "TOUGH", "task", "拆除违建"));
		assertThat(noLead.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noLead.errorFields()).containsExactly("unitId");
		Response noTasks = fx.post(id, "whistle", leader,
				body("type", "TOUGH", "unitId", lead, "coUnits", List.of(Map.of("unitId", co))));
		assertThat(noTasks.errorFields()).containsExactlyInAnyOrder("task", "coUnits[0].task");
		assertThat(fx.detail(id, leader).path("incident").path("state").asString()).isEqualTo("TRIAGED");

		JsonNode whistled = fx.step(id, "whistle", leader, body("type", "TOUGH", "unitId", lead, "task",
				"拆除违建并清运", "coUnits", List.of(Map.of("unitId", co, "task", "断开违建私拉电线"))));
		JsonNode incident = whistled.path("incident");
		assertThat(incident.path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(incident.path("whistleType").asString()).isEqualTo("TOUGH");
		assertThat(incident.path("ownerKind").asString()).isEqualTo("UNIT");
		assertThat(incident.path("unitId").asString()).isEqualTo(lead.toString());
		assertThat(whistled.path("parts")).hasSize(2);
		assertThat(part(whistled, lead).path("lead").asBoolean()).isTrue();
		assertThat(part(whistled, lead).path("task").asString()).isEqualTo("拆除违建并清运");
		assertThat(part(whistled, co).path("lead").asBoolean()).isFalse();
		assertThat(part(whistled, co).path("task").asString()).isEqualTo("断开违建私拉电线");
		assertThat(part(whistled, co).path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(last(whistled).path("detail").asString()).isEqualTo("界石镇综合行政执法大队 +1");
		// the co-unit's liaison sees the order he has a part of
		assertThat(fx.detail(id, gongdian).path("incident").path("id").asString()).isEqualTo(id);
		assertThat(ids(fx.list(gongdian))).contains(id);

		// the lead himself and a party member see the incident but have no co-unit's part
		for (String outsider : List.of("chengguan", "dangyuan01")) {
			assertThat(fx.post(id, "part/answer", fx.token(outsider), Map.of()).problemCode(403)).as(outsider)
				.isEqualTo("NOT_A_PART");
		}
		// for a liaison of a unit with no part in it the incident does not exist
		assertThat(fx.post(id, "part/answer", fx.token("wuye-dongcheng"), Map.of()).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(fx.post(id, "answer", gongdian, Map.of()).problemCode(403)).isEqualTo("NOT_THE_ASSIGNEE");

		fx.step(id, "answer", chengguan, Map.of());
		double[] point = fx.centroid(fx.orgUnitId(IncidentFixture.GRID_1));
		fx.step(id, "check-in", chengguan, fx.withPhoto(id, chengguan, Map.of("lat", point[0], "lng", point[1])));
		Response early = fx.post(id, "resolve", chengguan, fx.withPhoto(id, chengguan, Map.of("note", "违建已拆")));
		assertThat(early.problemCode(409)).isEqualTo("PARTS_OPEN");

		JsonNode partAnswered = fx.step(id, "part/answer", gongdian, Map.of());
		assertThat(part(partAnswered, co).path("state").asString()).isEqualTo("ACCEPTED");
		assertThat(partAnswered.path("incident").path("state").asString()).isEqualTo("CHECKED_IN");
		assertThat(last(partAnswered).path("action").asString()).isEqualTo("PART_ANSWER");
		assertThat(fx.post(id, "part/answer", gongdian, Map.of()).problemCode(409)).isEqualTo("PART_STATE");
		assertThat(fx.post(id, "part/done", gongdian, Map.of()).errorFields()).containsExactly("note");
		assertThat(fx.post(id, "resolve", chengguan, fx.withPhoto(id, chengguan, Map.of("note", "违建已拆")))
			.problemCode(409)).isEqualTo("PARTS_OPEN");

		JsonNode partDone = fx.step(id, "part/done", gongdian, Map.of("note", "电线已断开"));
		assertThat(part(partDone, co).path("state").asString()).isEqualTo("DONE");
		assertThat(part(partDone, co).path("note").asString()).isEqualTo("电线已断开");
		assertThat(last(partDone).path("action").asString()).isEqualTo("PART_DONE");
		assertThat(last(partDone).path("detail").asString()).isEqualTo("国网重庆市南供电公司鹿角供电所: 电线已断开");

		JsonNode resolved = fx.step(id, "resolve", chengguan, fx.withPhoto(id, chengguan, Map.of("note", "违建已拆")));
		assertThat(resolved.path("incident").path("state").asString()).isEqualTo("RESOLVED");
	}

	// --- anonymous reports --------------------------------------------------------------------------------------

	@Test
	void anAnonymousReporterIsHiddenFromEveryoneButHimselfAndAResidentReadsOnlyHisOwnReports() {
		UUID resident = fx.userId("jumin01");
		String own = fx.token("jumin01");
		JsonNode created = fx.report("jumin01", IncidentFixture.GRID_1,
				body("channel", "RESIDENT_APP", "anonymous", true));
		String id = created.path("incident").path("id").asString();
		assertThat(created.path("incident").path("anonymous").asBoolean()).isTrue();

		JsonNode mine = fx.detail(id, own).path("incident");
		assertThat(mine.path("reporterId").asString()).isEqualTo(resident.toString());
		String leader = fx.token("dongcheng-g01");
		JsonNode seen = fx.detail(id, leader);
		assertThat(seen.path("incident").path("reporterId").isNull()).isTrue();
		assertThat(seen.path("incident").path("anonymous").asBoolean()).isTrue();
		assertThat(fx.list(leader)).filteredOn(i -> i.path("id").asString().equals(id))
			.singleElement()
			.satisfies(i -> assertThat(i.path("reporterId").isNull()).isTrue());
		// nor does the timeline, nor the answer to a step, give him away
		assertThat(seen.path("timeline").toString()).doesNotContain(resident.toString(), "张居民");
		JsonNode accepted = fx.step(id, "accept", leader, Map.of());
		assertThat(accepted.path("incident").path("reporterId").isNull()).isTrue();
		assertThat(accepted.toString()).doesNotContain(resident.toString(), "张居民");

		assertThat(fx.list(own)).isNotEmpty()
			.allSatisfy(i -> assertThat(i.path("reporterId").asString()).isEqualTo(resident.toString()));
		assertThat(ids(fx.list(own))).contains(id);
		String other = api.login(api.createResident("it-anon").path("username").asString(), ApiClient.TEST_PASSWORD);
		assertThat(api.get("/api/v1/incidents/" + id, other).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(ids(fx.list(other))).doesNotContain(id);
	}

	@Test
	void staffCannotReportAnonymously() {
		JsonNode created = fx.report("dongcheng-g01", IncidentFixture.GRID_1, body("anonymous", true));

		assertThat(created.path("incident").path("anonymous").asBoolean()).isFalse();
		assertThat(fx.detail(created.path("incident").path("id").asString(), fx.token("dongcheng"))
			.path("incident").path("reporterId").asString()).isEqualTo(fx.userId("dongcheng-g01").toString());
	}

	// --- helpers ----------------------------------------------------------------------------------------------------

	private static JsonNode part(JsonNode detail, UUID unit) {
		for (JsonNode p : detail.path("parts")) {
			if (p.path("unitId").asString().equals(unit.toString())) {
				return p;
			}
		}
		throw new AssertionError("no part of " + unit + " in " + detail.path("parts"));
	}

	/** Whether the unit has a part of the incident, as the district's admin sees it. */
	private boolean hasPart(String id, UUID unit) {
		for (JsonNode p : fx.detail(id, fx.token("banan")).path("parts")) {
			if (p.path("unitId").asString().equals(unit.toString())) {
				return true;
			}
		}
		return false;
	}
}

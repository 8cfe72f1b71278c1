package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.incident.IncidentFixture.body;
import static org.zhizhi.incident.IncidentFixture.entries;
import static org.zhizhi.incident.IncidentFixture.instant;
import static org.zhizhi.incident.IncidentFixture.last;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Watching over incidents, over real HTTP with the demo accounts: escalation tier by tier (by hand, and by the overdue
 * sweep at a moment the test chooses), urging one by one and in a batch, extension requests decided one tier up, the
 * follow-up of an unsatisfied rating, and progress notes.
 */
@ZhizhiIntegrationTest
class IncidentSupervisionIntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	OverdueSweep sweep;

	/** Extensions move the deadline on the whistle type's own clock (working days for a quick one). */
	@Autowired
	org.zhizhi.incident.deadline.DeadlinePolicy policy;

	private IncidentFixture fx;

	private ApiClient api;

	@BeforeEach
	void fixture() {
		fx = new IncidentFixture(port, dataSource);
		api = fx.api();
	}

	// --- escalation ---------------------------------------------------------------------------------------------

	@Test
	void anIncidentIsRaisedTierByTierUpToTheDistrictAndEachTierBelowLosesIt() {
		String id = fx.claimed();
		String leader = fx.token("dongcheng-g01");
		String community = fx.token("dongcheng");

		Response noNote = fx.post(id, "escalate", leader, Map.of());
		assertThat(noNote.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noNote.errorFields()).containsExactly("note");
		assertThat(fx.post(id, "escalate", fx.token("dangyuan01"), Map.of("note", "x")).problemCode(403))
			.isEqualTo("ROLE_NOT_ALLOWED");

		JsonNode raised = fx.step(id, "escalate", leader, Map.of("note", "网格无力处置"));
		JsonNode incident = raised.path("incident");
		assertThat(incident.path("tier").asString()).isEqualTo("COMMUNITY");
		assertThat(incident.path("state").asString()).isEqualTo("WHISTLED");
		assertThat(incident.path("escalations").asInt()).isEqualTo(1);
		assertThat(incident.path("claimedBy").isNull()).isTrue();
		assertThat(incident.path("ownerKind").asString()).isEqualTo("ORG_UNIT");
		assertThat(incident.path("ownerId").asString()).isEqualTo(fx.orgUnitId("东城社区").toString());
		JsonNode entry = last(raised);
		assertThat(entry.path("action").asString()).isEqualTo("ESCALATE");
		assertThat(entry.path("fromState").asString()).isEqualTo("CLAIMED");
		assertThat(entry.path("actorRole").asString()).isEqualTo("GRID_WORKER");
		assertThat(entry.path("detail").asString()).isEqualTo("GRID→COMMUNITY: 网格无力处置");
		// whoever held it lets go
		assertThat(fx.post(id, "check-in", fx.token("dangyuan01"), Map.of("lat", 29.4, "lng", 106.5))
			.problemCode(403)).isEqualTo("NOT_THE_HANDLER");

		// the grid no longer decides; the community does
		assertThat(fx.post(id, "assign", leader, body("assigneeId", fx.userId("dangyuan03"))).problemCode(403))
			.isEqualTo("BELOW_TIER");
		assertThat(fx.post(id, "escalate", leader, Map.of("note", "再升")).problemCode(403)).isEqualTo("BELOW_TIER");
		JsonNode assigned = fx.step(id, "assign", community, body("assigneeId", fx.userId("dangyuan03")));
		assertThat(assigned.path("incident").path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(last(assigned).path("actorRole").asString()).isEqualTo("COMMUNITY_STAFF");

		JsonNode street = fx.step(id, "escalate", community, Map.of("note", "需街镇协调"));
		assertThat(street.path("incident").path("tier").asString()).isEqualTo("STREET");
		assertThat(street.path("incident").path("state").asString()).isEqualTo("WHISTLED");
		assertThat(street.path("incident").path("ownerId").asString()).isEqualTo(fx.orgUnitId("界石镇").toString());
		assertThat(fx.post(id, "escalate", community, Map.of("note", "再升")).problemCode(403))
			.isEqualTo("BELOW_TIER");

		JsonNode district = fx.step(id, "escalate", fx.token("jieshi"), Map.of("note", "需区级部门"));
		assertThat(district.path("incident").path("tier").asString()).isEqualTo("DISTRICT");
		assertThat(district.path("incident").path("ownerId").asString()).isEqualTo(fx.orgUnitId("巴南区").toString());
		assertThat(district.path("incident").path("escalations").asInt()).isEqualTo(3);
		assertThat(last(district).path("actorRole").asString()).isEqualTo("STREET_STAFF");

		Response top = fx.post(id, "escalate", fx.token("banan"), Map.of("note", "还能再升吗"));
		assertThat(top.problemCode(409)).isEqualTo("TOP_TIER");
		assertThat(entries(fx.detail(id, fx.token("banan")), "ESCALATE")).extracting(e -> e.path("detail").asString())
			.containsExactly("GRID→COMMUNITY: 网格无力处置", "COMMUNITY→STREET: 需街镇协调", "STREET→DISTRICT: 需区级部门");
	}

	@Test
	void ofTenEscalationsAtOnceExactlyOneRaisesTheIncident() throws Exception {
		String id = fx.whistled();
		// the grid leader: once the first is through, the incident is above his tier and he may not raise it again
		String leader = fx.token("dongcheng-g01");
		String body = ApiClient.json(Map.of("note", "同时升级"));

		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> escalations = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
			for (int i = 0; i < 10; i++) {
				escalations.add(pool.submit(() -> {
					start.await();
					return api.sendAsync("POST", "/api/v1/incidents/" + id + "/escalate", leader, body).join();
				}));
			}
			start.countDown();
		}
		List<String> outcomes = new ArrayList<>();
		for (Future<Response> escalation : escalations) {
			Response response = escalation.get();
			outcomes.add(response.status() == 200 ? "OK" : response.problemCode(response.status()));
		}

		// a loser either lost the race (409) or came after the winner, to an incident above his tier (403)
		assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
		assertThat(outcomes).filteredOn(o -> !o.equals("OK")).allSatisfy(o -> assertThat(o).isIn(
				"ILLEGAL_TRANSITION", "BELOW_TIER"));
		JsonNode detail = fx.detail(id, fx.token("dongcheng"));
		assertThat(detail.path("incident").path("tier").asString()).isEqualTo("COMMUNITY");
		assertThat(detail.path("incident").path("escalations").asInt()).as("outcomes %s", outcomes).isEqualTo(1);
		assertThat(entries(detail, "ESCALATE")).hasSize(1);
	}

	@Test
	void anIncidentNotYetWhistledStaysInTriageWhenRaisedAndTheNewTierWhistlesIt() {
		String id = fx.triaged();
		String leader = fx.token("dongcheng-g01");

		JsonNode raised = fx.step(id, "escalate", leader, Map.of("note", "涉及多个网格"));

		assertThat(raised.path("incident").path("state").asString()).isEqualTo("TRIAGED");
		assertThat(raised.path("incident").path("tier").asString()).isEqualTo("COMMUNITY");
		assertThat(raised.path("incident").path("escalations").asInt()).isEqualTo(1);
		assertThat(raised.path("incident").path("respondDueAt").isNull()).isTrue();
		assertThat(fx.post(id, "whistle", leader, Map.of("type", "QUICK")).problemCode(403)).isEqualTo("BELOW_TIER");
		JsonNode whistled = fx.step(id, "whistle", fx.token("dongcheng"), Map.of("type", "QUICK"));
		assertThat(whistled.path("incident").path("state").asString()).isEqualTo("WHISTLED");
		assertThat(whistled.path("incident").path("tier").asString()).isEqualTo("COMMUNITY");
		// a party member of the community still takes the open call
		assertThat(fx.step(id, "claim", fx.token("dangyuan04"), Map.of()).path("incident").path("state").asString())
			.isEqualTo("CLAIMED");
	}

	// --- the overdue sweep ------------------------------------------------------------------------------------------

	@Test
	void theSweepRaisesAnOrderNobodyTookUpInTimeOneTierAsTheSystem() {
		String id = fx.whistled();
		fx.setDue(id, "respond_due_at", clock.instant().minus(Duration.ofMinutes(5)));
		Instant before = clock.instant();

		sweep.run(clock.instant());

		JsonNode detail = fx.detail(id, fx.token("dongcheng"));
		JsonNode incident = detail.path("incident");
		assertThat(incident.path("tier").asString()).isEqualTo("COMMUNITY");
		assertThat(incident.path("state").asString()).isEqualTo("WHISTLED");
		assertThat(incident.path("escalations").asInt()).isEqualTo(1);
		assertThat(incident.path("ownerId").asString()).isEqualTo(fx.orgUnitId("东城社区").toString());
		// the community gets its own time to take it up
		assertThat(instant(incident.path("respondDueAt"))).isAfter(before);
		assertThat(entries(detail, "ESCALATE")).singleElement().satisfies(e -> {
			assertThat(e.path("actorRole").asString()).isEqualTo("SYSTEM");
			assertThat(e.path("detail").asString()).startsWith("GRID→COMMUNITY: AUTO respond overdue");
		});

		sweep.run(clock.instant());
		assertThat(fx.detail(id, fx.token("dongcheng")).path("incident").path("escalations").asInt()).isEqualTo(1);
	}

	@Test
	void theSweepGivesAClaimedIncidentPastItsResolutionDeadlineOneRedCardOnly() {
		String id = fx.claimed();
		fx.setDue(id, "resolve_due_at", clock.instant().minus(Duration.ofMinutes(5)));

		sweep.run(clock.instant());

		JsonNode detail = fx.detail(id, fx.token("dongcheng"));
		assertThat(detail.path("incident").path("redCards").asInt()).isEqualTo(1);
		assertThat(detail.path("incident").path("state").asString()).isEqualTo("CLAIMED");
		assertThat(detail.path("incident").path("tier").asString()).isEqualTo("GRID");
		assertThat(entries(detail, "URGE")).singleElement().satisfies(e -> {
			assertThat(e.path("actorRole").asString()).isEqualTo("SYSTEM");
			assertThat(e.path("detail").asString()).startsWith("RED: AUTO resolve overdue");
		});

		sweep.run(clock.instant());
		sweep.run(clock.instant().plus(Duration.ofMinutes(1)));
		JsonNode again = fx.detail(id, fx.token("dongcheng"));
		assertThat(again.path("incident").path("redCards").asInt()).isEqualTo(1);
		assertThat(entries(again, "URGE")).hasSize(1);
	}

	@Test
	void twoSweepsAtOnceCardAnOverdueIncidentOnceAndRaiseAnotherOneTierOnly() throws Exception {
		String carded = fx.claimed();
		String raised = fx.whistled();
		fx.setDue(carded, "resolve_due_at", clock.instant().minus(Duration.ofMinutes(5)));
		fx.setDue(raised, "respond_due_at", clock.instant().minus(Duration.ofMinutes(5)));

		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (int i = 0; i < 4; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return sweep.run(clock.instant());
				}));
			}
			start.countDown();
		}
		for (Future<Integer> run : runs) {
			run.get();
		}

		JsonNode card = fx.detail(carded, fx.token("dongcheng"));
		assertThat(card.path("incident").path("redCards").asInt()).isEqualTo(1);
		assertThat(entries(card, "URGE")).hasSize(1);
		JsonNode raise = fx.detail(raised, fx.token("dongcheng"));
		assertThat(raise.path("incident").path("tier").asString()).isEqualTo("COMMUNITY");
		assertThat(raise.path("incident").path("escalations").asInt()).isEqualTo(1);
		assertThat(entries(raise, "ESCALATE")).hasSize(1);
	}

	// --- urging -----------------------------------------------------------------------------------------------------

	@Test
	void theCommunityUrgesWithYellowAndRedCardsAndResidentsAndMembersMayNot() {
		String id = fx.claimed();
		String staff = fx.token("dongcheng");

		JsonNode yellow = fx.step(id, "urge", staff, Map.of("card", "YELLOW", "note", "请尽快处理"));
		assertThat(yellow.path("incident").path("yellowCards").asInt()).isEqualTo(1);
		assertThat(yellow.path("incident").path("state").asString()).isEqualTo("CLAIMED");
		assertThat(last(yellow).path("action").asString()).isEqualTo("URGE");
		assertThat(last(yellow).path("detail").asString()).isEqualTo("YELLOW: 请尽快处理");
		assertThat(last(yellow).path("actorRole").asString()).isEqualTo("COMMUNITY_STAFF");
		JsonNode red = fx.step(id, "urge", fx.token("jieshi"), Map.of("card", "RED"));
		assertThat(red.path("incident").path("yellowCards").asInt()).isEqualTo(1);
		assertThat(red.path("incident").path("redCards").asInt()).isEqualTo(1);
		assertThat(last(red).path("detail").asString()).isEqualTo("RED");

		assertThat(fx.post(id, "urge", staff, Map.of("note", "没有卡")).errorFields()).containsExactly("card");
		for (String nobody : List.of("dangyuan01", "dongcheng-g01")) {
			assertThat(fx.post(id, "urge", fx.token(nobody), Map.of("card", "YELLOW")).problemCode(403)).as(nobody)
				.isEqualTo("ROLE_NOT_ALLOWED");
		}
		// a resident who neither reported nor follows it: for him the incident does not exist
		assertThat(fx.post(id, "urge", fx.token("jumin01"), Map.of("card", "YELLOW")).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(entries(fx.detail(id, staff), "URGE")).hasSize(2);

		String closed = fx.closed();
		Response late = fx.post(closed, "urge", staff, Map.of("card", "YELLOW"));
		assertThat(late.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(late.json().path("detail").asString()).contains("CLOSED");
	}

	@Test
	void aBatchUrgesEachIncidentOnItsOwnAndSaysWhichWereNot() {
		String staff = fx.token("dongcheng");
		String first = fx.claimed();
		String second = fx.whistled();
		String closed = fx.closed();
		String elsewhere = UUID.randomUUID().toString();

		Response response = api.post("/api/v1/incidents/urge", staff,
				Map.of("ids", List.of(first, second, closed, elsewhere), "card", "YELLOW", "note", "集中督办"));

		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		assertThat(response.list()).extracting(o -> o.path("id").asString() + ":" + o.path("urged").asBoolean() + ":"
				+ (o.path("code").isNull() ? "" : o.path("code").asString()))
			.containsExactly(first + ":true:", second + ":true:", closed + ":false:ILLEGAL_TRANSITION",
					elsewhere + ":false:NOT_FOUND");
		assertThat(fx.detail(first, staff).path("incident").path("yellowCards").asInt()).isEqualTo(1);
		assertThat(fx.detail(second, staff).path("incident").path("yellowCards").asInt()).isEqualTo(1);
		assertThat(fx.detail(closed, staff).path("incident").path("yellowCards").asInt()).isZero();
		assertThat(entries(fx.detail(first, staff), "URGE")).singleElement()
			.satisfies(e -> assertThat(e.path("detail").asString()).isEqualTo("YELLOW: 集中督办"));

		assertThat(api.post("/api/v1/incidents/urge", staff, Map.of("ids", List.of(first))).errorFields())
			.containsExactly("card");
		assertThat(api.post("/api/v1/incidents/urge", staff, Map.of("card", "RED")).errorFields())
			.containsExactly("ids");
		assertThat(fx.detail(first, staff).path("incident").path("redCards").asInt()).isZero();
	}

	// --- extension requests -----------------------------------------------------------------------------------------

	@Test
	void anExtensionApprovedOneTierUpMovesTheResolutionDeadline() {
		String id = fx.claimed();
		String member = fx.token("dangyuan01");
		Instant due = instant(fx.detail(id, member).path("incident").path("resolveDueAt"));

		for (int hours : List.of(0, 1000)) {
			Response bad = fx.post(id, "extension-requests", member, body("hours", hours, "note", "材料未到"));
			assertThat(bad.problemCode(400)).as("%d h", hours).isEqualTo("VALIDATION_FAILED");
			assertThat(bad.errorFields()).as("%d h", hours).containsExactly("hours");
		}
		assertThat(fx.post(id, "extension-requests", member, body("hours", 48)).errorFields()).containsExactly("note");
		assertThat(fx.post(id, "extension-requests", fx.token("dangyuan02"), body("hours", 48, "note", "x"))
			.problemCode(403)).isEqualTo("NOT_THE_HANDLER");

		JsonNode requested = fx.step(id, "extension-requests", member, body("hours", 48, "note", "等待配件"));
		assertThat(last(requested).path("action").asString()).isEqualTo("EXTENSION_REQUEST");
		assertThat(last(requested).path("detail").asString()).isEqualTo("48h: 等待配件");
		assertThat(requested.path("incident").path("state").asString()).isEqualTo("CLAIMED");
		assertThat(requested.path("extensions")).singleElement().satisfies(e -> {
			assertThat(e.path("state").asString()).isEqualTo("PENDING");
			assertThat(e.path("hours").asInt()).isEqualTo(48);
		});
		assertThat(fx.post(id, "extension-requests", member, body("hours", 24, "note", "再延")).problemCode(409))
			.isEqualTo("EXTENSION_PENDING");

		// the grid is the incident's own tier: it does not decide
		assertThat(fx.post(id, "extension-requests/decision", fx.token("dongcheng-g01"), body("approve", true))
			.problemCode(403)).isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(fx.post(id, "extension-requests/decision", fx.token("dongcheng"), Map.of()).errorFields())
			.containsExactly("approve");

		JsonNode approved = fx.step(id, "extension-requests/decision", fx.token("dongcheng"),
				body("approve", true, "note", "同意"));
		assertThat(instant(approved.path("incident").path("resolveDueAt")))
			.isEqualTo(policy.extend(due, WhistleType.QUICK, 48))
			.isAfterOrEqualTo(due.plus(Duration.ofHours(48)));
		assertThat(last(approved).path("action").asString()).isEqualTo("EXTENSION_APPROVE");
		assertThat(last(approved).path("actorRole").asString()).isEqualTo("COMMUNITY_STAFF");
		assertThat(approved.path("extensions")).singleElement().satisfies(e -> {
			assertThat(e.path("state").asString()).isEqualTo("APPROVED");
			assertThat(e.path("decisionNote").asString()).isEqualTo("同意");
		});
		assertThat(fx.post(id, "extension-requests/decision", fx.token("dongcheng"), body("approve", true))
			.problemCode(409)).isEqualTo("NO_EXTENSION_PENDING");
	}

	@Test
	void aRefusedExtensionLeavesTheDeadlineAndANewRequestMayFollow() {
		String id = fx.claimed();
		String member = fx.token("dangyuan01");
		Instant due = instant(fx.detail(id, member).path("incident").path("resolveDueAt"));
		fx.step(id, "extension-requests", member, body("hours", 72, "note", "雨天无法施工"));

		JsonNode refused = fx.step(id, "extension-requests/decision", fx.token("dongcheng"),
				body("approve", false, "note", "可先做临时处置"));

		assertThat(instant(refused.path("incident").path("resolveDueAt"))).isEqualTo(due);
		assertThat(last(refused).path("action").asString()).isEqualTo("EXTENSION_REFUSE");
		assertThat(refused.path("extensions")).singleElement()
			.satisfies(e -> assertThat(e.path("state").asString()).isEqualTo("REFUSED"));
		JsonNode second = fx.step(id, "extension-requests", member, body("hours", 24, "note", "临时处置已做，需一天"));
		assertThat(second.path("extensions")).extracting(e -> e.path("state").asString())
			.containsExactly("REFUSED", "PENDING");
	}

	@Test
	void anExtensionOfACommunityTierIncidentIsDecidedByTheStreetNotTheCommunity() {
		String id = fx.whistled();
		fx.step(id, "escalate", fx.token("dongcheng-g01"), Map.of("note", "网格无力处置"));
		fx.step(id, "assign", fx.token("dongcheng"), body("assigneeId", fx.userId("dangyuan01")));
		String member = fx.token("dangyuan01");
		fx.step(id, "answer", member, Map.of());
		Instant due = instant(fx.detail(id, member).path("incident").path("resolveDueAt"));
		fx.step(id, "extension-requests", member, body("hours", 24, "note", "需协调物业"));

		assertThat(fx.post(id, "extension-requests/decision", fx.token("dongcheng"), body("approve", true))
			.problemCode(403)).isEqualTo("NOT_ONE_TIER_UP");
		JsonNode approved = fx.step(id, "extension-requests/decision", fx.token("jieshi"), body("approve", true));
		assertThat(instant(approved.path("incident").path("resolveDueAt")))
			.isEqualTo(policy.extend(due, WhistleType.QUICK, 24))
			.isAfterOrEqualTo(due.plus(Duration.ofHours(24)));
		assertThat(last(approved).path("actorRole").asString()).isEqualTo("STREET_STAFF");
	}

	// --- after an unsatisfied rating --------------------------------------------------------------------------------

	@Test
	void anUnsatisfiedRatingReopensTheIncidentToItsHandlerAndTheLoopEndsRatedAgain() {
		String id = fx.closed();
		String staff = fx.token("dongcheng");
		String member = fx.token("dangyuan01");
		UUID memberId = fx.userId("dangyuan01");

		JsonNode rated = fx.step(id, "rate", staff, Map.of("rating", "UNSATISFIED", "comment", "楼道还有杂物"));
		assertThat(rated.path("incident").path("state").asString()).isEqualTo("RATED");
		assertThat(rated.path("incident").path("unsatisfiedPending").asBoolean()).isTrue();

		assertThat(fx.post(id, "reopen", staff, Map.of()).errorFields()).containsExactly("note");
		assertThat(fx.post(id, "reopen", fx.token("dongcheng-g01"), Map.of("note", "x")).problemCode(403))
			.isEqualTo("ROLE_NOT_ALLOWED");
		JsonNode reopened = fx.step(id, "reopen", staff, Map.of("note", "回访不满意，返工"));
		JsonNode incident = reopened.path("incident");
		assertThat(incident.path("state").asString()).isEqualTo("REWORK");
		assertThat(incident.path("claimedBy").asString()).isEqualTo(memberId.toString());
		assertThat(incident.path("ownerKind").asString()).isEqualTo("MEMBER");
		assertThat(incident.path("ownerId").asString()).isEqualTo(memberId.toString());
		assertThat(incident.path("rating").isNull()).isTrue();
		assertThat(incident.path("unsatisfiedPending").asBoolean()).isFalse();
		assertThat(incident.path("reopened").asInt()).isEqualTo(1);
		assertThat(incident.path("closedAt").isNull()).isTrue();
		assertThat(last(reopened).path("action").asString()).isEqualTo("REOPEN");
		assertThat(last(reopened).path("detail").asString()).isEqualTo("回访不满意，返工");

		fx.step(id, "resolve", member, fx.withPhoto(id, member, Map.of("note", "杂物已全部清走")));
		fx.step(id, "verify", fx.token("dongcheng-g01"), Map.of());
		JsonNode again = fx.step(id, "rate", staff, Map.of("rating", "SATISFIED"));
		assertThat(again.path("incident").path("state").asString()).isEqualTo("RATED");
		assertThat(again.path("incident").path("rating").asString()).isEqualTo("SATISFIED");
		assertThat(again.path("incident").path("reopened").asInt()).isEqualTo(1);
		assertThat(again.path("incident").path("closedAt").isNull()).isFalse();
		assertThat(entries(again, "RATE")).extracting(e -> e.path("detail").asString())
			.containsExactly("UNSATISFIED: 楼道还有杂物", "SATISFIED");
		assertThat(fx.post(id, "reopen", staff, Map.of("note", "再开")).problemCode(409)).isEqualTo("NOT_UNSATISFIED");
	}

	@Test
	void theCommunityMayKeepAnUnsatisfiedIncidentClosedWithItsReason() {
		String id = fx.closed();
		String staff = fx.token("dongcheng");
		fx.step(id, "rate", staff, Map.of("rating", "UNSATISFIED", "comment", "希望加装路灯"));

		assertThat(fx.post(id, "keep-closed", staff, Map.of()).errorFields()).containsExactly("note");
		JsonNode kept = fx.step(id, "keep-closed", staff, Map.of("note", "加装路灯不属本事项，已另立需求"));

		assertThat(kept.path("incident").path("state").asString()).isEqualTo("RATED");
		assertThat(kept.path("incident").path("unsatisfiedPending").asBoolean()).isFalse();
		assertThat(kept.path("incident").path("rating").asString()).isEqualTo("UNSATISFIED");
		assertThat(last(kept).path("action").asString()).isEqualTo("KEEP_CLOSED");
		assertThat(last(kept).path("detail").asString()).isEqualTo("加装路灯不属本事项，已另立需求");
		assertThat(fx.post(id, "reopen", staff, Map.of("note", "再开")).problemCode(409)).isEqualTo("NOT_UNSATISFIED");
		assertThat(fx.post(id, "keep-closed", staff, Map.of("note", "再记")).problemCode(409))
			.isEqualTo("NOT_UNSATISFIED");
	}

	@Test
	void aSatisfiedIncidentCannotBeReopened() {
		String id = fx.closed();
		String staff = fx.token("dongcheng");
		fx.step(id, "rate", staff, Map.of("rating", "SATISFIED"));

		assertThat(fx.post(id, "reopen", staff, Map.of("note", "想再看看")).problemCode(409))
			.isEqualTo("NOT_UNSATISFIED");
		assertThat(fx.detail(id, staff).path("incident").path("state").asString()).isEqualTo("RATED");
	}

	// --- progress notes ---------------------------------------------------------------------------------------------

	@Test
	void theHandlerAndStaffAddNotesWithTheirOwnPhotosAndNothingMoves() {
		String id = fx.claimed();
		String member = fx.token("dangyuan01");
		String staff = fx.token("dongcheng");

		JsonNode noted = fx.step(id, "notes", member, fx.withPhoto(id, member, Map.of("note", "已联系物业，明早清运")));
		assertThat(noted.path("incident").path("state").asString()).isEqualTo("CLAIMED");
		JsonNode entry = last(noted);
		assertThat(entry.path("action").asString()).isEqualTo("NOTE");
		assertThat(entry.path("detail").asString()).isEqualTo("已联系物业，明早清运");
		assertThat(entry.path("actorRole").asString()).isEqualTo("PARTY_MEMBER");
		assertThat(entry.path("photoIds").size()).isEqualTo(1);
		assertThat(entry.path("fromState").asString()).isEqualTo("CLAIMED");
		assertThat(entry.path("toState").asString()).isEqualTo("CLAIMED");

		JsonNode staffNote = fx.step(id, "notes", staff, fx.withPhoto(id, staff, Map.of("note", "社区已到现场查看")));
		assertThat(staffNote.path("incident").path("state").asString()).isEqualTo("CLAIMED");
		assertThat(last(staffNote).path("actorRole").asString()).isEqualTo("COMMUNITY_STAFF");
		assertThat(last(staffNote).path("photoIds").size()).isEqualTo(1);

		// a photo is one's own to add to a note: not the member's picture on the staff's note
		String membersPhoto = api.uploadPhoto(member, id);
		assertThat(fx.post(id, "notes", staff, Map.of("note", "x", "photoIds", List.of(membersPhoto))).errorFields())
			.containsExactly("photoIds");
		assertThat(fx.post(id, "notes", member, Map.of("note", "   ")).errorFields()).containsExactly("note");
		assertThat(fx.post(id, "notes", fx.token("jumin01"), Map.of("note", "我也说一句")).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(fx.post(id, "notes", fx.token("dangyuan02"), Map.of("note", "不是我的单")).problemCode(403))
			.isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(entries(fx.detail(id, staff), "NOTE")).hasSize(2);
	}
}

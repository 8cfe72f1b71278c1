package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * The incident over real HTTP: intake decided by the position, idempotent submissions, the caller's scope, and the
 * steps from acceptance to the claim — with the illegal ones refused and a contested claim won exactly once.
 */
@ZhizhiIntegrationTest
class IncidentApiIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	// --- intake ----------------------------------------------------------------------------------------------------

	@Test
	void aReportInsideTheFirstGridLandsInThatGridWithItsScopeAndFirstTimelineEntry() {
		UUID grid = api.orgUnitId("东城社区第1网格");
		double[] point = api.centroid(grid);

		Response response = report("dongcheng-g01", newKey(), body(point, "MANHOLE_COVER", "井盖破损，有人险些踩空"));

		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		JsonNode incident = response.json().path("incident");
		assertThat(incident.path("state").asString()).isEqualTo("REPORTED");
		assertThat(incident.path("gridId").asString()).isEqualTo(grid.toString());
		assertThat(incident.path("microGridId").isNull()).isFalse();
		assertThat(incident.path("scopePath").asString()).endsWith("/" + grid + "/");
		assertThat(incident.path("districtId").asString()).isEqualTo(api.orgUnitId("巴南区").toString());
		assertThat(incident.path("channel").asString()).isEqualTo("PATROL");
		JsonNode timeline = response.json().path("timeline");
		assertThat(timeline.size()).isEqualTo(1);
		assertThat(timeline.get(0).path("action").asString()).isEqualTo("REPORT");
		assertThat(timeline.get(0).path("actorRole").asString()).isEqualTo("GRID_WORKER");
		assertThat(timeline.get(0).path("lat").asDouble()).isEqualTo(point[0]);

		String id = incident.path("id").asString();
		assertThat(api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng")).json().path("incident")
			.path("description").asString()).isEqualTo("井盖破损，有人险些踩空");
		// the answer is built from what was written, not read back (issue 16): it must be exactly what a read shows
		JsonNode readBack = api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng-g01")).json();
		assertThat(incident).isEqualTo(readBack.path("incident"));
		assertThat(timeline).isEqualTo(readBack.path("timeline"));
		assertThat(response.json().path("parts")).isEqualTo(readBack.path("parts"));
		assertThat(response.json().path("extensions")).isEqualTo(readBack.path("extensions"));
	}

	@Test
	void aReportOutsideEveryGridIsRefusedWithAChineseFieldError() {
		Response response = report("dongcheng", newKey(), body(new double[] { 10.0, 10.0 }, "ROAD_POTHOLE", "坑"));

		assertThat(response.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(response.errorFields()).containsExactly("lat");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("网格");
	}

	@Test
	void anUnknownCategoryAndMissingFieldsAreNamed() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("categoryCode", "NO_SUCH");
		Response response = report("dongcheng", newKey(), body);

		assertThat(response.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(response.errorFields()).contains("channel", "categoryCode", "description", "lat", "lng");
	}

	@Test
	void aResidentCannotNameAChannelOnlyStaffRecordNorOpen311() {
		// issue 11.10: "channel":"PATROL" or "HOTLINE_12345" from a resident was stored as given
		double[] point = api.centroid(api.orgUnitId("东城社区第1网格"));
		for (String channel : List.of("PATROL", "HOTLINE_12345", "MEETING", "OPEN311")) {
			Map<String, Object> body = body(point, "OTHER", "渠道 " + channel + " " + UUID.randomUUID());
			body.put("channel", channel);
			Response refused = report("jumin01", newKey(), body);
			assertThat(refused.problemCode(400)).as(channel).isEqualTo("VALIDATION_FAILED");
			assertThat(refused.errorFields()).as(channel).containsExactly("channel");
			assertThat(refused.body()).contains("只能由工作人员登记");
		}
		Map<String, Object> own = body(point, "OTHER", "居民随手拍 " + UUID.randomUUID());
		own.put("channel", "RESIDENT_APP");
		Response accepted = report("jumin01", newKey(), own);
		assertThat(accepted.status()).as(accepted.brief()).isEqualTo(201);
		assertThat(accepted.json().path("incident").path("channel").asString()).isEqualTo("RESIDENT_APP");
		// staff record what reached them, but not as an Open311 client
		Map<String, Object> hotline = body(point, "OTHER", "12345 转办 " + UUID.randomUUID());
		hotline.put("channel", "HOTLINE_12345");
		assertThat(report("dongcheng-g01", newKey(), hotline).status()).isEqualTo(201);
		Map<String, Object> pretended = body(point, "OTHER", "冒充 Open311 " + UUID.randomUUID());
		pretended.put("channel", "OPEN311");
		assertThat(report("dongcheng-g01", newKey(), pretended).errorFields()).containsExactly("channel");
	}

	@Test
	void aReportWithoutAnIdempotencyKeyIsRefused() {
		Response response = report("dongcheng", null, body(api.centroid(api.orgUnitId("东城社区第1网格")), "OTHER", "x"));

		assertThat(response.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(response.errorFields()).containsExactly("Idempotency-Key");
	}

	@Test
	void theSeedCategoriesAreDataGroupedUnderTheirClasses() {
		List<JsonNode> categories = api.get("/api/v1/incident-categories", api.tokenOf("jumin01")).list();

		assertThat(categories).extracting(c -> c.path("name").asString())
			.contains("井盖破损", "道路坑洼", "卫生死角", "车辆乱停", "高空抛物", "电线乱拉", "公共区域乱占乱堆", "消防通道堵塞", "大树修枝",
					"外墙排危", "电梯加装", "企业招工", "矛盾纠纷", "独居老人求助");
		assertThat(categories).filteredOn(c -> c.path("code").asString().equals("MANHOLE_COVER"))
			.singleElement()
			.satisfies(c -> {
				assertThat(c.path("className").asString()).isEqualTo("市容环境");
				assertThat(c.path("standard").asString()).isEqualTo("GBT30428");
			});
		assertThat(categories).filteredOn(c -> c.path("code").asString().equals("FIRM_RECRUITMENT"))
			.singleElement()
			.satisfies(c -> assertThat(c.path("standard").asString()).isEqualTo("COMMUNITY"));
	}

	// --- idempotency ------------------------------------------------------------------------------------------------

	@Test
	void aReplayReturnsTheOriginalResultAndADifferentBodyUnderTheSameKeyIs422() {
		double[] point = api.centroid(api.orgUnitId("东城社区第1网格"));
		String key = newKey();

		Response first = report("dongcheng", key, body(point, "ILLEGAL_PARKING", "车辆乱停堵住单元门"));
		Response replay = report("dongcheng", key, body(point, "ILLEGAL_PARKING", "车辆乱停堵住单元门"));

		assertThat(first.status()).as(first.brief()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.body()).isEqualTo(first.body());
		String id = first.json().path("incident").path("id").asString();
		assertThat(countIncidentsWithDescription("车辆乱停堵住单元门")).isEqualTo(1);

		Response changed = report("dongcheng", key, body(point, "ILLEGAL_PARKING", "另一件事"));
		assertThat(changed.problemCode(422)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng")).status()).isEqualTo(200);
	}

	@Test
	void aSubmissionWhileTheSameKeyIsStillInProgressIs409() throws Exception {
		String key = newKey();
		UUID userId = UUID.fromString(api.get("/api/v1/me", api.tokenOf("dongcheng")).json().path("id").asString());
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			// stand in for a first submission that is still running: it holds the key's lock until it ends
			try (PreparedStatement lock = connection
				.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
				lock.setString(1, userId + ":" + key);
				lock.execute();
			}
			Response response = report("dongcheng", key, body(api.centroid(api.orgUnitId("东城社区第1网格")), "OTHER",
					"仍在处理"));
			assertThat(response.problemCode(409)).isEqualTo("IDEMPOTENCY_IN_PROGRESS");
			connection.rollback();
		}
		Response after = report("dongcheng", key, body(api.centroid(api.orgUnitId("东城社区第1网格")), "OTHER", "仍在处理"));
		assertThat(after.status()).as(after.brief()).isEqualTo(201);
	}

	@Test
	void fiftyIdenticalSubmissionsAtOnceCreateExactlyOneIncident() throws Exception {
		String key = newKey();
		String description = "五十次同时提交 " + key;
		String json = ApiClient.json(body(api.centroid(api.orgUnitId("东城社区第1网格")), "SANITATION_BLACKSPOT",
				description));
		String token = api.tokenOf("dongcheng");
		List<CompletableFuture<Response>> futures = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			futures.add(sendReport(token, key, json));
		}
		List<Response> responses = futures.stream().map(CompletableFuture::join).toList();

		assertThat(countIncidentsWithDescription(description)).isEqualTo(1);
		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.brief()).isIn(201, 409));
		List<String> ids = responses.stream()
			.filter(r -> r.status() == 201)
			.map(r -> r.json().path("incident").path("id").asString())
			.distinct()
			.toList();
		assertThat(ids).hasSize(1);
	}

	// --- scope ------------------------------------------------------------------------------------------------------

	@Test
	void anIncidentOfDongchengIsNotFoundForMudong() {
		String id = newIncident("dongcheng-g01");

		assertThat(api.get("/api/v1/incidents/" + id, api.tokenOf("mudong")).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/v1/incidents/" + id + "/accept", api.tokenOf("mudong"), Map.of()).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/incidents", api.tokenOf("mudong")).list())
			.noneMatch(i -> i.path("id").asString().equals(id));
		assertThat(api.get("/api/v1/incidents?state=REPORTED&gridId=" + api.orgUnitId("东城社区第1网格"),
				api.tokenOf("dongcheng")).list()).anyMatch(i -> i.path("id").asString().equals(id));
	}

	// --- the steps ----------------------------------------------------------------------------------------------

	@Test
	void anIncidentIsAcceptedTriagedWhistledAndClaimedEachStepOnTheTimeline() {
		String id = newIncident("dongcheng-g01");
		String leader = api.tokenOf("dongcheng-g01");

		assertThat(step(id, "accept", leader, Map.of()).path("incident").path("state").asString())
			.isEqualTo("ACCEPTED");
		assertThat(step(id, "triage", leader, Map.of("triage", "COMMUNITY")).path("incident").path("triage")
			.asString()).isEqualTo("COMMUNITY");
		JsonNode whistled = step(id, "whistle", leader, Map.of("type", "QUICK", "lat", 29.4, "lng", 106.5));
		assertThat(whistled.path("incident").path("whistleType").asString()).isEqualTo("QUICK");
		JsonNode claimed = step(id, "claim", api.tokenOf("dangyuan01"), Map.of());
		assertThat(claimed.path("incident").path("state").asString()).isEqualTo("CLAIMED");

		List<String> actions = new ArrayList<>();
		claimed.path("timeline").forEach(e -> actions.add(e.path("action").asString() + ":"
				+ e.path("actorRole").asString() + ":" + e.path("toState").asString()));
		assertThat(actions).containsExactly("REPORT:GRID_WORKER:REPORTED", "ACCEPT:GRID_WORKER:ACCEPTED",
				"TRIAGE:GRID_WORKER:TRIAGED", "WHISTLE:GRID_WORKER:WHISTLED", "CLAIM:PARTY_MEMBER:CLAIMED");
		assertThat(claimed.path("timeline").get(3).path("lat").asDouble()).isEqualTo(29.4);
	}

	@Test
	void aRejectionNeedsAReasonAndEndsTheIncident() {
		String id = newIncident("dongcheng");
		String staff = api.tokenOf("dongcheng");

		assertThat(api.post("/api/v1/incidents/" + id + "/reject", staff, Map.of()).problemCode(400))
			.isEqualTo("VALIDATION_FAILED");
		JsonNode rejected = step(id, "reject", staff, Map.of("reason", "DUPLICATE", "note", "同第3网格已报"));
		assertThat(rejected.path("incident").path("rejectReason").asString()).isEqualTo("DUPLICATE");

		Response accept = api.post("/api/v1/incidents/" + id + "/accept", staff, Map.of());
		assertThat(accept.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(accept.json().path("detail").asString()).contains("REJECTED");
	}

	@Test
	void aPrivateMatterIsClosedWithItsNote() {
		String id = newIncident("dongcheng");
		String staff = api.tokenOf("dongcheng");
		step(id, "accept", staff, Map.of());

		assertThat(api.post("/api/v1/incidents/" + id + "/triage", staff, Map.of("triage", "PRIVATE")).errorFields())
			.containsExactly("note");
		JsonNode closed = step(id, "triage", staff, Map.of("triage", "PRIVATE", "note", "建议邻里协商"));
		assertThat(closed.path("incident").path("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("timeline").get(2).path("detail").asString()).isEqualTo("PRIVATE: 建议邻里协商");
	}

	@Test
	void illegalStepsAreRefusedNamingTheCurrentStateAndLeaveNoTrace() {
		String id = newIncident("dongcheng");
		String staff = api.tokenOf("dongcheng");

		Response whistle = api.post("/api/v1/incidents/" + id + "/whistle", staff, Map.of("type", "QUICK"));
		assertThat(whistle.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(whistle.json().path("detail").asString()).contains("REPORTED");
		assertThat(api.post("/api/v1/incidents/" + id + "/claim", api.tokenOf("dangyuan01"), Map.of())
			.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		// a party member may not accept, whatever the state
		assertThat(api.post("/api/v1/incidents/" + id + "/accept", api.tokenOf("dangyuan01"), Map.of())
			.problemCode(403)).isEqualTo("ROLE_NOT_ALLOWED");

		JsonNode detail = api.get("/api/v1/incidents/" + id, staff).json();
		assertThat(detail.path("incident").path("state").asString()).isEqualTo("REPORTED");
		assertThat(detail.path("timeline").size()).isEqualTo(1);
	}

	@Test
	void ofTwentyConcurrentClaimsExactlyOneWins() throws Exception {
		String id = newIncident("dongcheng-g01");
		String leader = api.tokenOf("dongcheng-g01");
		step(id, "accept", leader, Map.of());
		step(id, "triage", leader, Map.of("triage", "COMMUNITY"));
		step(id, "whistle", leader, Map.of("type", "QUICK"));
		String member = api.tokenOf("dangyuan01");

		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> claims = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
			for (int i = 0; i < 20; i++) {
				claims.add(pool.submit(() -> {
					start.await();
					return api.post("/api/v1/incidents/" + id + "/claim", member, Map.of());
				}));
			}
			start.countDown();
		}
		List<Response> responses = new ArrayList<>();
		for (Future<Response> claim : claims) {
			responses.add(claim.get());
		}

		assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
		assertThat(responses.stream().filter(r -> r.status() != 200))
			.hasSize(19)
			.allSatisfy(r -> {
				assertThat(r.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
				assertThat(r.json().path("detail").asString()).contains("CLAIMED");
			});
		JsonNode detail = api.get("/api/v1/incidents/" + id, leader).json();
		assertThat(detail.path("timeline").size()).isEqualTo(5);
		assertThat(detail.path("incident").path("claimedBy").asString())
			.isEqualTo(api.get("/api/v1/me", member).json().path("id").asString());
	}

	// --- after the claim: check-in, resolution, verification, rework, rating -------------------------------------

	@Test
	void theWholeLoopFromReportToRatingForTheFirstGrid() {
		double[] point = api.centroid(api.orgUnitId("东城社区第1网格"));
		String id = claimedIncident();
		String member = api.tokenOf("dangyuan01");

		JsonNode checkedIn = step(id, "check-in", member, withPhoto(id, member, Map.of("lat", point[0], "lng", point[1])));
		assertThat(checkedIn.path("incident").path("state").asString()).isEqualTo("CHECKED_IN");
		assertThat(checkedIn.path("incident").path("checkInDistanceM").asDouble()).isLessThan(1.0);
		assertThat(checkedIn.path("incident").path("checkInFlagged").asBoolean()).isFalse();
		step(id, "resolve", member, withPhoto(id, member, Map.of("note", "杂物已清运")));
		JsonNode closed = step(id, "verify", api.tokenOf("dongcheng-g01"), Map.of("note", "现场核查通过"));
		assertThat(closed.path("incident").path("state").asString()).isEqualTo("CLOSED");
		JsonNode rated = step(id, "rate", api.tokenOf("dongcheng"), Map.of("rating", "SATISFIED", "comment", "回访满意"));
		assertThat(rated.path("incident").path("state").asString()).isEqualTo("RATED");
		assertThat(rated.path("incident").path("rating").asString()).isEqualTo("SATISFIED");
		assertThat(rated.path("incident").path("ratingComment").asString()).isEqualTo("回访满意");

		List<String> actions = new ArrayList<>();
		rated.path("timeline").forEach(e -> actions.add(e.path("action").asString() + ":"
				+ e.path("actorRole").asString() + ":" + e.path("toState").asString()));
		// the check-in and the resolution each came with a photo the member added first
		assertThat(actions).filteredOn(a -> a.startsWith("PHOTO:"))
			.containsExactly("PHOTO:PARTY_MEMBER:CLAIMED", "PHOTO:PARTY_MEMBER:CHECKED_IN");
		actions.removeIf(a -> a.startsWith("PHOTO:"));
		assertThat(actions).containsExactly("REPORT:GRID_WORKER:REPORTED", "ACCEPT:GRID_WORKER:ACCEPTED",
				"TRIAGE:GRID_WORKER:TRIAGED", "WHISTLE:GRID_WORKER:WHISTLED", "CLAIM:PARTY_MEMBER:CLAIMED",
				"CHECK_IN:PARTY_MEMBER:CHECKED_IN", "RESOLVE:PARTY_MEMBER:RESOLVED", "VERIFY:GRID_WORKER:VERIFIED",
				"CLOSE:GRID_WORKER:CLOSED", "RATE:COMMUNITY_STAFF:RATED");
		assertThat(entry(rated, "CHECK_IN").path("flagged").asBoolean()).isFalse();
		assertThat(entry(rated, "CHECK_IN").path("photoIds").size()).isEqualTo(1);
		assertThat(entry(rated, "RESOLVE").path("photoIds").size()).isEqualTo(1);
		assertThat(entry(rated, "RATE").path("detail").asString()).isEqualTo("SATISFIED: 回访满意");

		// the reporter himself cannot rate it a second time either
		Response again = api.post("/api/v1/incidents/" + id + "/rate", api.tokenOf("dongcheng-g01"),
				Map.of("rating", "UNSATISFIED", "comment", "再评一次"));
		assertThat(again.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		Response twice = api.post("/api/v1/incidents/" + id + "/rate", api.tokenOf("dongcheng"),
				Map.of("rating", "BASICALLY_SATISFIED"));
		assertThat(twice.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(twice.json().path("detail").asString()).contains("RATED");
		assertThat(api.get("/api/v1/incidents/" + id, member).json().path("timeline").size()).isEqualTo(12);
	}

	@Test
	void aFarCheckInIsAllowedButFlaggedOnTheTimelineAndTheIncident() {
		double[] point = api.centroid(api.orgUnitId("东城社区第1网格"));
		String id = claimedIncident();

		// a hundredth of a degree north: about 1.1 km, beyond the default radius of 500 m
		JsonNode far = step(id, "check-in", api.tokenOf("dangyuan01"), withPhoto(id, api.tokenOf("dangyuan01"), Map.of("lat", point[0] + 0.01, "lng", point[1])));

		assertThat(far.path("incident").path("state").asString()).isEqualTo("CHECKED_IN");
		assertThat(far.path("incident").path("checkInFlagged").asBoolean()).isTrue();
		assertThat(far.path("incident").path("checkInDistanceM").asDouble()).isBetween(1100.0, 1125.0);
		JsonNode entry = entry(far, "CHECK_IN");
		assertThat(entry.path("flagged").asBoolean()).isTrue();
		assertThat(entry.path("distanceM").asDouble()).isBetween(1100.0, 1125.0);
		assertThat(entry.path("detail").asString()).startsWith("FLAGGED");
		assertThat(entry.path("lat").asDouble()).isEqualTo(point[0] + 0.01);
	}

	@Test
	void aCheckInNeedsAPositionAndOnlyTheClaimerMayCheckIn() {
		String id = claimedIncident();

		assertThat(api.post("/api/v1/incidents/" + id + "/check-in", api.tokenOf("dangyuan01"), Map.of())
			.errorFields()).containsExactly("lat", "lng");
		assertThat(api.post("/api/v1/incidents/" + id + "/check-in", api.tokenOf("dongcheng-g01"),
				Map.of("lat", 29.4, "lng", 106.5)).problemCode(403)).isEqualTo("NOT_THE_HANDLER");
		Response resolve = api.post("/api/v1/incidents/" + id + "/resolve", api.tokenOf("dangyuan01"),
				Map.of("note", "未报到先办结"));
		assertThat(resolve.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(resolve.json().path("detail").asString()).contains("CLAIMED");

		// an order claimed by one member is not another's to check in
		assertThat(api.post("/api/v1/incidents/" + id + "/check-in", api.tokenOf("dangyuan02"),
				Map.of("lat", 29.4, "lng", 106.5)).problemCode(403)).isEqualTo("NOT_THE_HANDLER");
		// and a check-in without a photo of the site is refused
		assertThat(api.post("/api/v1/incidents/" + id + "/check-in", api.tokenOf("dangyuan01"),
				Map.of("lat", 29.4, "lng", 106.5)).errorFields()).containsExactly("photoIds");
	}

	@Test
	void theClaimerCannotVerifyHisOwnWork() {
		String id = resolvedIncident();

		// a party member is no verifier at all
		assertThat(api.post("/api/v1/incidents/" + id + "/verify", api.tokenOf("dangyuan01"), Map.of())
			.problemCode(403)).isEqualTo("ROLE_NOT_ALLOWED");
		// and a verifier who claimed the order himself may not pass his own work either
		UUID leaderId = UUID.fromString(api.get("/api/v1/me", api.tokenOf("dongcheng-g01")).json().path("id")
			.asString());
		setClaimer(id, leaderId);
		assertThat(api.post("/api/v1/incidents/" + id + "/verify", api.tokenOf("dongcheng-g01"), Map.of())
			.problemCode(403)).isEqualTo("OWN_WORK");
		assertThat(api.post("/api/v1/incidents/" + id + "/rework", api.tokenOf("dongcheng-g01"),
				Map.of("note", "x")).problemCode(403)).isEqualTo("OWN_WORK");
		assertThat(step(id, "verify", api.tokenOf("dongcheng"), Map.of()).path("incident").path("state").asString())
			.isEqualTo("CLOSED");
	}

	@Test
	void aReworkGoesBackToTheClaimerAndASecondResolutionClosesIt() {
		double[] point = api.centroid(api.orgUnitId("东城社区第1网格"));
		String id = resolvedIncident();
		String member = api.tokenOf("dangyuan01");
		String staff = api.tokenOf("dongcheng");

		assertThat(api.post("/api/v1/incidents/" + id + "/rework", staff, Map.of()).errorFields())
			.containsExactly("note");
		JsonNode rework = step(id, "rework", staff, Map.of("note", "楼道仍有纸箱"));
		assertThat(rework.path("incident").path("state").asString()).isEqualTo("REWORK");
		assertThat(rework.path("incident").path("claimedBy").asString())
			.isEqualTo(api.get("/api/v1/me", member).json().path("id").asString());
		Response verifyTooEarly = api.post("/api/v1/incidents/" + id + "/verify", staff, Map.of());
		assertThat(verifyTooEarly.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(verifyTooEarly.json().path("detail").asString()).contains("REWORK");

		step(id, "check-in", member, withPhoto(id, member, Map.of("lat", point[0], "lng", point[1])));
		step(id, "resolve", member, withPhoto(id, member, Map.of("note", "纸箱已全部清走")));
		JsonNode closed = step(id, "verify", staff, Map.of());
		assertThat(closed.path("incident").path("state").asString()).isEqualTo("CLOSED");
		List<String> actions = new ArrayList<>();
		closed.path("timeline").forEach(e -> actions.add(e.path("action").asString()));
		assertThat(actions).containsSubsequence("CHECK_IN", "RESOLVE", "REWORK", "CHECK_IN", "RESOLVE", "VERIFY",
				"CLOSE");

		assertThat(api.post("/api/v1/incidents/" + id + "/rate", staff, Map.of("rating", "UNSATISFIED"))
			.errorFields()).containsExactly("comment");
		assertThat(step(id, "rate", staff, Map.of("rating", "UNSATISFIED", "comment", "拖得太久")).path("incident")
			.path("rating").asString()).isEqualTo("UNSATISFIED");
	}

	@Test
	void theLoopStepsOfADongchengIncidentAreNotFoundForMudong() {
		String id = resolvedIncident();
		String mudong = api.tokenOf("mudong");

		for (String step : List.of("check-in", "resolve", "verify", "rework", "rate")) {
			assertThat(api.post("/api/v1/incidents/" + id + "/" + step, mudong,
					Map.of("lat", 29.4, "lng", 106.5, "note", "x", "rating", "SATISFIED")).problemCode(404))
				.as(step)
				.isEqualTo("NOT_FOUND");
		}
		assertThat(api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng")).json().path("incident").path("state")
			.asString()).isEqualTo("RESOLVED");
	}

	// --- helpers ----------------------------------------------------------------------------------------------------

	private String newIncident(String username) {
		Response response = report(username, newKey(),
				body(api.centroid(api.orgUnitId("东城社区第1网格")), "PUBLIC_SPACE_CLUTTER", "楼道乱堆杂物"));
		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		return response.json().path("incident").path("id").asString();
	}

	private JsonNode step(String id, String step, String token, Map<String, Object> body) {
		Response response = api.post("/api/v1/incidents/" + id + "/" + step, token, body);
		assertThat(response.status()).as("%s: %s", step, response.brief()).isEqualTo(200);
		return response.json();
	}

	private String claimedIncident() {
		String id = newIncident("dongcheng-g01");
		String leader = api.tokenOf("dongcheng-g01");
		step(id, "accept", leader, Map.of());
		step(id, "triage", leader, Map.of("triage", "COMMUNITY"));
		step(id, "whistle", leader, Map.of("type", "QUICK"));
		step(id, "claim", api.tokenOf("dangyuan01"), Map.of());
		return id;
	}

	private String resolvedIncident() {
		double[] point = api.centroid(api.orgUnitId("东城社区第1网格"));
		String id = claimedIncident();
		String member = api.tokenOf("dangyuan01");
		step(id, "check-in", member, withPhoto(id, member, Map.of("lat", point[0], "lng", point[1])));
		step(id, "resolve", member, withPhoto(id, member, Map.of("note", "杂物已清运")));
		return id;
	}

	/** Stands in for a verifier who claimed the order himself (no demo account is both). */
	private void setClaimer(String id, UUID userId) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement update = connection
					.prepareStatement("update incident.incident set claimed_by = ? where id = ?")) {
			update.setObject(1, userId);
			update.setObject(2, UUID.fromString(id));
			update.executeUpdate();
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The first timeline entry of an action. */
	private static JsonNode entry(JsonNode detail, String action) {
		for (JsonNode e : detail.path("timeline")) {
			if (e.path("action").asString().equals(action)) {
				return e;
			}
		}
		throw new AssertionError("no " + action + " in " + detail.path("timeline"));
	}

	/** The body with a photo the user just uploaded to the incident (check-in and resolution need one). */
	private Map<String, Object> withPhoto(String id, String token, Map<String, Object> body) {
		Map<String, Object> withPhoto = new LinkedHashMap<>(body);
		withPhoto.put("photoIds", List.of(api.uploadPhoto(token, id)));
		return withPhoto;
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	private static Map<String, Object> body(double[] point, String category, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PATROL");
		body.put("categoryCode", category);
		body.put("description", description);
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		return body;
	}

	private Response report(String username, String key, Object body) {
		return sendReport(api.tokenOf(username), key, ApiClient.json(body)).join();
	}

	private CompletableFuture<Response> sendReport(String token, String key, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return HTTP.sendAsync(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()));
	}


	private int countIncidentsWithDescription(String description) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement count = connection
					.prepareStatement("select count(*) from incident.incident where description = ?")) {
			count.setString(1, description);
			try (var rs = count.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}

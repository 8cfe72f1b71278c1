package org.zhizhi.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
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
import org.zhizhi.ApiClient.Part;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.TestPhotos;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 13 over HTTP: the seeds' figures read back (龙锦's 32 rider files, 18 sponsors, 22 gifts and services, 22
 * redemptions; the virtue bank's notice board), a resident's claim through vetting, public notice and the sweep to
 * his account and on to a redemption the sponsor confirms with his code; the last one in stock to exactly one of two;
 * a rider's accepted 随手报 paying his points; and the refusals.
 */
@ZhizhiIntegrationTest
class PointsApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	PointsSweeps sweeps;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void longjinsRiderSchemeHoldsTheSeedsFigures() {
		String desk = api.tokenOf("longjin");
		JsonNode riders = scheme(desk, "RIDER");
		JsonNode view = api.get("/api/v1/points/schemes/" + riders.path("id").asString(), desk).json();
		assertThat(view.path("scheme").path("name").asString()).isEqualTo("龙锦社区先锋骑士积分");
		assertThat(view.path("sponsors").size()).as("18 caring businesses").isEqualTo(18);
		assertThat(view.path("rewards").size()).as("22 gifts and services").isEqualTo(22);
		long value = 0;
		for (JsonNode reward : view.path("rewards")) {
			value += reward.path("price").asLong() * reward.path("stock").asLong();
		}
		assertThat(value).as("goods and services worth over ¥10,000 (¥1 a point), even what is left").isGreaterThan(10_000);
		// the demo's year holds 22; tests (a rider's journey) may add today's
		assertThat(jdbc.sql("""
				SELECT count(*) FROM points.redemption WHERE scheme_id = :scheme AND state = 'CONFIRMED'
				   AND held_at < :today""")
			.param("scheme", UUID.fromString(riders.path("id").asString()))
			.param("today", java.sql.Timestamp.from(clock.today().atStartOfDay(TestClock.CHINA).toInstant()))
			.query(Long.class)
			.single()).as("22 redemptions").isEqualTo(22);
		assertThat(view.path("figures").path("redemptions").asLong()).isGreaterThanOrEqualTo(22);
		assertThat(view.path("figures").path("yuan").decimalValue())
			.isEqualByComparingTo(view.path("figures").path("points").decimalValue());
		List<JsonNode> board = api.get("/api/v1/points/schemes/" + riders.path("id").asString() + "/ranking?limit=100",
				desk).list();
		assertThat(board).as("32 riders with a points file").hasSize(32);
		assertThat(board).allSatisfy(s -> assertThat(s.path("name").asString()).contains("*"));
		assertThat(api.get("/api/v1/points/schemes/" + riders.path("id").asString() + "/audit", desk).json()
			.path("sound").asBoolean()).isTrue();

		// qishou01's own file: over a dozen deeds earned through the year
		String rider = api.tokenOf("qishou01");
		JsonNode mine = api.get("/api/v1/points/accounts/mine", rider).list().getFirst();
		assertThat(mine.path("scheme").path("kind").asString()).isEqualTo("RIDER");
		JsonNode statement = api.get("/api/v1/points/accounts/" + mine.path("account").path("id").asString(), rider)
			.json();
		assertThat(statement.path("lines").size()).isGreaterThanOrEqualTo(14);
		// nobody else reads it
		assertThat(api.get("/api/v1/points/accounts/" + mine.path("account").path("id").asString(),
				api.tokenOf("jumin01")).status()).isEqualTo(404);
	}

	@Test
	void aResidentsClaimGoesOnNoticeIsCreditedAndRedeemedAtTheSponsorWithHisCode() {
		String zhang = api.tokenOf("jumin01");
		String desk = api.tokenOf("dongcheng");
		JsonNode virtue = scheme(zhang, "VIRTUE");
		String schemeId = virtue.path("id").asString();
		long before = balance(zhang, "VIRTUE");

		// a claim without its photo, of an item that does not exist, of a day to come: field problems, nothing made
		Map<String, Object> claim = new LinkedHashMap<>();
		claim.put("schemeId", schemeId);
		claim.put("ruleCode", "no-such-item");
		claim.put("deedOn", clock.today().plusDays(1).toString());
		claim.put("description", "清扫 1 单元楼道");
		Response refused = api.postMultipart("/api/v1/points/claims", zhang, Map.of("claim", Part.json(claim)));
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).contains("ruleCode", "deedOn", "photo");

		claim.put("ruleCode", "neighbours-stairwell");
		claim.put("deedOn", clock.today().toString());
		Map<String, Part> parts = new LinkedHashMap<>();
		parts.put("claim", Part.json(claim));
		parts.put("photo", Part.jpeg(TestPhotos.jpeg(new Color(90, 140, 200))));
		Response submitted = api.postMultipart("/api/v1/points/claims", zhang, parts);
		assertThat(submitted.status()).as(submitted.brief()).isEqualTo(201);
		String id = submitted.json().path("id").asString();
		assertThat(submitted.json().path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.json().path("allowedActions").toString()).contains("WITHDRAW").doesNotContain("APPROVE");

		// he does not vet his own; the desk does, and it goes on notice for 7 days
		assertThat(api.post("/api/v1/points/claims/" + id + "/approval", zhang, Map.of()).problemCode(403))
			.isEqualTo("ROLE_NOT_ALLOWED");
		JsonNode approved = api.post("/api/v1/points/claims/" + id + "/approval", desk, Map.of()).json();
		assertThat(approved.path("state").asString()).isEqualTo("ON_NOTICE");
		assertThat(approved.path("noticeUntil").asString()).isEqualTo(clock.today().plusDays(6).toString());
		List<JsonNode> notice = api.get("/api/v1/points/schemes/" + schemeId + "/notice", api.tokenOf("jumin02")).list();
		assertThat(notice).anySatisfy(n -> {
			assertThat(n.path("claimId").asString()).isEqualTo(id);
			assertThat(n.path("name").asString()).isEqualTo("张*民");
		});
		// a neighbour sees it on the board, with the objection he may raise — but not the photo or the story
		JsonNode seen = api.get("/api/v1/points/claims/" + id, api.tokenOf("jumin02")).json();
		assertThat(seen.path("allowedActions").toString()).contains("OBJECT");
		assertThat(seen.path("photoId").isNull()).isTrue();

		// the sweep leaves it alone during its notice and credits it once the notice has run
		sweeps.run(clock.instant());
		assertThat(api.get("/api/v1/points/claims/" + id, zhang).json().path("state").asString()).isEqualTo("ON_NOTICE");
		clock.advance(Duration.ofDays(7));
		zhang = api.login("jumin01", ApiClient.DEMO_PASSWORD);
		sweeps.run(clock.instant());
		sweeps.run(clock.instant());
		JsonNode credited = api.get("/api/v1/points/claims/" + id, zhang).json();
		assertThat(credited.path("state").asString()).isEqualTo("CREDITED");
		int points = credited.path("creditedPoints").asInt();
		assertThat(points).isEqualTo(3);
		assertThat(balance(zhang, "VIRTUE")).isEqualTo(before + points);

		// redeemed at the sponsor: the price held, a code; the sponsor confirms with it, once
		JsonNode detergent = reward(zhang, schemeId, "洗衣液一桶");
		Response redeemed = api.post("/api/v1/points/redemptions", zhang,
				Map.of("rewardId", detergent.path("id").asString()));
		assertThat(redeemed.status()).as(redeemed.brief()).isEqualTo(201);
		String code = redeemed.json().path("code").asString();
		assertThat(code).matches("\\d{6}");
		assertThat(balance(zhang, "VIRTUE")).isEqualTo(before + points - 15);
		String merchant = api.login("shangjia01", ApiClient.DEMO_PASSWORD);
		String wrong = code.equals("000000") ? "000001" : "000000";
		assertThat(api.post("/api/v1/points/redemptions/confirmation", merchant, Map.of("code", wrong))
			.problemCode(404)).isEqualTo("UNKNOWN_CODE");
		JsonNode confirmed = api.post("/api/v1/points/redemptions/confirmation", merchant, Map.of("code", code)).json();
		assertThat(confirmed.path("state").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.path("code").isNull()).as("the code is the person's").isTrue();
		assertThat(api.post("/api/v1/points/redemptions/confirmation", merchant, Map.of("code", code))
			.problemCode(404)).isEqualTo("UNKNOWN_CODE");
		assertThat(api.post("/api/v1/points/redemptions/" + redeemed.json().path("id").asString() + "/cancellation",
				zhang, Map.of()).problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(api.get("/api/v1/points/schemes/" + schemeId + "/audit", api.login("dongcheng",
				ApiClient.DEMO_PASSWORD)).json().path("sound").asBoolean()).isTrue();
	}

	@Test
	void theLastOneInStockGoesToExactlyOneAndACancellationGivesItBack() {
		String desk = api.tokenOf("dongcheng");
		String li = api.tokenOf("jumin02");
		String wang = api.tokenOf("jumin03");
		JsonNode virtue = scheme(desk, "VIRTUE");
		String schemeId = virtue.path("id").asString();
		String pharmacy = api.get("/api/v1/points/schemes/" + schemeId, desk).json().path("sponsors").findParents("name")
			.stream()
			.filter(s -> s.path("name").asString().equals("界石康宁药房"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		Map<String, Object> reward = new LinkedHashMap<>();
		reward.put("sponsorId", pharmacy);
		reward.put("name", "血压计一台 " + UUID.randomUUID().toString().substring(0, 4));
		reward.put("price", 5);
		reward.put("stock", 1);
		reward.put("validUntil", clock.today().plusDays(30).toString());
		reward.put("place", "界石康宁药房");
		Response listed = api.post("/api/v1/points/rewards", desk, reward);
		assertThat(listed.status()).as(listed.brief()).isEqualTo(201);
		String rewardId = listed.json().path("id").asString();
		long liBefore = balance(li, "VIRTUE");
		long wangBefore = balance(wang, "VIRTUE");

		CompletableFuture<Response> first = api.sendAsync("POST", "/api/v1/points/redemptions", li,
				ApiClient.json(Map.of("rewardId", rewardId)));
		CompletableFuture<Response> second = api.sendAsync("POST", "/api/v1/points/redemptions", wang,
				ApiClient.json(Map.of("rewardId", rewardId)));
		List<Response> both = List.of(first.join(), second.join());
		assertThat(both).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
		Response lost = both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
		assertThat(lost.problemCode(409)).isEqualTo("OUT_OF_STOCK");
		assertThat(balance(li, "VIRTUE") + balance(wang, "VIRTUE")).as("one price held")
			.isEqualTo(liBefore + wangBefore - 5);

		Response won = both.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
		String winner = won == both.get(0) ? li : wang;
		JsonNode cancelled = api.post("/api/v1/points/redemptions/" + won.json().path("id").asString()
				+ "/cancellation", winner, Map.of()).json();
		assertThat(cancelled.path("state").asString()).isEqualTo("CANCELLED");
		assertThat(balance(li, "VIRTUE") + balance(wang, "VIRTUE")).isEqualTo(liBefore + wangBefore);
		assertThat(reward(desk, schemeId, listed.json().path("name").asString()).path("stock").asInt()).isEqualTo(1);
	}

	@Test
	void theBlackBoardTakesADecisionAndAnExpiryAndThePublicSeesMaskedNamesOnly() throws Exception {
		String desk = api.tokenOf("dongcheng");
		JsonNode virtue = scheme(desk, "VIRTUE");
		String schemeId = virtue.path("id").asString();
		String jumin01 = api.get("/api/v1/me", api.tokenOf("jumin01")).json().path("id").asString();
		Map<String, Object> black = new LinkedHashMap<>();
		black.put("board", "BLACK");
		black.put("personId", jumin01);
		black.put("reason", "楼道里堆放杂物，多次劝导不改");
		Response refused = api.post("/api/v1/points/schemes/" + schemeId + "/honours", desk, black);
		assertThat(refused.errorFields()).containsExactly("decision", "expiresOn");
		black.put("decision", "经 12 月居民代表议事协商会议表决，上黑榜一个月");
		black.put("expiresOn", clock.today().plusDays(30).toString());
		assertThat(api.post("/api/v1/points/schemes/" + schemeId + "/honours", desk, black).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/points/schemes/" + schemeId + "/honours", api.tokenOf("jumin02"), black)
			.status()).isEqualTo(403);

		List<JsonNode> seenByDesk = api.get("/api/v1/points/schemes/" + schemeId + "/honours", desk).list();
		assertThat(seenByDesk).anySatisfy(h -> {
			assertThat(h.path("board").asString()).isEqualTo("BLACK");
			assertThat(h.path("decision").asString()).contains("居民代表");
		});
		assertThat(seenByDesk).anySatisfy(h -> assertThat(h.path("board").asString()).isEqualTo("RED"));
		var page = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
					+ "/public/points/" + virtue.path("code").asString())).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("道德红黑榜", "张*民", "楼道里堆放杂物").doesNotContain("张居民")
			.doesNotContain("居民代表议事协商会议表决");

		// past its expiry it leaves the board by itself
		clock.advance(Duration.ofDays(31));
		assertThat(api.get("/api/v1/points/schemes/" + schemeId + "/honours", api.login("dongcheng",
				ApiClient.DEMO_PASSWORD)).list()).noneSatisfy(h -> assertThat(h.path("board").asString())
			.isEqualTo("BLACK"));
	}

	@Test
	void theDeskNeverVetsItsOwnNomination() {
		String desk = api.tokenOf("dongcheng");
		JsonNode virtue = scheme(desk, "VIRTUE");
		String jumin02 = api.get("/api/v1/me", api.tokenOf("jumin02")).json().path("id").asString();
		Map<String, Object> nomination = new LinkedHashMap<>();
		nomination.put("schemeId", virtue.path("id").asString());
		nomination.put("ruleCode", "city-sorting");
		nomination.put("deedOn", clock.today().toString());
		nomination.put("description", "垃圾分类做得好，带动整个单元");
		nomination.put("nomineeId", jumin02);
		Response nominated = api.post("/api/v1/points/claims", desk, nomination);
		assertThat(nominated.status()).as(nominated.brief()).isEqualTo(201);
		assertThat(nominated.json().path("allowedActions").toString()).doesNotContain("APPROVE");
		assertThat(api.post("/api/v1/points/claims/" + nominated.json().path("id").asString() + "/approval", desk,
				Map.of()).problemCode(403)).isEqualTo("OWN_CLAIM");
		// nor does the person object to his own deed
		assertThat(api.post("/api/v1/points/claims/" + nominated.json().path("id").asString() + "/withdrawal", desk,
				Map.of()).json().path("state").asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void aRidersReportAcceptedByTheGridPaysHisPoints() throws Exception {
		String rider = api.tokenOf("qishou01");
		long before = balance(rider, "RIDER");
		double[] point = api.centroid("龙锦社区第1网格");
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("channel", "RIDER");
		report.put("categoryCode", "OTHER");
		report.put("description", "送餐路上看到井盖松动 " + UUID.randomUUID());
		report.put("lat", point[0]);
		report.put("lng", point[1]);
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/incidents"))
				.header("Authorization", "Bearer " + rider)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.json(report),
						java.nio.charset.StandardCharsets.UTF_8))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		String incident = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body())
			.path("incident").path("id").asString();
		Response accepted = api.post("/api/v1/incidents/" + incident + "/accept", api.tokenOf("longjin"), Map.of());
		assertThat(accepted.status()).as(accepted.brief()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(balance(rider, "RIDER")).isEqualTo(before + 2));
	}

	private JsonNode scheme(String token, String kind) {
		return api.get("/api/v1/points/schemes", token)
			.list()
			.stream()
			.filter(s -> s.path("kind").asString().equals(kind))
			.findFirst()
			.orElseThrow();
	}

	private long balance(String token, String kind) {
		return api.get("/api/v1/points/accounts/mine", token)
			.list()
			.stream()
			.filter(a -> a.path("scheme").path("kind").asString().equals(kind))
			.mapToLong(a -> a.path("account").path("balance").asLong())
			.sum();
	}

	private JsonNode reward(String token, String schemeId, String name) {
		return api.get("/api/v1/points/rewards?schemeId=" + schemeId, token)
			.list()
			.stream()
			.filter(r -> r.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow();
	}
}

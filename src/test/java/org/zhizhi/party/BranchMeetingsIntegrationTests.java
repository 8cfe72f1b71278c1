package org.zhizhi.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * 三会一课 and 主题党日 through the API on the real database, each test with a branch of its own under 下新新社区:
 * scheduling by the kinds the level holds, a member's sign-in on his phone — two at once make one attendance and one
 * award of 党员积分 — the secretary's record, the minutes, and the rhythm that flags a branch behind.
 */
@ZhizhiIntegrationTest
class BranchMeetingsIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	private String banan;

	private String branchId;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		banan = api.tokenOf("banan");
		Response branch = api.post("/api/v1/party-orgs", banan, Map.of("name",
				"下新新测试党支部" + UUID.randomUUID().toString().substring(0, 6), "level", "BRANCH", "placeId",
				api.orgUnitId("下新新社区").toString()));
		assertThat(branch.status()).as(branch.brief()).isEqualTo(201);
		branchId = branch.json().path("id").asString();
	}

	private String member(String name) {
		Response created = api.post("/api/v1/party-members", banan, Map.of("orgId", branchId, "name", name, "gender",
				"FEMALE", "joinedOn", "2001-07-01", "kind", "REGULAR"));
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	/** A member with an account of his own, signed in: his token. */
	private String memberWithAccount(String memberId) {
		String username = ApiClient.uniqueUsername("it-dangyuan");
		Response account = api.post("/api/v1/accounts", banan,
				ApiClient.newAccount(username, "PARTY_MEMBER", api.orgUnitId("下新新社区"), null));
		assertThat(account.status()).as(account.brief()).isEqualTo(201);
		Response linked = api.put("/api/v1/party-members/" + memberId + "/account", banan,
				Map.of("accountId", account.json().path("id").asString()));
		assertThat(linked.status()).as(linked.brief()).isEqualTo(200);
		return api.login(username, ApiClient.TEST_PASSWORD);
	}

	private JsonNode schedule(String kind, Instant startsAt) {
		Response created = api.post("/api/v1/party-meetings", banan, Map.of("orgId", branchId, "kind", kind, "topic",
				"学习《中国共产党支部工作条例》", "place", "下新新社区党群服务中心", "startsAt", startsAt.toString()));
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		return created.json();
	}

	private List<String> meetingPointLines(String token) {
		return api.get("/api/v1/points/accounts/mine", token)
			.list()
			.stream()
			.filter(a -> a.path("scheme").path("kind").asString().equals("MEMBER"))
			.flatMap(a -> api.get("/api/v1/points/accounts/" + a.path("account").path("id").asString(), token)
				.json()
				.path("lines")
				.findValuesAsString("reason")
				.stream())
			.filter(reason -> reason.startsWith("参加组织生活"))
			.toList();
	}

	@Test
	void twoSignInsAtOnceMakeOneAttendanceAndOneAward() {
		String memberId = member("何秀英");
		String phone = memberWithAccount(memberId);
		Instant now = TestClock.current().instant();
		String meeting = schedule("THEME_DAY", now.plus(Duration.ofMinutes(30))).path("meeting").path("id").asString();

		List<CompletableFuture<Response>> twice = List.of(
				api.sendAsync("POST", "/api/v1/party-meetings/" + meeting + "/sign-in", phone, null),
				api.sendAsync("POST", "/api/v1/party-meetings/" + meeting + "/sign-in", phone, null));
		List<Response> answers = twice.stream().map(CompletableFuture::join).toList();
		assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.brief()).isEqualTo(200));
		assertThat(answers).extracting(a -> a.json().path("already").asBoolean()).containsExactlyInAnyOrder(true,
				false);

		JsonNode detail = api.get("/api/v1/party-meetings/" + meeting, banan).json();
		assertThat(detail.path("present").asLong()).isEqualTo(1);
		assertThat(detail.path("expected").asLong()).isEqualTo(1);
		assertThat(detail.path("attendance").get(0).path("signedInSelf").asBoolean()).isTrue();
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(meetingPointLines(phone)).containsExactly("参加组织生活：主题党日"));

		// signed in he stays present: the secretary cannot turn him absent
		Response absent = api.post("/api/v1/party-meetings/" + meeting + "/attendance", banan,
				Map.of("memberId", memberId, "present", false, "absenceReason", "出差"));
		assertThat(absent.problemCode(409)).isEqualTo("ALREADY_PRESENT");
		JsonNode mine = api.get("/api/v1/me/party-meetings", phone).list().getFirst();
		assertThat(mine.path("present").asBoolean()).isTrue();
		assertThat(mine.path("maySignIn").asBoolean()).isFalse();
		assertThat(meetingPointLines(phone)).hasSize(1);
	}

	@Test
	void theSecretaryRecordsAttendanceAndMinutesAndTheMeetingThenRefusesSteps() {
		String present = member("罗建国");
		String away = member("梁丽");
		String outsider = api.get("/api/v1/party-members?kind=REGULAR", banan)
			.list()
			.stream()
			.filter(m -> !m.path("orgId").asString().equals(branchId))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		Instant now = TestClock.current().instant();
		String meeting = schedule("MEMBERS_MEETING", now.minus(Duration.ofHours(1))).path("meeting").path("id")
			.asString();

		Response noReason = api.post("/api/v1/party-meetings/" + meeting + "/attendance", banan,
				Map.of("memberId", away, "present", false));
		assertThat(noReason.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noReason.errorFields()).containsExactly("absenceReason");
		Response stranger = api.post("/api/v1/party-meetings/" + meeting + "/attendance", banan,
				Map.of("memberId", outsider, "present", true));
		assertThat(stranger.errorFields()).containsExactly("memberId");

		api.post("/api/v1/party-meetings/" + meeting + "/attendance", banan, Map.of("memberId", present, "present", true));
		JsonNode sheet = api.post("/api/v1/party-meetings/" + meeting + "/attendance", banan,
				Map.of("memberId", away, "present", false, "absenceReason", "住院")).json();
		assertThat(sheet.path("present").asLong()).isEqualTo(1);
		assertThat(sheet.path("absent").asLong()).isEqualTo(1);
		assertThat(sheet.path("allowedActions").toString()).contains("HOLD", "CANCEL", "RECORD_ATTENDANCE");

		Response tooShort = api.post("/api/v1/party-meetings/" + meeting + "/hold", banan, Map.of("minutes", "开了"));
		assertThat(tooShort.errorFields()).containsExactly("minutes");
		JsonNode held = api.post("/api/v1/party-meetings/" + meeting + "/hold", banan,
				Map.of("minutes", "传达学习上级文件精神，讨论发展党员工作，表决通过一名预备党员按期转正。")).json();
		assertThat(held.path("meeting").path("state").asString()).isEqualTo("HELD");
		assertThat(held.path("allowedActions").toString()).doesNotContain("HOLD", "CANCEL");

		Response again = api.post("/api/v1/party-meetings/" + meeting + "/cancel", banan, Map.of("reason", "重复"));
		assertThat(again.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void aMeetingIsScheduledOnlyOfAKindTheLevelHoldsWithItsFieldsTold() {
		Map<String, Object> body = new HashMap<>(Map.of("orgId", branchId, "kind", "GROUP_MEETING", "topic", "学",
				"place", "下新新社区", "startsAt", TestClock.current().instant().toString()));
		Response refused = api.post("/api/v1/party-meetings", banan, body);
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("kind", "topic");
		assertThat(refused.body()).contains("这一层级的党组织不开这类会议");
		assertThat(api.get("/api/v1/party-meetings?orgId=" + branchId, banan).list()).isEmpty();
	}

	@Test
	void aBranchThatLetAMonthGoByWithoutAThemeDayIsFlaggedUntilItHoldsOne() {
		TestClock clock = TestClock.current();
		String june = schedule("THEME_DAY", clock.instant().minus(Duration.ofHours(2))).path("meeting").path("id")
			.asString();
		api.post("/api/v1/party-meetings/" + june + "/hold", banan,
				Map.of("minutes", "六月主题党日：重温入党誓词，开展楼道清扫志愿服务。"));
		assertThat(themeDay(api.get("/api/v1/party-orgs/" + branchId + "/rhythm", banan).json()).path("behind")
			.asBoolean()).isFalse();

		// two months on, July has gone by without a theme day
		clock.advance(Duration.ofDays(56));
		// a token of June has expired by August: sign in again (the clock is set back after the test)
		banan = api.login("banan", ApiClient.DEMO_PASSWORD);
		JsonNode august = api.get("/api/v1/party-orgs/" + branchId + "/rhythm", banan).json();
		assertThat(themeDay(august).path("missedLastPeriod").asBoolean()).isTrue();
		assertThat(themeDay(august).path("behind").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/party-rhythm/behind", banan).list())
			.anyMatch(o -> o.path("orgId").asString().equals(branchId));

		Instant now = clock.instant();
		String late = schedule("THEME_DAY", now.minus(Duration.ofHours(1))).path("meeting").path("id").asString();
		api.post("/api/v1/party-meetings/" + late + "/hold", banan,
				Map.of("minutes", "八月主题党日：学习党章，补开七月未开的组织生活并作说明。"));
		JsonNode after = themeDay(api.get("/api/v1/party-orgs/" + branchId + "/rhythm", banan).json());
		assertThat(after.path("held").asBoolean()).isTrue();
		assertThat(after.path("behind").asBoolean()).isFalse();
	}

	private static JsonNode themeDay(JsonNode rhythm) {
		for (JsonNode kind : rhythm.path("kinds")) {
			if (kind.path("kind").asString().equals("THEME_DAY")) {
				return kind;
			}
		}
		throw new AssertionError("no theme day in " + rhythm);
	}
}

package org.zhizhi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * Issue 13, 结对帮扶 over HTTP: the desk pairs a helper of its scope with an elder living alone of its scope; the helper
 * logs his visits (one a day, a week late at most, with a photo), which moves the next one's due day; nobody else logs
 * them or sees the pairing; the desk ends it. The demo's 下新新 pairs (seed 001) with their missed visits, and the sweep
 * telling a helper once that his visit is late.
 */
@ZhizhiIntegrationTest
class PairingsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	PairingSweeps sweeps;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theDeskPairsTheHelperVisitsAndTheDeskEndsIt() {
		String desk = api.tokenOf("dongcheng");
		String helper = api.tokenOf("dangyuan02");
		String helperId = api.get("/api/v1/me", helper).json().path("id").asString();
		Set<String> paired = scopePairings(desk).stream().map(p -> p.path("residentId").asString())
			.collect(Collectors.toSet());
		String elder = api.get("/api/v1/residents?tag=ELDER_ALONE&size=100", desk).json().path("items")
			.findValuesAsString("id")
			.stream()
			.filter(id -> !paired.contains(id))
			.findFirst()
			.orElseThrow();

		Map<String, Object> pairing = new LinkedHashMap<>();
		pairing.put("residentId", elder);
		pairing.put("helperId", helperId);
		pairing.put("need", "ELDER_ALONE");
		pairing.put("everyDays", 0);
		assertThat(api.post("/api/v1/volunteer/pairings", desk, pairing).errorFields()).containsExactly("everyDays");
		pairing.put("everyDays", 14);
		assertThat(api.post("/api/v1/volunteer/pairings", helper, pairing).status()).as("the desk pairs")
			.isEqualTo(403);
		Response created = api.post("/api/v1/volunteer/pairings", desk, pairing);
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		String id = created.json().path("id").asString();
		LocalDate today = LocalDate.parse(created.json().path("startedOn").asString());
		assertThat(created.json().path("dueOn").asString()).isEqualTo(today.plusDays(14).toString());
		assertThat(api.post("/api/v1/volunteer/pairings", desk, pairing).problemCode(409)).isEqualTo("PAIRED_ALREADY");

		// the helper sees it and logs today's visit; twice the same day is one visit
		assertThat(api.get("/api/v1/volunteer/pairings", helper).json().path("mine").findValuesAsString("id"))
			.contains(id);
		String visits = "/api/v1/volunteer/pairings/" + id + "/visits";
		Response visit = api.post(visits, helper, Map.of("note", "老人身体不错，帮忙换了灯泡"));
		assertThat(visit.status()).as(visit.brief()).isEqualTo(201);
		assertThat(visit.json().path("visits").asInt()).isEqualTo(1);
		assertThat(visit.json().path("dueOn").asString()).isEqualTo(today.plusDays(14).toString());
		assertThat(api.post(visits, helper, Map.of("note", "又去了一次")).problemCode(409)).isEqualTo("VISIT_LOGGED");
		assertThat(api.post(visits, helper, Map.of("note", "明天的", "visitedOn", today.plusDays(1).toString()))
			.errorFields()).containsExactly("visitedOn");
		assertThat(api.post(visits, helper, Map.of("note", "")).errorFields()).containsExactly("note");

		// nobody logs a visit for him; others do not see it
		assertThat(api.post(visits, desk, Map.of("note", "社区代记")).problemCode(403)).isEqualTo("NOT_THE_HELPER");
		assertThat(api.post(visits, api.tokenOf("dangyuan01"), Map.of("note", "我去的")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/volunteer/pairings/" + id, api.tokenOf("jumin01")).status()).isEqualTo(404);

		// the next day's visit with a photo moves the due day
		clock.advance(java.time.Duration.ofDays(1));
		String helperAgain = api.login("dangyuan02", ApiClient.DEMO_PASSWORD);
		Map<String, Part> parts = new LinkedHashMap<>();
		parts.put("visit", Part.json(Map.of("note", "陪老人聊天，检查了燃气阀门")));
		parts.put("photo", Part.jpeg(TestPhotos.jpeg(Color.ORANGE)));
		Response withPhoto = api.postMultipart(visits, helperAgain, parts);
		assertThat(withPhoto.status()).as(withPhoto.brief()).isEqualTo(201);
		assertThat(withPhoto.json().path("dueOn").asString()).isEqualTo(today.plusDays(15).toString());
		JsonNode detail = api.get("/api/v1/volunteer/pairings/" + id, helperAgain).json();
		assertThat(detail.path("visits").findValuesAsString("note")).containsExactly("陪老人聊天，检查了燃气阀门",
				"老人身体不错，帮忙换了灯泡");
		assertThat(detail.path("visits").get(0).path("photoId").isNull()).isFalse();

		// three weeks without a visit: the sweep tells the helper; his visit settles that notice (issue 15, item 10)
		clock.advance(java.time.Duration.ofDays(21));
		sweeps.run();
		String helperLater = api.login("dangyuan02", ApiClient.DEMO_PASSWORD);
		assertThat(missedNotice(helperLater, id).path("doneAt").isNull()).as("the visit is still to make").isTrue();
		assertThat(api.post(visits, helperLater, Map.of("note", "补上这次探访")).status()).isEqualTo(201);
		JsonNode settled = missedNotice(helperLater, id);
		assertThat(settled.path("doneAt").isNull()).as("visited: the notice is done").isFalse();
		assertThat(settled.path("readAt").isNull()).isFalse();

		// the desk ends it with the reason; no visit after that
		String deskAgain = api.login("dongcheng", ApiClient.DEMO_PASSWORD);
		assertThat(api.post("/api/v1/volunteer/pairings/" + id + "/end", deskAgain, Map.of("reason", "")).errorFields())
			.containsExactly("reason");
		JsonNode ended = api.post("/api/v1/volunteer/pairings/" + id + "/end", deskAgain,
				Map.of("reason", "老人随子女搬去主城")).json();
		assertThat(ended.path("state").asString()).isEqualTo("ENDED");
		clock.advance(java.time.Duration.ofDays(1));
		assertThat(api.post(visits, api.login("dangyuan02", ApiClient.DEMO_PASSWORD), Map.of("note", "再去看看"))
			.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
	}

	/** Seed 001: 红灯笼's volunteers paired with 新河街's elders of 80 and more living alone, visiting monthly. */
	@Test
	void theDemoPairsOfXiaxinxinVisitMonthlyAndTwoAreLate() {
		String district = api.tokenOf("banan");
		String lantern = api.get("/api/v1/volunteer/teams", district).list()
			.stream()
			.filter(t -> t.path("name").asString().equals("红灯笼志愿服务队"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		List<JsonNode> pairs = scopePairings(district).stream()
			.filter(p -> p.path("teamId").asString("").equals(lantern))
			.toList();
		assertThat(pairs).hasSize(8);
		assertThat(pairs).allSatisfy(p -> {
			assertThat(p.path("need").asString()).isEqualTo("ELDER_ALONE");
			assertThat(p.path("everyDays").asInt()).isEqualTo(30);
		});
		assertThat(pairs.stream().filter(p -> p.path("daysOverdue").asLong() > 0).count()).isEqualTo(2);
		assertThat(pairs.stream().mapToInt(p -> p.path("visits").asInt()).sum()).isEqualTo(6 * 10 + 2 * 9);
		assertThat(api.get("/api/v1/volunteer/pairings", api.tokenOf("jumin01")).json().path("scope").path("pairings"))
			.as("a resident sees no one's pairings").isEmpty();
	}

	@Test
	void aLateVisitIsToldToItsHelperOnce() {
		String member = api.tokenOf("dangyuan01");
		JsonNode late = api.get("/api/v1/volunteer/pairings", member).json().path("mine").findParents("daysOverdue")
			.stream()
			.filter(p -> p.path("daysOverdue").asLong() > 0)
			.findFirst()
			.orElseThrow();
		sweeps.run();
		assertThat(sweeps.run()).as("once per due day, however often the sweep runs").isZero();
		List<String> titles = new ArrayList<>(api.get("/api/v1/inbox", member).json().findValuesAsString("title"));
		assertThat(titles).contains("该去看望" + late.path("residentName").asString() + "了");
	}

	/** The helper's "visit missed" message about the pairing. */
	private JsonNode missedNotice(String token, String pairingId) {
		return api.get("/api/v1/inbox", token).json().findParents("link")
			.stream()
			.filter(m -> m.path("link").asString().equals("/m/volunteer/pairings/" + pairingId))
			.filter(m -> m.path("kind").asString().equals("PAIRING_VISIT_MISSED"))
			.findFirst()
			.orElseThrow();
	}

	/** Every running pairing of the caller's scope, page by page. */
	private List<JsonNode> scopePairings(String token) {
		List<JsonNode> all = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode scope = api.get("/api/v1/volunteer/pairings?page=" + page, token).json().path("scope");
			scope.path("pairings").forEach(all::add);
			if (!scope.path("more").asBoolean()) {
				return all;
			}
		}
	}
}

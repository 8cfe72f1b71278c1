package org.zhizhi.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.people.PersonalData;
import org.zhizhi.points.persistence.JdbcSchemes;

import tools.jackson.databind.JsonNode;

/**
 * Issue 13, a party branch's own 党员积分排行榜: 钱佳花园功能型党支部's 58 members ranked on the district's member points
 * (the seeds' 000), read through the API, the desk page and the public board; a branch's members are those of the
 * branch and its groups, active members only; a desk sees only the branches of its scope.
 */
@ZhizhiIntegrationTest
class BranchBoardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcSchemes schemes;

	@Autowired
	PointsEarning earning;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void qianjiasFunctionalBranchRanksItsFiftyEightMembers() {
		String desk = api.tokenOf("mudong");
		String schemeId = memberScheme(desk);
		String branch = orgNamed(desk, "钱佳花园功能型党支部");
		List<String> names = api.get("/api/v1/party-members?orgId=" + branch, desk)
			.list()
			.stream()
			.map(m -> PersonalData.maskName(m.path("name").asString()))
			.toList();

		List<JsonNode> board = api.get("/api/v1/points/schemes/" + schemeId + "/ranking?branch=" + branch
				+ "&limit=100", desk).list();
		assertThat(board).as("every one of the 58 earned in the demo's year").hasSize(58);
		assertThat(board).extracting(s -> s.path("rank").asInt())
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 58).boxed().toList());
		assertThat(board).extracting(s -> s.path("earned").asLong()).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(board).allSatisfy(s -> {
			assertThat(s.path("name").asString()).contains("*").isIn(names);
			assertThat(s.path("balance").asLong()).as("member points are not spent in the demo")
				.isEqualTo(s.path("earned").asLong());
		});
		// the demo's plan (DemoPoints): member m has 1 + 7m mod 9 deeds, the d-th paying 完成微心愿 5, 接单办结 3 or
		// 双报到服务 5 by (m + d) mod 3 — whoever m is, the points earned are these
		List<Long> planned = new ArrayList<>();
		for (int m = 0; m < 58; m++) {
			long points = 0;
			for (int d = 0; d < 1 + (m * 7) % 9; d++) {
				points += new int[] { 5, 3, 5 }[(m + d) % 3];
			}
			planned.add(points);
		}
		planned.sort(Comparator.reverseOrder());
		assertThat(board).extracting(s -> s.path("earned").asLong()).containsExactlyElementsOf(planned);

		// the same board on the public notice board, names masked, under the branch's name
		HttpResponse<String> page = new WebSession(port).get("/public/points/member-500113000000?branch=" + branch);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("钱佳花园功能型党支部 · 巴南区党员积分", board.getFirst().path("name").asString());
		// and a node of the territory still, as before
		HttpResponse<String> within = new WebSession(port)
			.get("/public/points/member-500113000000?within=" + api.orgUnitId("金银桥社区"));
		assertThat(within.body()).contains("金银桥社区 · 巴南区党员积分", board.getFirst().path("name").asString());
	}

	@Test
	void aDeskSeesOnlyTheBranchesOfItsScopeAndOnlyOnMemberSchemes() {
		String branch = orgNamed(api.tokenOf("mudong"), "钱佳花园功能型党支部");
		String dongcheng = api.tokenOf("dongcheng");
		String schemeId = memberScheme(dongcheng);
		assertThat(api.get("/api/v1/points/schemes/" + schemeId + "/ranking?branch=" + branch, dongcheng).status())
			.as("another community's branch").isEqualTo(404);
		assertThat(api.get("/api/v1/points/schemes/" + schemeId + "/ranking?branch=" + branch, api.tokenOf("jumin01"))
			.status()).as("a resident reads no party roster").isEqualTo(404);
		assertThat(api.get("/api/v1/points/schemes/" + schemeId + "/ranking?branch=" + UUID.randomUUID(),
				api.tokenOf("mudong")).status()).isEqualTo(404);
		String virtue = api.get("/api/v1/points/schemes", dongcheng)
			.list()
			.stream()
			.filter(s -> s.path("kind").asString().equals("VIRTUE"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		assertThat(api.get("/api/v1/points/schemes/" + virtue + "/ranking?branch=" + branch, api.tokenOf("admin"))
			.status()).as("a virtue bank ranks no branch").isEqualTo(404);
		assertThat(new WebSession(port).get("/public/points/virtue-500113101001?branch=" + branch).statusCode())
			.isEqualTo(404);

		// the desk page of 金银桥 offers its branch and shows its board
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		String page = mudong.get("/points/schemes/" + schemeId).body();
		assertThat(page).contains("id=\"branch-board\"", "钱佳花园功能型党支部");
		assertThat(mudong.get("/points/schemes/" + schemeId + "?branch=" + branch).body())
			.contains("钱佳花园功能型党支部 · 积分排行");
	}

	@Test
	void aBranchRanksTheActiveMembersOfItselfAndItsGroupsOnly() {
		String district = api.tokenOf("banan");
		String mudong = api.tokenOf("mudong");
		Scheme members = schemes.byCode("member-500113000000").orElseThrow();
		Rule reportIn = schemes.inForce(members.id(), "report-in", clock.today()).orElseThrow();
		String suffix = UUID.randomUUID().toString().substring(0, 4);
		String committee = orgNamed(district, "金银桥社区党委");
		UUID place = api.orgUnitId("金银桥社区");
		String branch = created(api.post("/api/v1/party-orgs", mudong, Map.of("parentId", committee, "name",
				"测试党支部" + suffix, "level", "BRANCH", "placeId", place.toString())));
		String group = created(api.post("/api/v1/party-orgs", mudong, Map.of("parentId", branch, "name",
				"测试党小组" + suffix, "level", "GROUP", "placeId", place.toString())));

		// a member of the group who signs in with an account of his own: on the ledger under that account
		String username = ApiClient.uniqueUsername("it-branch");
		JsonNode account = api.createAccount(mudong,
				ApiClient.newAccount(username, "PARTY_MEMBER", place, null));
		String inGroup = member(mudong, group, "甲组员" + suffix, "REGULAR");
		Response linked = api.send("PUT", "/api/v1/party-members/" + inGroup + "/account", mudong,
				ApiClient.json(Map.of("accountId", account.path("id").asString())));
		assertThat(linked.status()).as(linked.brief()).isEqualTo(200);
		// one of the branch without an account (on the ledger under his member id), an activist, one who left
		String regular = member(mudong, branch, "乙党员" + suffix, "REGULAR");
		String activist = member(mudong, branch, "丙积极" + suffix, "ACTIVIST");
		String gone = member(mudong, branch, "丁转出" + suffix, "REGULAR");
		Response moved = api.post("/api/v1/party-members/" + gone + "/status", mudong,
				Map.of("status", "TRANSFERRED_OUT", "on", clock.today().toString(), "note", "组织关系转出"));
		assertThat(moved.status()).as(moved.brief()).isEqualTo(200);

		earn(members, reportIn, UUID.fromString(account.path("id").asString()), "甲组员" + suffix, 2);
		earn(members, reportIn, UUID.fromString(regular), "乙党员" + suffix, 1);
		earn(members, reportIn, UUID.fromString(activist), "丙积极" + suffix, 3);
		earn(members, reportIn, UUID.fromString(gone), "丁转出" + suffix, 4);

		List<JsonNode> board = api.get("/api/v1/points/schemes/" + members.id() + "/ranking?branch=" + branch,
				mudong).list();
		assertThat(board).extracting(s -> s.path("name").asString() + " " + s.path("earned").asLong())
			.containsExactly(PersonalData.maskName("甲组员" + suffix) + " 10",
					PersonalData.maskName("乙党员" + suffix) + " 5");
	}

	/** Points of the rule for {@code deeds} deeds on days of their own (the rule's daily cap is two deeds). */
	private void earn(Scheme scheme, Rule rule, UUID holder, String name, int deeds) {
		Holder person = new Holder(holder, name, scheme.scopePath(), scheme.districtId());
		for (int d = 0; d < deeds; d++) {
			earning.earn(scheme, rule, person, "test:" + UUID.randomUUID(), "双报到服务",
					clock.instant().minus(Duration.ofDays(1 + d)), null, null);
		}
	}

	private String member(String token, String orgId, String name, String kind) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("orgId", orgId);
		body.put("name", name);
		body.put("gender", "FEMALE");
		body.put("kind", kind);
		if (!kind.equals("ACTIVIST")) {
			body.put("joinedOn", "2001-07-01");
		}
		return created(api.post("/api/v1/party-members", token, body));
	}

	private static String created(Response response) {
		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	private String memberScheme(String token) {
		return api.get("/api/v1/points/schemes", token)
			.list()
			.stream()
			.filter(s -> s.path("kind").asString().equals("MEMBER"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
	}

	private String orgNamed(String token, String name) {
		return api.get("/api/v1/party-orgs", token)
			.list()
			.stream()
			.filter(o -> o.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no party organisation " + name))
			.path("id")
			.asString();
	}
}

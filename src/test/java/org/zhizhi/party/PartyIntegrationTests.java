package org.zhizhi.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The party figures of the seeds through the API, the scope of party data, the chain of an estate with its gaps, and
 * the refusals of the write endpoints.
 */
@ZhizhiIntegrationTest
class PartyIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void dongchengCountsItsCommitteeFifteenGridGroupsFifteenHubsAndFortyEightIncomingMembers() {
		String token = api.tokenOf("dongcheng");
		JsonNode summary = api.get("/api/v1/org-units/" + api.orgUnitId("东城社区") + "/summary", token).json();
		// the community committee and one party group per grid
		assertThat(summary.path("partyOrgs").asLong()).isEqualTo(16);
		// one hub member per grid group and the 48 incoming members; activists and applicants are not members
		assertThat(summary.path("partyMembers").asLong()).isEqualTo(63);
		assertThat(summary.path("hubHouseholds").asLong()).isEqualTo(15);

		List<JsonNode> groups = api.get("/api/v1/party-orgs", token)
			.list()
			.stream()
			.filter(o -> o.path("level").asString().equals("GROUP"))
			.toList();
		assertThat(groups).hasSize(15).allMatch(g -> g.path("placeKind").asString().equals("GRID"));
		assertThat(api.get("/api/v1/party-members?kind=INCOMING", token).list()).hasSize(48);
		assertThat(api.get("/api/v1/party-members?kind=ACTIVIST", token).list()).hasSize(3);
	}

	@Test
	void qianjiaHuayuanHasItsFunctionalBranchOfFiftyEightMembers() {
		String token = api.tokenOf("mudong");
		JsonNode branch = orgNamed(token, "钱佳花园功能型党支部");
		assertThat(branch.path("functional").asBoolean()).isTrue();
		assertThat(branch.path("level").asString()).isEqualTo("BRANCH");
		assertThat(branch.path("placeKind").asString()).isEqualTo("ESTATE");
		assertThat(branch.path("members").asLong()).isEqualTo(58);
		List<JsonNode> members = api.get("/api/v1/party-members?orgId=" + branch.path("id").asString(), token).list();
		assertThat(members).hasSize(58);
		assertThat(members).filteredOn(m -> m.path("kind").asString().equals("IN_SERVICE"))
			.isNotEmpty()
			.allMatch(m -> !m.path("employer").asString().isBlank() && !m.path("dualEstateId").isNull());

		JsonNode estate = api.get("/api/v1/estates/" + estateId("钱佳花园") + "/summary", token).json();
		assertThat(estate.path("partyMembers").asLong()).isEqualTo(58);
	}

	@Test
	void huachengGuojiCountsThirtySevenMembers() {
		JsonNode summary = api.get("/api/v1/estates/" + estateId("华城国际") + "/summary", api.tokenOf("admin")).json();
		assertThat(summary.path("partyMembers").asLong()).isEqualTo(37);
		assertThat(summary.path("partyOrgs").asLong()).isEqualTo(1);
	}

	@Test
	void theOtherCommunitiesHaveTheirBranches() {
		String admin = api.tokenOf("admin");
		assertThat(orgNamed(admin, "新河街功能型党支部").path("functional").asBoolean()).isTrue();
		JsonNode zouma = api.get("/api/v1/org-units/" + api.orgUnitId("走马梁社区") + "/summary", admin).json();
		assertThat(zouma.path("partyOrgs").asLong()).isEqualTo(2);
		JsonNode longjin = api.get("/api/v1/org-units/" + api.orgUnitId("龙锦社区") + "/summary", admin).json();
		assertThat(longjin.path("partyMembers").asLong()).isEqualTo(10);
	}

	@Test
	void aGridWorkerOfDongchengGetsNotFoundForJinyinqiaosOrganisations() {
		String branchId = orgNamed(api.tokenOf("admin"), "钱佳花园功能型党支部").path("id").asString();
		String worker = api.tokenOf("dongcheng-g01");

		Response one = api.get("/api/v1/party-orgs/" + branchId, worker);
		assertThat(one.problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(one.body()).doesNotContain("钱佳花园");
		assertThat(api.get("/api/v1/party-members?orgId=" + branchId, worker).problemCode(404))
			.isEqualTo("NOT_FOUND");
		List<JsonNode> visible = api.get("/api/v1/party-orgs", worker).list();
		assertThat(visible).extracting(o -> o.path("name").asString())
			.containsExactly("东城社区第1网格党小组");
		assertThat(api.get("/api/v1/party-members", worker).list()).allMatch(
				m -> m.path("orgName").asString().equals("东城社区第1网格党小组"));
	}

	@Test
	void dongchengsChainReachesEveryBuildingButHasNoEstateBranch() {
		JsonNode chain = api.get("/api/v1/estates/" + estateId("东城公租房") + "/party-chain", api.tokenOf("dongcheng"))
			.json();
		JsonNode levels = chain.path("levels");
		assertThat(levels.path("committees").asLong()).isEqualTo(1);
		assertThat(levels.path("branches").asLong()).isZero();
		assertThat(levels.path("groups").asLong()).isEqualTo(15);
		assertThat(levels.path("hubs").asLong()).isEqualTo(15);
		assertThat(chain.path("gaps").path("buildingsWithoutGroup").size()).isZero();
		assertThat(chain.path("gaps").path("buildingsWithoutHub").size()).isZero();
	}

	@Test
	void qianjiasChainShowsTheBuildingsWithoutGroupOrHub() {
		JsonNode chain = api.get("/api/v1/estates/" + estateId("钱佳花园") + "/party-chain", api.tokenOf("mudong"))
			.json();
		JsonNode levels = chain.path("levels");
		assertThat(levels.path("committees").asLong()).isEqualTo(1);
		assertThat(levels.path("branches").asLong()).isEqualTo(1);
		assertThat(levels.path("groups").asLong()).isEqualTo(8);
		assertThat(levels.path("hubs").asLong()).isEqualTo(5);
		assertThat(names(chain.path("gaps").path("buildingsWithoutGroup"))).containsExactly("9栋", "10栋", "11栋",
				"12栋");
		assertThat(names(chain.path("gaps").path("buildingsWithoutHub"))).containsExactly("6栋", "7栋", "8栋", "9栋",
				"10栋", "11栋", "12栋");

		assertThat(api.get("/api/v1/estates/" + estateId("钱佳花园") + "/party-chain", api.tokenOf("dongcheng"))
			.problemCode(404)).isEqualTo("NOT_FOUND");
	}

	@Test
	void aCommunitysCommitteeCountsTheMembersOfTheOrganisationsUnderIt() {
		// 东城社区党委 has no member of its own; its grids' groups hold them, and "0" beside it read as an empty committee
		WebSession browser = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		String tree = browser.get("/party").body();
		java.util.regex.Matcher row = java.util.regex.Pattern
			.compile("东城社区党委</a>.*?<td class=\"num org-members\">([^<]*)</td>", java.util.regex.Pattern.DOTALL)
			.matcher(tree);
		assertThat(row.find()).as("the committee's row").isTrue();
		assertThat(row.group(1)).matches("[1-9]\\d*（含下级；直属 \\d+）");
		String committee = orgNamed(api.tokenOf("dongcheng"), "东城社区党委").path("id").asString();
		assertThat(browser.get("/party/orgs/" + committee).body()).containsPattern("id=\"org-members\">[1-9]\\d*（含下级");
	}

	@Test
	void theChainPageShowsTheLevelsAndTheGaps() {
		WebSession browser = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> page = browser.get("/party/estates/" + estateId("钱佳花园") + "/chain");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("钱佳花园功能型党支部", "楼栋党小组", "党员中心户", "id=\"gaps-group\"",
				"id=\"gaps-hub\"");
		HttpResponse<String> tree = browser.get("/party");
		assertThat(tree.statusCode()).isEqualTo(200);
		assertThat(tree.body()).contains("金银桥社区党委", "钱佳花园功能型党支部").doesNotContain("东城社区党委");
		String branchId = orgNamed(api.tokenOf("mudong"), "钱佳花园功能型党支部").path("id").asString();
		HttpResponse<String> org = browser.get("/party/orgs/" + branchId + "?kind=IN_SERVICE");
		assertThat(org.statusCode()).isEqualTo(200);
		assertThat(org.body()).contains("在职党员", "巴南区木洞镇人民政府").doesNotContain(">流入党员</td>");
		WebSession worker = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		assertThat(worker.get("/party/orgs/" + branchId).statusCode()).isEqualTo(404);
	}

	@Test
	void foundsAGroupAtABuildingAndRegistersAnInServiceMemberWithHistoryAndAHub() {
		// written in 新河街, whose figures no test counts, so that the seeds' figures stay as they are
		String token = api.tokenOf("admin");
		JsonNode parent = orgNamed(token, "新河街功能型党支部");
		UUID building = UUID.fromString(api.get("/api/v1/estates/" + estateId("新河街") + "/buildings", token)
			.list()
			.get(0)
			.path("id")
			.asString());
		String name = "临时党小组" + UUID.randomUUID().toString().substring(0, 6);
		Response created = api.post("/api/v1/party-orgs", token, Map.of("parentId", parent.path("id").asString(),
				"name", name, "level", "GROUP", "temporary", true, "placeId", building.toString()));
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		assertThat(created.json().path("placeKind").asString()).isEqualTo("BUILDING");
		assertThat(created.json().path("temporary").asBoolean()).isTrue();
		String orgId = created.json().path("id").asString();

		Map<String, Object> member = new HashMap<>(Map.of("orgId", orgId, "name", "测试党员", "gender", "FEMALE",
				"joinedOn", "2010-07-01", "kind", "IN_SERVICE"));
		Response noEmployer = api.post("/api/v1/party-members", token, member);
		assertThat(noEmployer.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noEmployer.errorFields()).containsExactly("employer");

		member.put("employer", "巴南区税务局");
		member.put("joinedOn", "1900-07-01");
		assertThat(api.post("/api/v1/party-members", token, member).errorFields()).as("before the founding")
			.containsExactly("joinedOn");
		member.put("joinedOn", "2010-07-01");
		member.put("dualCommunityId", api.orgUnitId("下新新社区").toString());
		member.put("dualEstateId", estateId("新河街").toString());
		Response registered = api.post("/api/v1/party-members", token, member);
		assertThat(registered.status()).as(registered.brief()).isEqualTo(201);
		String memberId = registered.json().path("id").asString();

		// a day nobody means is the field's problem and changes nothing (issue 15, item 9)
		assertThat(api.post("/api/v1/party-members/" + memberId + "/status", token,
				Map.of("status", "TRANSFERRED_OUT", "on", "0001-01-01")).errorFields()).containsExactly("on");
		Response moved = api.post("/api/v1/party-members/" + memberId + "/status", token,
				Map.of("status", "TRANSFERRED_OUT", "on", "2026-01-15", "note", "调往南岸区"));
		assertThat(moved.status()).as(moved.brief()).isEqualTo(200);
		JsonNode detail = api.get("/api/v1/party-members/" + memberId, token).json();
		assertThat(detail.path("member").path("status").asString()).isEqualTo("TRANSFERRED_OUT");
		assertThat(detail.path("history").size()).isEqualTo(2);
		assertThat(api.post("/api/v1/party-members/" + memberId + "/status", token, Map.of("status",
				"TRANSFERRED_OUT")).problemCode(409)).isEqualTo("PARTY_MEMBER_STATUS_UNCHANGED");
		Response hubOfGone = api.post("/api/v1/hub-households", token,
				Map.of("memberId", memberId, "buildingIds", List.of(building.toString())));
		assertThat(hubOfGone.errorFields()).containsExactly("memberId");

		Response regular = api.post("/api/v1/party-members", token, Map.of("orgId", orgId, "name", "测试中心户",
				"gender", "MALE", "joinedOn", "1998-07-01", "kind", "REGULAR"));
		assertThat(regular.status()).as(regular.brief()).isEqualTo(201);
		Response hub = api.post("/api/v1/hub-households", token, Map.of("memberId",
				regular.json().path("id").asString(), "buildingIds", List.of(building.toString())));
		assertThat(hub.status()).as(hub.brief()).isEqualTo(201);
		JsonNode chain = api.get("/api/v1/estates/" + estateId("新河街") + "/party-chain", token).json();
		assertThat(names(chain.path("gaps").path("buildingsWithoutGroup"))).doesNotContain("1栋");
		assertThat(names(chain.path("gaps").path("buildingsWithoutHub"))).doesNotContain("1栋").contains("2栋");
	}

	@Test
	void refusesIncompleteOrganisationsAndWritesByGridWorkers() {
		String token = api.tokenOf("dongcheng");
		Response empty = api.post("/api/v1/party-orgs", token, Map.of("functional", true));
		assertThat(empty.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(empty.errorFields()).containsExactlyInAnyOrder("name", "level", "placeId");

		Response elsewhere = api.post("/api/v1/party-orgs", token, Map.of("name", "越界党支部", "level", "BRANCH",
				"placeId", estateId("钱佳花园").toString()));
		assertThat(elsewhere.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(elsewhere.errorFields()).containsExactly("placeId");

		Response byWorker = api.post("/api/v1/party-orgs", api.tokenOf("dongcheng-g01"), Map.of("name", "网格党小组",
				"level", "GROUP", "placeId", api.orgUnitId("东城社区第1网格").toString()));
		assertThat(byWorker.problemCode(403)).isEqualTo("PARTY_WRITE_FORBIDDEN");
	}

	private JsonNode orgNamed(String token, String name) {
		return api.get("/api/v1/party-orgs", token)
			.list()
			.stream()
			.filter(o -> o.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no party organisation " + name));
	}

	private UUID estateId(String name) {
		for (JsonNode estate : api.get("/api/v1/estates?name=" + ApiClient.encode(name), api.tokenOf("admin")).list()) {
			if (estate.path("name").asString().equals(name)) {
				return UUID.fromString(estate.path("id").asString());
			}
		}
		throw new AssertionError("no estate " + name);
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new java.util.ArrayList<>();
		array.forEach(n -> names.add(n.asString()));
		return names;
	}
}

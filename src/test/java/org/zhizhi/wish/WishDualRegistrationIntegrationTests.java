package org.zhizhi.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.wish.WishFixtures.fulfil;
import static org.zhizhi.wish.WishFixtures.idOf;
import static org.zhizhi.wish.WishFixtures.jpeg;
import static org.zhizhi.wish.WishFixtures.map;
import static org.zhizhi.wish.WishFixtures.unique;
import static org.zhizhi.wish.WishFixtures.wish;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * 党员接单 through the dual registration (双报到) of the party register: an in-service member whose account sits in
 * 金银桥社区 (where his branch is) and who registered with 东城社区 sees and takes 东城社区's wishes only once the party
 * register links his account to his member record — and no longer once he is transferred out, except what he already
 * took. The community may dispatch to him by name. Nothing of a wish still being vetted reaches him.
 */
@ZhizhiIntegrationTest
class WishDualRegistrationIntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	/** An in-service member's account and his member record, not yet linked. */
	/** An in-service member with a name of his own, so that no other test's 周在职 stands in for him on a page. */
	private record InService(String username, String token, String accountId, String memberId, String name) {
	}

	private InService inServiceMemberOfJinyinqiaoRegisteredWithDongcheng() {
		String username = ApiClient.uniqueUsername("it-zaizhi");
		Response account = api.post("/api/v1/accounts", api.tokenOf("mudong"),
				ApiClient.newAccount(username, "PARTY_MEMBER", api.orgUnitId("金银桥社区"), null));
		assertThat(account.status()).as(account.brief()).isEqualTo(201);
		String district = api.tokenOf("banan");
		String committee = api.get("/api/v1/party-orgs", district)
			.list()
			.stream()
			.filter(o -> o.path("name").asString().equals("金银桥社区党委"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		String name = "周在职" + UUID.randomUUID().toString().substring(0, 4);
		Response member = api.post("/api/v1/party-members", district,
				map("orgId", committee, "name", name, "gender", "MALE", "joinedOn", "2008-07-01", "kind",
						"IN_SERVICE", "employer", "巴南区木洞镇人民政府", "dualCommunityId",
						api.orgUnitId("东城社区").toString()));
		assertThat(member.status()).as(member.brief()).isEqualTo(201);
		assertThat(member.json().path("accountId").isNull()).isTrue();
		return new InService(username, api.login(username, ApiClient.TEST_PASSWORD),
				account.json().path("id").asString(), idOf(member), name);
	}

	private Response link(String memberId, String accountId) {
		return api.send("PUT", "/api/v1/party-members/" + memberId + "/account", api.tokenOf("banan"),
				ApiClient.json(map("accountId", accountId)));
	}

	/** Due in two days, so that it stands near the top of a wall sorted by date, whatever other tests left there. */
	private String postAndPublishInDongcheng(String title) {
		Map<String, Object> body = wish(title, "钱桂芳", 1, clock.today());
		body.put("dueOn", clock.today().plusDays(2).toString());
		String id = idOf(api.post("/api/v1/wishes", api.tokenOf("jumin01"), body));
		assertThat(api.post("/api/v1/wishes/" + id + "/approve", api.tokenOf("dongcheng"), null).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/wishes/" + id + "/publish", api.tokenOf("dongcheng"), null).status()).isEqualTo(200);
		return id;
	}

	private List<String> wallTitles(String token) {
		return api.get("/api/v1/wishes/wall", token).list().stream().map(w -> w.path("title").asString()).toList();
	}

	@Test
	void anInServiceMemberTakesTheWishesOfTheCommunityOfHisDualRegistrationOnceThePartyRegisterLinksHisAccount() {
		InService member = inServiceMemberOfJinyinqiaoRegisteredWithDongcheng();
		String title = unique("老花镜");
		String id = postAndPublishInDongcheng(title);
		String vetting = idOf(api.post("/api/v1/wishes", api.tokenOf("jumin01"), wish(unique("暖水袋"), "钱桂芳", 1, clock.today())));

		// not linked: his account sits in 金银桥社区, so 东城社区's wish is not his to see or take
		List<String> before = wallTitles(member.token());
		assertThat(before).doesNotContain(title);
		assertThat(api.get("/api/v1/wishes/" + id, member.token()).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/v1/wishes/" + id + "/take", member.token(), null).problemCode(404))
			.isEqualTo("NOT_FOUND");

		// the party register links his account to his in-service record with its dual registration
		Response linked = link(member.memberId(), member.accountId());
		assertThat(linked.status()).as(linked.brief()).isEqualTo(200);
		assertThat(linked.json().path("accountId").asString()).isEqualTo(member.accountId());

		// now he sees 东城社区's wall beside his own community's, without who wishes it
		List<JsonNode> wall = api.get("/api/v1/wishes/wall", member.token()).list();
		JsonNode onWall = wall.stream().filter(w -> w.path("title").asString().equals(title)).findFirst().orElseThrow();
		assertThat(onWall.path("beneficiaryName").isNull()).isTrue();
		assertThat(onWall.path("beneficiaryAddress").isNull()).isTrue();
		assertThat(wall).extracting(w -> w.path("communityName").asString()).contains("东城社区", "金银桥社区");
		// a wish still being vetted does not exist for him, in 东城社区 as anywhere
		assertThat(api.get("/api/v1/wishes/" + vetting, member.token()).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/v1/wishes/" + vetting + "/take", member.token(), null).problemCode(404))
			.isEqualTo("NOT_FOUND");

		// 党员接单: he takes it, learns whom to bring it to, and fulfils it with a photo
		Response taken = api.post("/api/v1/wishes/" + id + "/take", member.token(), null);
		assertThat(taken.status()).as(taken.brief()).isEqualTo(200);
		assertThat(taken.json().path("state").asString()).isEqualTo("TAKEN");
		JsonNode detail = api.get("/api/v1/wishes/" + id, member.token()).json();
		assertThat(detail.path("wish").path("beneficiaryName").asString()).isEqualTo("钱桂芳");
		assertThat(detail.path("mayFulfil").asBoolean()).isTrue();
		assertThat(fulfil(port, member.token(), id, "老花镜已送到", jpeg()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/wishes/" + id, api.tokenOf("dongcheng")).json().path("wish").path("state").asString())
			.isEqualTo("FULFILLED");

		// transferred out, his dual registration no longer counts: 东城社区's wall is gone, what he took stays his
		String other = postAndPublishInDongcheng(unique("小台灯"));
		Response moved = api.post("/api/v1/party-members/" + member.memberId() + "/status", api.tokenOf("banan"),
				map("status", "TRANSFERRED_OUT", "on", clock.today().toString(), "note", "调离"));
		assertThat(moved.status()).as(moved.brief()).isEqualTo(200);
		assertThat(wallTitles(member.token())).doesNotContain(title).noneMatch(t -> t.startsWith("小台灯"));
		assertThat(api.post("/api/v1/wishes/" + other + "/take", member.token(), null).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/wishes/" + id, member.token()).status()).isEqualTo(200);
	}

	@Test
	void theCommunityDispatchesToAnInServiceMemberRegisteredWithItWhoseAccountSitsElsewhere() {
		InService member = inServiceMemberOfJinyinqiaoRegisteredWithDongcheng();
		String title = unique("陪同复查");
		String id = idOf(api.post("/api/v1/wishes", api.tokenOf("jumin01"), wish(title, "钱桂芳", 1, clock.today())));
		String desk = api.tokenOf("dongcheng");
		assertThat(api.post("/api/v1/wishes/" + id + "/approve", desk, null).status()).isEqualTo(200);

		// not yet linked: he is nobody the community can name
		Map<String, Object> toHim = map("kind", "MEMBER", "accountId", member.accountId());
		assertThat(api.post("/api/v1/wishes/" + id + "/dispatch", desk, toHim).errorFields()).contains("accountId");
		WebSession staff = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		assertThat(staff.get("/wishes/" + id).body()).doesNotContain(member.name());

		assertThat(link(member.memberId(), member.accountId()).status()).isEqualTo(200);
		// the desk offers him by his name, marked as registered with the community
		assertThat(staff.get("/wishes/" + id).body()).contains(member.name() + "（在职党员·双报到）");
		Response dispatched = api.post("/api/v1/wishes/" + id + "/dispatch", desk, toHim);
		assertThat(dispatched.status()).as(dispatched.brief()).isEqualTo(200);
		assertThat(dispatched.json().path("dispatchName").asString()).isEqualTo(member.name());
		assertThat(api.get("/api/v1/wishes/taken", member.token()).list())
			.anyMatch(w -> w.path("id").asString().equals(id));
		assertThat(api.post("/api/v1/wishes/" + id + "/take", member.token(), null).status()).isEqualTo(200);
		// a member of 东城社区 itself may not take what was dispatched to him
		assertThat(api.get("/api/v1/wishes/" + id, api.tokenOf("dangyuan01")).status()).isEqualTo(404);
	}

	@Test
	void thePartyRegisterLinksAnAccountToOneMemberOnlyAndOnlyAPartyMembersAccountInScope() {
		InService member = inServiceMemberOfJinyinqiaoRegisteredWithDongcheng();
		InService second = inServiceMemberOfJinyinqiaoRegisteredWithDongcheng();
		assertThat(link(member.memberId(), member.accountId()).status()).isEqualTo(200);
		// linking it again is harmless; giving it to a second member is a conflict
		assertThat(link(member.memberId(), member.accountId()).status()).isEqualTo(200);
		assertThat(link(second.memberId(), member.accountId()).problemCode(409)).isEqualTo("PARTY_ACCOUNT_LINKED");
		// a resident's account is no party member's
		String resident = api.get("/api/v1/me", api.tokenOf("jumin01")).json().path("id").asString();
		assertThat(link(second.memberId(), resident).errorFields()).containsExactly("accountId");
		// a community's staff link only inside their scope: 东城社区 does not see 金银桥社区's member
		Response outside = api.send("PUT", "/api/v1/party-members/" + second.memberId() + "/account",
				api.tokenOf("dongcheng"), ApiClient.json(map("accountId", second.accountId())));
		assertThat(outside.problemCode(404)).isEqualTo("NOT_FOUND");
		// and a plain member may not link at all
		Response member01 = api.send("PUT", "/api/v1/party-members/" + second.memberId() + "/account",
				api.tokenOf("dangyuan01"), ApiClient.json(map("accountId", second.accountId())));
		assertThat(member01.status()).isEqualTo(403);
		// unlinking frees the account
		assertThat(api.send("PUT", "/api/v1/party-members/" + member.memberId() + "/account", api.tokenOf("banan"),
				ApiClient.json(map("accountId", null))).status()).isEqualTo(200);
		assertThat(link(second.memberId(), member.accountId()).status()).isEqualTo(200);
	}
}

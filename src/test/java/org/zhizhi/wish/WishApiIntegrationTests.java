package org.zhizhi.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.wish.WishFixtures.anonymous;
import static org.zhizhi.wish.WishFixtures.fulfil;
import static org.zhizhi.wish.WishFixtures.idOf;
import static org.zhizhi.wish.WishFixtures.jpeg;
import static org.zhizhi.wish.WishFixtures.map;
import static org.zhizhi.wish.WishFixtures.unique;
import static org.zhizhi.wish.WishFixtures.wish;

import java.time.ZoneOffset;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.TestClock;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * 群众点单、社区派单、党员接单 over real HTTP with the demo accounts: the whole loop, illegal steps refused naming the
 * state, twenty members taking one wish at once, dispatch, and personal details kept from the wall and the public page.
 */
@ZhizhiIntegrationTest
class WishApiIntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	ConfigurableApplicationContext context;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	private String token(String user) {
		return api.tokenOf(user);
	}

	private String postAndPublish(String title, String beneficiary, int maxTakers) {
		Response posted = api.post("/api/v1/wishes", token("jumin01"), wish(title, beneficiary, maxTakers, clock.today()));
		assertThat(posted.status()).as(posted.brief()).isEqualTo(201);
		String id = idOf(posted);
		assertThat(api.post("/api/v1/wishes/" + id + "/approve", token("dongcheng"), null).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/wishes/" + id + "/publish", token("dongcheng"), null).status()).isEqualTo(200);
		return id;
	}

	@Test
	void residentPostsCommunityVetsMemberTakesAndFulfilsResidentConfirmsAndThanks() {
		String title = unique("助行器");
		Response posted = api.post("/api/v1/wishes", token("jumin01"), wish(title, "王奶奶", 1, clock.today()));
		assertThat(posted.status()).as(posted.brief()).isEqualTo(201);
		JsonNode wish = posted.json();
		String id = wish.path("id").asString();
		assertThat(wish.path("state").asString()).isEqualTo("POSTED");
		assertThat(wish.path("communityName").asString()).isEqualTo("东城社区");
		assertThat(wish.path("orgUnitId").asString()).isEqualTo(api.orgUnitId("东城社区第1网格").toString());
		assertThat(count("SELECT count(*) FROM notification.inbox_message WHERE kind = 'WISH_POSTED' AND title LIKE ?",
				"%" + title + "%")).as("the community is told").isGreaterThanOrEqualTo(1);

		// nobody takes a wish before the community vets it: for a member it does not exist yet
		assertThat(api.post("/api/v1/wishes/" + id + "/take", token("dangyuan01"), null).problemCode(404))
			.isEqualTo("NOT_FOUND");
		// and the community cannot publish it before approving: 409 naming the state
		Response early = api.post("/api/v1/wishes/" + id + "/publish", token("dongcheng"), null);
		assertThat(early.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(early.json().path("detail").asString()).contains("POSTED");

		Response edited = api.send("PATCH", "/api/v1/wishes/" + id, token("dongcheng"),
				ApiClient.json(map("description", "一台助行器，方便下楼。", "publicLabel", "一位行动不便的老人")));
		assertThat(edited.status()).as(edited.brief()).isEqualTo(200);
		assertThat(count("SELECT count(*) FROM notification.inbox_message WHERE kind = 'WISH_POSTED' AND title LIKE ?"
				+ " AND done_at IS NULL", "%" + title + "%")).as("an edit leaves the vetting to do").isPositive();
		assertThat(api.post("/api/v1/wishes/" + id + "/approve", token("dongcheng"), null).json().path("state")
			.asString()).isEqualTo("APPROVED");
		// issue 15, item 10: vetted, the community's "to vet" notices are done (and read), for every staff member
		assertThat(count("SELECT count(*) FROM notification.inbox_message WHERE kind = 'WISH_POSTED' AND title LIKE ?"
				+ " AND (done_at IS NULL OR read_at IS NULL)", "%" + title + "%")).isZero();
		assertThat(api.post("/api/v1/wishes/" + id + "/publish", token("dongcheng"), null).json().path("state")
			.asString()).isEqualTo("PUBLISHED");

		// on the members' wall, without who wishes it
		List<JsonNode> wall = api.get("/api/v1/wishes/wall", token("dangyuan01")).list();
		JsonNode onWall = wall.stream().filter(w -> w.path("id").asString().equals(id)).findFirst().orElseThrow();
		assertThat(onWall.path("beneficiaryName").isNull()).isTrue();
		assertThat(onWall.path("beneficiaryAddress").isNull()).isTrue();
		assertThat(onWall.path("postedBy").isNull()).isTrue();
		assertThat(onWall.path("publicLabel").asString()).isEqualTo("一位行动不便的老人");

		Response taken = api.post("/api/v1/wishes/" + id + "/take", token("dangyuan01"), null);
		assertThat(taken.status()).as(taken.brief()).isEqualTo(200);
		assertThat(taken.json().path("state").asString()).isEqualTo("TAKEN");
		Response second = api.post("/api/v1/wishes/" + id + "/take", token("dangyuan02"), null);
		assertThat(second.problemCode(409)).isEqualTo("WISH_FULL");
		// the taker now sees whom to deliver to, still not who posted it
		JsonNode forTaker = api.get("/api/v1/wishes/" + id, token("dangyuan01")).json();
		assertThat(forTaker.path("wish").path("beneficiaryName").asString()).isEqualTo("王奶奶");
		assertThat(forTaker.path("wish").path("postedBy").isNull()).isTrue();
		assertThat(forTaker.path("mayFulfil").asBoolean()).isTrue();

		// fulfilment needs a photo; only a taker reports it
		Response noPhoto = fulfil(port, token("dangyuan01"), id, "已送到家中", null);
		assertThat(noPhoto.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noPhoto.errorFields()).contains("photo");
		assertThat(fulfil(port, token("dangyuan02"), id, "我送的", jpeg()).problemCode(403)).isEqualTo("NOT_A_TAKER");
		Response done = fulfil(port, token("dangyuan01"), id, "已送到家中，教会了使用", jpeg());
		assertThat(done.status()).as(done.brief()).isEqualTo(200);
		assertThat(done.json().path("state").asString()).isEqualTo("FULFILLED");
		String photoId = done.json().path("fulfilmentPhotoId").asString();
		Response photo = api.getAccepting("/api/v1/wishes/" + id + "/photos/" + photoId, token("jumin01"),
				"image/jpeg");
		assertThat(photo.status()).isEqualTo(200);
		assertThat(api.getAccepting("/api/v1/wishes/" + id + "/photos/" + photoId, token("mudong"), "image/jpeg")
			.status()).as("another community's").isEqualTo(404);

		Response confirmed = api.post("/api/v1/wishes/" + id + "/confirm", token("jumin01"),
				map("thanks", "谢谢陈党员！"));
		assertThat(confirmed.status()).as(confirmed.brief()).isEqualTo(200);
		assertThat(confirmed.json().path("state").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.json().path("thanks").asString()).isEqualTo("谢谢陈党员！");
		Response again = api.post("/api/v1/wishes/" + id + "/confirm", token("jumin01"), null);
		assertThat(again.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(again.json().path("detail").asString()).contains("CONFIRMED");

		JsonNode detail = api.get("/api/v1/wishes/" + id, token("dongcheng")).json();
		List<String> actions = new ArrayList<>();
		detail.path("timeline").forEach(step -> actions.add(step.path("action").asString()));
		assertThat(actions).containsExactly("POST", "EDIT", "APPROVE", "PUBLISH", "TAKE", "FULFIL", "CONFIRM");
		assertThat(detail.path("takers").get(0).path("name").asString()).isEqualTo("陈党员");
	}

	/**
	 * The fulfilment photo often shows the resident at home: the poster, the community's desk and the taker open it;
	 * another member in reach of the wall — who still sees the wish — does not, and his page shows no broken image.
	 */
	@Test
	void theFulfilmentPhotoGoesOnlyToThePosterTheDeskAndTheTakers() {
		String id = postAndPublish(unique("收音机"), "周秀兰", 1);
		assertThat(api.post("/api/v1/wishes/" + id + "/take", token("dangyuan01"), null).status()).isEqualTo(200);
		Response done = fulfil(port, token("dangyuan01"), id, "收音机已送到", jpeg());
		assertThat(done.status()).as(done.brief()).isEqualTo(200);
		String photoId = done.json().path("fulfilmentPhotoId").asString();
		String path = "/api/v1/wishes/" + id + "/photos/" + photoId;
		for (String user : List.of("dangyuan01", "jumin01", "dongcheng")) {
			assertThat(api.getAccepting(path, token(user), "image/jpeg").status()).as(user).isEqualTo(200);
			assertThat(api.getAccepting(path + "?size=thumbnail", token(user), "image/jpeg").status()).as(user)
				.isEqualTo(200);
		}
		// a member in reach sees the wish, but not the photo of the resident at home
		JsonNode forMember = api.get("/api/v1/wishes/" + id, token("dangyuan02")).json();
		assertThat(forMember.path("wish").path("state").asString()).isEqualTo("FULFILLED");
		assertThat(forMember.path("wish").path("fulfilmentPhotoId").isNull()).isTrue();
		assertThat(api.getAccepting(path, token("dangyuan02"), "image/jpeg").status()).isEqualTo(404);
		assertThat(api.getAccepting(path + "?size=thumbnail", token("dangyuan02"), "image/jpeg").status())
			.isEqualTo(404);

		WebSession member = new WebSession(port).loggedInAs("dangyuan02", ApiClient.DEMO_PASSWORD);
		assertThat(member.get("/wishes/" + id + "/photos/" + photoId).statusCode()).isEqualTo(404);
		String page = member.get("/m/wishes/" + id).body();
		assertThat(page).contains("收音机已送到").doesNotContain("fulfilment-photo", photoId);
		WebSession taker = new WebSession(port).loggedInAs("dangyuan01", ApiClient.DEMO_PASSWORD);
		assertThat(taker.get("/m/wishes/" + id).body()).contains("fulfilment-photo", photoId);
		assertThat(taker.get("/wishes/" + id + "/photos/" + photoId).statusCode()).isEqualTo(200);
	}

	@Test
	void twentyMembersTakingOneWishAtOnceLeaveExactlyOneTaker() throws Exception {
		String id = postAndPublish(unique("轮椅"), "李爷爷", 1);
		List<String> tokens = members(20);
		List<CompletableFuture<Response>> calls = new ArrayList<>();
		for (String token : tokens) {
			calls.add(api.sendAsync("POST", "/api/v1/wishes/" + id + "/take", token, null));
		}
		List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(Response::status).toList();
		assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
		assertThat(count("SELECT count(*) FROM wish.taker WHERE wish_id = ?::uuid", id)).isEqualTo(1);
		assertThat(count("SELECT taker_count FROM wish.wish WHERE id = ?::uuid", id)).isEqualTo(1);
	}

	@Test
	void aWishForThreeTakesExactlyThreeOfTwentyAtOnce() {
		String id = postAndPublish(unique("暑期辅导"), "小明", 3);
		List<CompletableFuture<Response>> calls = new ArrayList<>();
		for (String token : members(20)) {
			calls.add(api.sendAsync("POST", "/api/v1/wishes/" + id + "/take", token, null));
		}
		List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(Response::status).toList();
		assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(17);
		assertThat(count("SELECT count(*) FROM wish.taker WHERE wish_id = ?::uuid", id)).isEqualTo(3);
	}

	/**
	 * Twelve members take a wish for three that one has already taken, while he reports it fulfilled: the row count
	 * decides. A take that commits before the fulfilment is one of its takers; a take too late for a place is refused
	 * WISH_FULL, one too late for the wish names the state it is in now, FULFILLED. WishFulfilled is published once,
	 * naming every taker that committed — the fulfilment overtaken by a take read the wish and its takers again.
	 */
	@Test
	void takesRacingAFulfilmentEitherCommitBeforeItAndAreNamedByWishFulfilledOrAreRefused() {
		int places = 3;
		String id = postAndPublish(unique("义诊"), "赵爷爷", places);
		String first = token("dangyuan01");
		assertThat(api.post("/api/v1/wishes/" + id + "/take", first, null).status()).isEqualTo(200);
		List<String> others = members(12);
		List<WishFulfilled> published = new CopyOnWriteArrayList<>();
		ApplicationListener<ApplicationEvent> listener = event -> {
			if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof WishFulfilled e
					&& e.wishId().toString().equals(id)) {
				published.add(e);
			}
		};
		context.addApplicationListener(listener);
		Response done;
		List<Response> takes;
		try {
			List<CompletableFuture<Response>> calls = new ArrayList<>();
			for (String token : others) {
				calls.add(api.sendAsync("POST", "/api/v1/wishes/" + id + "/take", token, null));
			}
			CompletableFuture<Response> fulfilment = CompletableFuture
				.supplyAsync(() -> fulfil(port, first, id, "义诊做完了", jpeg()));
			takes = calls.stream().map(CompletableFuture::join).toList();
			done = fulfilment.join();
		}
		finally {
			context.removeApplicationListener(listener);
		}

		assertThat(done.status()).as(done.brief()).isEqualTo(200);
		assertThat(done.json().path("state").asString()).isEqualTo("FULFILLED");
		List<UUID> committed = JdbcClient.create(dataSource)
			.sql("SELECT taker_id FROM wish.taker WHERE wish_id = ?::uuid ORDER BY taken_at, taker_id")
			.param(id)
			.query(UUID.class)
			.list();
		assertThat(committed).hasSizeBetween(1, places);
		assertThat(count("SELECT taker_count FROM wish.wish WHERE id = ?::uuid", id)).isEqualTo(committed.size());
		assertThat(takes).filteredOn(r -> r.status() == 200).hasSize(committed.size() - 1);
		List<Response> refused = takes.stream().filter(r -> r.status() != 200).toList();
		assertThat(refused).hasSize(others.size() - (committed.size() - 1));
		List<String> codes = refused.stream().map(r -> r.problemCode(409)).toList();
		assertThat(codes).allSatisfy(code -> assertThat(code).isIn("WISH_FULL", "ILLEGAL_TRANSITION"));
		// too late for a place only once every place was taken; too late for the wish once it was fulfilled
		if (committed.size() < places) {
			assertThat(codes).doesNotContain("WISH_FULL");
		}
		assertThat(refused).filteredOn(r -> r.problemCode(409).equals("ILLEGAL_TRANSITION"))
			.allSatisfy(r -> assertThat(r.body()).contains("FULFILLED"));
		assertThat(published).singleElement()
			.satisfies(e -> assertThat(e.takers()).extracting(Taker::takerId).containsExactlyElementsOf(committed));
	}

	@Test
	void theCommunityRefusesWithAReasonTheResidentIsTold() {
		Response posted = api.post("/api/v1/wishes", token("jumin01"), wish(unique("装修"), "张居民", 1, clock.today()));
		String id = idOf(posted);
		Response noReason = api.post("/api/v1/wishes/" + id + "/refuse", token("dongcheng"), map("reason", " "));
		assertThat(noReason.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noReason.errorFields()).containsExactly("reason");
		Response refused = api.post("/api/v1/wishes/" + id + "/refuse", token("dongcheng"),
				map("reason", "属于家庭装修，不是微心愿"));
		assertThat(refused.json().path("state").asString()).isEqualTo("REFUSED");
		assertThat(count("SELECT count(*) FROM notification.inbox_message WHERE kind = 'WISH_REFUSED' AND body LIKE ?",
				"%不是微心愿%")).isEqualTo(1);
		// a resident is no vetter
		Response selfApprove = api.post("/api/v1/wishes/" + id + "/approve", token("jumin01"), null);
		assertThat(selfApprove.problemCode(403)).isEqualTo("ROLE_NOT_ALLOWED");
	}

	@Test
	void aWishDispatchedToANamedMemberIsHisAloneAndATeamsTakeIsRecordedByTheCommunity() {
		Response posted = api.post("/api/v1/wishes", token("jumin01"), wish(unique("换灯泡"), "赵奶奶", 1, clock.today()));
		String id = idOf(posted);
		api.post("/api/v1/wishes/" + id + "/approve", token("dongcheng"), null);
		String member = api.get("/api/v1/me", token("dangyuan03")).json().path("id").asString();
		Response dispatched = api.post("/api/v1/wishes/" + id + "/dispatch", token("dongcheng"),
				map("kind", "MEMBER", "accountId", member));
		assertThat(dispatched.status()).as(dispatched.brief()).isEqualTo(200);
		assertThat(dispatched.json().path("state").asString()).isEqualTo("DISPATCHED");
		assertThat(api.get("/api/v1/wishes/wall", token("dangyuan01")).list())
			.noneMatch(w -> w.path("id").asString().equals(id));
		assertThat(api.post("/api/v1/wishes/" + id + "/take", token("dangyuan01"), null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/wishes/taken", token("dangyuan03")).list())
			.anyMatch(w -> w.path("id").asString().equals(id));
		assertThat(api.post("/api/v1/wishes/" + id + "/take", token("dangyuan03"), null).status()).isEqualTo(200);

		String teamWish = idOf(api.post("/api/v1/wishes", token("jumin01"), wish(unique("陪聊"), "钱爷爷", 1, clock.today())));
		api.post("/api/v1/wishes/" + teamWish + "/approve", token("dongcheng"), null);
		assertThat(api.post("/api/v1/wishes/" + teamWish + "/dispatch", token("dongcheng"), map("kind", "TEAM"))
			.errorFields()).containsExactly("name");
		api.post("/api/v1/wishes/" + teamWish + "/dispatch", token("dongcheng"), map("kind", "TEAM", "name", "红灯笼志愿服务队"));
		Response recorded = api.post("/api/v1/wishes/" + teamWish + "/take", token("dongcheng"), null);
		assertThat(recorded.status()).as(recorded.brief()).isEqualTo(200);
		JsonNode taker = api.get("/api/v1/wishes/" + teamWish, token("dongcheng")).json().path("takers").get(0);
		assertThat(taker.path("name").asString()).isEqualTo("红灯笼志愿服务队");
		assertThat(taker.path("kind").asString()).isEqualTo("TEAM");
	}

	@Test
	void aResidentSeesOnlyHisOwnWishesAndTheDeskIsNotHis() {
		String id = idOf(api.post("/api/v1/wishes", token("jumin01"), wish(unique("书包"), "小红", 1, clock.today())));
		String other = api.login(api.createResident("wish-other").path("username").asString(), ApiClient.TEST_PASSWORD);
		assertThat(api.get("/api/v1/wishes/" + id, other).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/wishes", other).problemCode(403)).isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(api.get("/api/v1/wishes/mine", token("jumin01")).list())
			.anyMatch(w -> w.path("id").asString().equals(id));
		// another community's staff does not see it at all
		assertThat(api.get("/api/v1/wishes/" + id, token("mudong")).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/v1/wishes/" + id + "/approve", token("mudong"), null).problemCode(404))
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void badInputIsAProblemNamingEachField() {
		Map<String, Object> body = wish("", "", 0, clock.today());
		body.put("dueOn", "2001-01-01");
		body.remove("category");
		Response response = api.post("/api/v1/wishes", token("jumin01"), body);
		assertThat(response.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(response.errorFields()).contains("title", "beneficiaryName", "dueOn", "category", "maxTakers");
		Response badEnum = api.postRaw("/api/v1/wishes", token("jumin01"), "{\"category\":\"CAKE\"}");
		assertThat(badEnum.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(badEnum.errorFields()).containsExactly("category");
	}

	@Test
	void thePublicWallShowsWishesWithoutAnyPersonalDataAndNeedsNoLogin() {
		String title = unique("老花镜");
		String id = postAndPublish(title, "欧阳秀英", 1);
		String code = api.get("/api/v1/wishes/" + id, token("dongcheng")).json().path("wish").path("communityCode")
			.asString();
		api.post("/api/v1/wishes/" + id + "/take", token("dangyuan02"), null);
		fulfil(port, token("dangyuan02"), id, "配好送到", jpeg());
		String open = postAndPublish(unique("台灯"), "司马光明", 1);

		HttpResponse<String> page = anonymous(port, "/public/communities/" + code + "/wishes");
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("东城社区", title, "一位独居老人");
		assertThat(html).contains(api.get("/api/v1/wishes/" + open, token("dongcheng")).json().path("wish")
			.path("title").asString());
		assertThat(html).doesNotContain("欧阳秀英", "司马光明", "东城公租房3栋2单元1804", "张居民", "刘党员");
		assertThat(html).contains("刘**");
		assertThat(html).doesNotContain("/logout");
		assertThat(anonymous(port, "/public/communities/999999999999/wishes").statusCode()).isEqualTo(404);
		// the desk still needs a login
		assertThat(anonymous(port, "/wishes").statusCode()).isEqualTo(302);
	}

	@Test
	void aLiaisonWhoTakesAndFulfilsShowsOnThePublicWallOnlyByTheFirstCharacterOfHisName() {
		Map<String, Object> liaison = ApiClient.newAccount(ApiClient.uniqueUsername("wl"), "PARTNER_LIAISON",
				api.orgUnitId("东城社区"), null);
		liaison.put("displayName", "王建国");
		api.createAccount(token("dongcheng"), liaison);
		String liaisonToken = api.login((String) liaison.get("username"), ApiClient.TEST_PASSWORD);
		String title = unique("轮椅");
		String id = postAndPublish(title, "欧阳秀英", 1);
		Response taken = api.post("/api/v1/wishes/" + id + "/take", liaisonToken, null);
		assertThat(taken.status()).as(taken.brief()).isEqualTo(200);
		Response fulfilled = fulfil(port, liaisonToken, id, "轮椅已送到", jpeg());
		assertThat(fulfilled.status()).as(fulfilled.brief()).isEqualTo(200);
		String code = api.get("/api/v1/wishes/" + id, token("dongcheng")).json().path("wish").path("communityCode")
			.asString();

		String html = anonymous(port, "/public/communities/" + code + "/wishes").body();
		assertThat(html).contains(title, "王**").doesNotContain("王建国");
	}

	@Test
	void theDemoHasAYearOfFulfilledWishesIn金银桥社区AndOpenOnesOnBothWalls() {
		// seed 003: 金银桥社区 fulfilled 100+ wishes through its in-service members
		assertThat(count("SELECT count(*) FROM wish.wish WHERE community_name = '金银桥社区' AND state IN ('FULFILLED', 'CONFIRMED')"
				+ " AND fulfilled_at > ?::timestamptz - interval '366 days'", clock.instant().atOffset(ZoneOffset.UTC)))
			.isGreaterThanOrEqualTo(100);
		assertThat(count("SELECT count(*) FROM wish.wish w JOIN wish.taker t ON t.wish_id = w.id WHERE true"
				+ " AND t.taker_name NOT IN ('陈党员', '刘党员', '赵党员', '孙党员') AND w.posted_at < ?::timestamptz - interval '1 hour'"
				+ " AND w.beneficiary_address IS NULL AND w.posted_by_name IN ('金银桥社区工作站')",
				clock.instant().atOffset(ZoneOffset.UTC))).isZero();
		HttpResponse<String> jinyinqiao = anonymous(port, "/public/communities/500113108003/wishes");
		assertThat(jinyinqiao.statusCode()).isEqualTo(200);
		assertThat(jinyinqiao.body()).contains("金银桥社区", "一台助行器").doesNotContain("金银桥社区工作站");
		assertThat(api.get("/api/v1/wishes/wall", token("dangyuan01")).list()).isNotEmpty();
		assertThat(api.get("/api/v1/wishes?state=PUBLISHED", token("mudong")).list()).hasSizeGreaterThanOrEqualTo(5);
	}

	private List<String> members(int n) {
		UUID community = api.orgUnitId("东城社区");
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String username = ApiClient.uniqueUsername("wm");
			api.createAccount(token("dongcheng"), ApiClient.newAccount(username, "PARTY_MEMBER", community, null));
			tokens.add(api.login(username, ApiClient.TEST_PASSWORD));
		}
		return tokens;
	}

	private long count(String sql, Object param) {
		return JdbcClient.create(dataSource).sql(sql).param(param).query(Long.class).single();
	}
}

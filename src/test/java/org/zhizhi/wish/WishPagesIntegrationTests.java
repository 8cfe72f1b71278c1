package org.zhizhi.wish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The pages with the demo accounts: the resident's form (refused in Chinese beside the field, then posted), the
 * community's desk and vetting, the member's wall and take, fulfilment, and the resident's confirmation with thanks.
 */
@ZhizhiIntegrationTest
class WishPagesIntegrationTests {

	@Autowired
	TestClock clock;

	private static final Pattern WISH_LINK = Pattern.compile("/m/my-wishes/([0-9a-f-]{36})");

	@LocalServerPort
	int port;

	private WebSession as(String user) {
		return new WebSession(port).loggedInAs(user, ApiClient.DEMO_PASSWORD);
	}

	@Test
	void aWishGoesFromTheResidentsFormThroughTheDeskAndTheWallToHisConfirmation() {
		WebSession resident = as("jumin01");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", "");
		form.put("description", "想要一台收音机听戏。");
		form.put("category", "GOODS");
		form.put("beneficiaryName", "周秀兰");
		form.put("beneficiaryAddress", "东城公租房5栋");
		form.put("publicLabel", "一位独居老人");
		form.put("dueOn", clock.today().plusDays(10).toString());
		form.put("maxTakers", "1");
		HttpResponse<String> refused = resident.submit("/m/wish", "/m/wish", form);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("提交的内容有误").contains("field-error");

		String title = WishFixtures.unique("收音机");
		form.put("title", title);
		HttpResponse<String> posted = resident.submit("/m/wish", "/m/wish", form);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		Matcher link = WISH_LINK.matcher(WebSession.location(posted));
		assertThat(link.find()).isTrue();
		String id = link.group(1);
		assertThat(resident.get("/m/my-wishes").body()).contains(title, "待审核");

		WebSession staff = as("dongcheng");
		assertThat(staff.get("/wishes").body()).contains(title, "周秀兰");
		HttpResponse<String> vetted = staff.submit("/wishes/" + id, "/wishes/" + id + "/approve-publish", Map.of());
		assertThat(vetted.statusCode()).isEqualTo(302);
		assertThat(staff.get("/wishes/" + id).body()).contains("已上墙");

		WebSession member = as("dangyuan02");
		String wall = member.get("/m/wishes").body();
		assertThat(wall).contains(title, "一位独居老人").doesNotContain("周秀兰", "东城公租房5栋");
		assertThat(member.submit("/m/wishes", "/m/wishes/" + id + "/take", Map.of()).statusCode()).isEqualTo(302);
		String mine = member.get("/m/wishes/" + id).body();
		assertThat(mine).contains("周秀兰", "fulfil-form");
		// a second member comes too late: the page says so in Chinese
		WebSession late = as("dangyuan03");
		late.submit("/m/wishes/" + id, "/m/wishes/" + id + "/take", Map.of());
		assertThat(late.get("/m/wishes/" + id).body()).contains("认领人数已满");

		ApiClient api = new ApiClient(port);
		assertThat(WishFixtures.fulfil(port, api.tokenOf("dangyuan02"), id, "收音机已送到", WishFixtures.jpeg()).status())
			.isEqualTo(200);
		String toConfirm = resident.get("/m/my-wishes/" + id).body();
		assertThat(toConfirm).contains("confirm-form", "fulfilment-photo", "收音机已送到");
		assertThat(resident.submit("/m/my-wishes/" + id, "/m/my-wishes/" + id + "/confirm", Map.of("thanks", "谢谢刘党员"))
			.statusCode()).isEqualTo(302);
		String done = resident.get("/m/my-wishes/" + id).body();
		assertThat(done).contains("已圆梦", "谢谢刘党员");
	}

	@Test
	void aRefusedStepComesBackToThePageWithItsChineseMessage() {
		ApiClient api = new ApiClient(port);
		String id = WishFixtures.idOf(api.post("/api/v1/wishes", api.tokenOf("jumin01"), WishFixtures.wish(
				WishFixtures.unique("雨伞"), "吴大爷", 1, clock.today())));
		WebSession staff = as("dongcheng");
		staff.submit("/wishes/" + id, "/wishes/" + id + "/refuse", Map.of("reason", ""));
		assertThat(staff.get("/wishes/" + id).body()).contains("请填写不予通过的理由");
		// publishing before approval is refused naming the state and the step as people call them
		staff.submit("/wishes/" + id, "/wishes/" + id + "/publish", Map.of());
		assertThat(staff.get("/wishes/" + id).body()).contains("这个心愿现在是“待审核”，不能再“发布到心愿墙”");
	}

	/** What marks each step's button or form on the page of a wish. */
	private static final Map<String, List<String>> MARKS = Map.of("EDIT", List.of("id=\"edit-form\""), "APPROVE",
			List.of("id=\"approve\""), "PUBLISH", List.of("id=\"publish\""), "DISPATCH",
			List.of("id=\"dispatch-form\""), "REFUSE", List.of("id=\"refuse-form\""), "TAKE",
			List.of("id=\"take\"", "id=\"record-take\""), "FULFIL", List.of("id=\"fulfil-form\""), "CONFIRM",
			List.of("id=\"confirm-form\""));

	/**
	 * The page never decides: for the desk, a member and the poster, in every state a wish passes, the page of the wish
	 * offers exactly the steps the API's detail lists — both are WishPolicy's answer.
	 */
	@Test
	void thePagesOfferExactlyTheStepsTheApiListsForEachPersonAndState() {
		ApiClient api = new ApiClient(port);
		String id = WishFixtures.idOf(api.post("/api/v1/wishes", api.tokenOf("jumin01"), WishFixtures.wish(
				WishFixtures.unique("台灯"), "吴大爷", 1, clock.today())));
		Map<String, String> pages = Map.of("dongcheng", "/wishes/", "dangyuan02", "/m/wishes/", "jumin01",
				"/m/my-wishes/");
		Map<String, WebSession> sessions = new LinkedHashMap<>();
		pages.keySet().forEach(user -> sessions.put(user, as(user)));
		List<Runnable> steps = List.of(() -> api.post("/api/v1/wishes/" + id + "/approve", api.tokenOf("dongcheng"), null),
				() -> api.post("/api/v1/wishes/" + id + "/publish", api.tokenOf("dongcheng"), null),
				() -> api.post("/api/v1/wishes/" + id + "/take", api.tokenOf("dangyuan02"), null),
				() -> WishFixtures.fulfil(port, api.tokenOf("dangyuan02"), id, "台灯已送到", WishFixtures.jpeg()),
				() -> api.post("/api/v1/wishes/" + id + "/confirm", api.tokenOf("jumin01"), Map.of("thanks", "谢谢")));
		Set<String> offeredSomewhere = new java.util.HashSet<>();
		for (int i = 0; i <= steps.size(); i++) {
			for (var viewer : pages.entrySet()) {
				var detail = api.get("/api/v1/wishes/" + id, api.tokenOf(viewer.getKey()));
				if (detail.status() == 404) {
					// still being vetted: it does not exist for a member
					continue;
				}
				HttpResponse<String> page = sessions.get(viewer.getKey()).get(viewer.getValue() + id);
				Set<String> actions = new java.util.HashSet<>();
				detail.json().path("actions").forEach(a -> actions.add(a.asString()));
				String state = detail.json().path("wish").path("state").asString();
				offeredSomewhere.addAll(actions);
				for (var mark : MARKS.entrySet()) {
					boolean shown = mark.getValue().stream().anyMatch(page.body()::contains);
					assertThat(shown).as("%s of %s to %s", mark.getKey(), state, viewer.getKey())
						.isEqualTo(actions.contains(mark.getKey()));
				}
			}
			if (i < steps.size()) {
				steps.get(i).run();
			}
		}
		assertThat(offeredSomewhere).contains("EDIT", "APPROVE", "REFUSE", "PUBLISH", "DISPATCH", "TAKE", "FULFIL",
				"CONFIRM");
	}

	@Test
	void theDeskAndThePhonePagesOpenForTheirRoles() {
		assertThat(as("mudong").get("/wishes?tab=CONFIRMED").body()).contains("金银桥社区", "已圆梦");
		assertThat(as("dangyuan01").get("/m/wishes").body()).contains("wall-wishes");
		assertThat(as("jumin01").get("/m/wish").body()).contains("wish-form");
		assertThat(as("jumin01").get("/wishes").statusCode()).isEqualTo(403);
	}
}

package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The dispatch and supervision steps from the screens, over real HTTP with a browser-like session: the desk assigns to
 * a member or a unit and blows a tough whistle with a co-unit, escalates, urges one by one and in a batch, decides an
 * extension asked on the phone, and reopens after an unsatisfied rating; a unit's liaison answers on the phone and sees
 * nothing of other units; refused input is told beside its field in Chinese.
 */
@ZhizhiIntegrationTest
class DeskActionsIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final String PROPERTY_UNIT = "东城社区红色物业服务中心";

	private static final String ENFORCEMENT_UNIT = "界石镇综合行政执法大队";

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theDeskAssignsAWhistleToAGridMemberWhoAnswersOnThePhone() {
		UUID id = triagedByApi("指派党员 " + UUID.randomUUID());
		WebSession desk = session("dongcheng-g01");
		String path = "/incidents/" + id;
		String page = desk.get(path).body();
		String member = optionValue(page, "陈党员");

		HttpResponse<String> whistled = desk.submit(path, path + "/whistle",
				Map.of("type", "QUICK", "dispatch", "MEMBER", "assigneeId", member));
		assertThat(WebSession.location(whistled)).isEqualTo(path);
		String after = desk.get(path).body();
		assertThat(after).contains("已指派", "陈党员", "指派", "响应期限", "到场期限", "办结期限");

		WebSession phone = session("dangyuan01");
		assertThat(phone.get("/m/tasks").body()).contains("/m/tasks/" + id);
		String task = phone.get("/m/tasks/" + id).body();
		assertThat(task).contains("id=\"answer-form\"", "id=\"hand-back-form\"");
		assertThat(WebSession.location(phone.submit("/m/tasks/" + id, "/m/tasks/" + id + "/answer", Map.of())))
			.isEqualTo("/m/tasks/" + id);
		assertThat(phone.get("/m/tasks/" + id).body()).contains("已应哨", "id=\"check-in-form\"", "id=\"extension-form\"")
			.doesNotContain("id=\"answer-form\"");
	}

	@Test
	void aWhistledOrderIsAssignedToAUnitWhoseLiaisonAloneSeesAndAnswersIt() {
		UUID id = whistledByApi("指派物业 " + UUID.randomUUID());
		WebSession desk = session("dongcheng-g01");
		String path = "/incidents/" + id;
		String page = desk.get(path).body();
		assertThat(page).contains("id=\"action-assign\"").doesNotContain("id=\"action-whistle\"");

		HttpResponse<String> assigned = desk.submit(path, path + "/assign",
				Map.of("dispatch", "UNIT", "unitId", optionValue(page, PROPERTY_UNIT)));
		assertThat(WebSession.location(assigned)).isEqualTo(path);
		assertThat(notice(desk.get(path).body())).isEqualTo("已派单：派给 " + PROPERTY_UNIT + " 应哨。");

		WebSession liaison = session("wuye-dongcheng");
		String tasks = liaison.get("/m/tasks").body();
		assertThat(tasks).contains("本单位工单", "/m/tasks/" + id).doesNotContain("待抢工单");
		assertThat(WebSession.location(liaison.submit("/m/tasks/" + id, "/m/tasks/" + id + "/answer", Map.of())))
			.isEqualTo("/m/tasks/" + id);
		assertThat(liaison.get("/m/tasks/" + id).body()).contains("已应哨", "id=\"note-form\"");

		// another unit's liaison: not in his list, and the task itself does not exist for him
		WebSession other = session("chengguan");
		assertThat(other.get("/m/tasks").body()).doesNotContain(id.toString());
		assertThat(other.get("/m/tasks/" + id).statusCode()).isEqualTo(404);
		assertThat(other.get("/").body()).contains("href=\"/m/tasks\"");
	}

	@Test
	void aToughWhistleFromTheFormGoesToItsLeadUnitWithACoUnitAndRowErrorsStandBesideTheirRow() {
		UUID id = triagedByApi("攻坚 " + UUID.randomUUID());
		WebSession desk = session("dongcheng-g01");
		String path = "/incidents/" + id;
		String page = desk.get(path).body();
		String lead = optionValue(page, ENFORCEMENT_UNIT);
		String co = optionValue(page, PROPERTY_UNIT);

		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "TOUGH");
		form.put("unitId", lead);
		form.put("task", "拆除违建");
		form.put("coUnit", ",," + co);
		form.put("coTask", ",,");
		HttpResponse<String> refused = desk.submit(path, path + "/whistle", form);
		assertThat(refused.statusCode()).isEqualTo(200);
		String row = refused.body().substring(refused.body().indexOf("data-row=\"2\""));
		assertThat(row.substring(0, row.indexOf("</div>"))).contains("请填写任务分工");

		form.put("coTask", ",,清运建渣");
		assertThat(WebSession.location(desk.submit(path, path + "/whistle", form))).isEqualTo(path);
		String after = desk.get(path).body();
		assertThat(after).contains("id=\"parts\"", "攻坚哨", ENFORCEMENT_UNIT, "拆除违建", PROPERTY_UNIT, "清运建渣", "牵头",
				"协办");

		// the co-unit's liaison sees his part on the phone and takes it on
		WebSession liaison = session("wuye-dongcheng");
		assertThat(liaison.get("/m/tasks").body()).contains("/m/tasks/" + id);
		assertThat(liaison.get("/m/tasks/" + id).body()).contains("id=\"part-answer-form\"", "清运建渣");
		liaison.submit("/m/tasks/" + id, "/m/tasks/" + id + "/part/answer", Map.of());
		assertThat(liaison.get("/m/tasks/" + id).body()).contains("已接受协办任务", "id=\"part-done-form\"");
	}

	// --- the notice after a dispatch says what happened: which whistle, to whom ---------------------------------------

	@Test
	void aQuickWhistleLeftToTheOpenCallSaysItWaitsForAMemberToClaimIt() {
		String path = "/incidents/" + triagedByApi("吹哨抢单 " + UUID.randomUUID());
		WebSession desk = session("dongcheng-g01");
		desk.submit(path, path + "/whistle", Map.of("type", "QUICK", "dispatch", "OPEN_CALL"));
		assertThat(notice(desk.get(path).body())).isEqualTo("已吹哨（快捷哨）：已发布到党员接单，等待党员接单。");
	}

	@Test
	void aWhistleToAUnitNamesTheUnitThatIsToAnswer() {
		String path = "/incidents/" + triagedByApi("吹哨派单位 " + UUID.randomUUID());
		WebSession desk = session("dongcheng-g01");
		String page = desk.get(path).body();
		desk.submit(path, path + "/whistle",
				Map.of("type", "EMERGENCY", "dispatch", "UNIT", "unitId", optionValue(page, PROPERTY_UNIT)));
		String after = desk.get(path).body();
		assertThat(notice(after)).isEqualTo("已吹哨（应急哨）：派给 " + PROPERTY_UNIT + " 应哨。");
		assertThat(after).doesNotContain("等待党员接单");
	}

	@Test
	void aWhistleToAMemberByNameOrByTurnNamesTheMember() {
		String named = "/incidents/" + triagedByApi("吹哨派党员 " + UUID.randomUUID());
		WebSession desk = session("dongcheng-g01");
		String page = desk.get(named).body();
		desk.submit(named, named + "/whistle",
				Map.of("type", "QUICK", "dispatch", "MEMBER", "assigneeId", optionValue(page, "陈党员")));
		assertThat(notice(desk.get(named).body())).isEqualTo("已吹哨（快捷哨）：派给 陈党员，等待其应哨。");

		String byTurn = "/incidents/" + triagedByApi("吹哨轮派 " + UUID.randomUUID());
		desk.submit(byTurn, byTurn + "/whistle", Map.of("type", "QUICK", "dispatch", "ROUND_ROBIN"));
		String after = desk.get(byTurn).body();
		Matcher m = Pattern.compile("已吹哨（快捷哨）：轮派给 (\\S+)，等待其应哨。").matcher(notice(after));
		assertThat(m.matches()).as(notice(after)).isTrue();
		// the member the turn fell on is the one the incident is with now
		assertThat(after.replace(notice(after), "")).contains(m.group(1));
	}

	@Test
	void aToughWhistleNamesItsLeadUnitAndCoUnits() {
		String path = "/incidents/" + triagedByApi("攻坚通知 " + UUID.randomUUID());
		WebSession desk = session("dongcheng-g01");
		String page = desk.get(path).body();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "TOUGH");
		form.put("unitId", optionValue(page, ENFORCEMENT_UNIT));
		form.put("task", "拆除违建");
		form.put("coUnit", optionValue(page, PROPERTY_UNIT) + ",,");
		form.put("coTask", "清运建渣,,");
		desk.submit(path, path + "/whistle", form);
		assertThat(notice(desk.get(path).body()))
			.isEqualTo("已吹哨（攻坚哨）：由牵头单位 " + ENFORCEMENT_UNIT + " 应哨，协办单位 " + PROPERTY_UNIT + "。");
	}

	@Test
	void escalatingNeedsAReasonAndHandsTheIncidentToTheCommunity() {
		UUID id = whistledByApi("上报 " + UUID.randomUUID());
		WebSession desk = session("dongcheng-g01");
		String path = "/incidents/" + id;

		HttpResponse<String> refused = desk.submit(path, path + "/escalate", Map.of("note", " "));
		assertThat(refused.statusCode()).isEqualTo(200);
		String form = refused.body().substring(refused.body().indexOf("id=\"action-escalate\""));
		assertThat(form.substring(0, form.indexOf("</form>"))).contains("上报时须说明原因");

		assertThat(WebSession.location(desk.submit(path, path + "/escalate", Map.of("note", "网格无力处置"))))
			.isEqualTo(path);
		String after = desk.get(path).body();
		assertThat(after).contains("已上报上一级。", "已上报 1 次", "网格 → 社区").doesNotContain("id=\"action-assign\"");
		assertThat(session("dongcheng").get(path).body()).contains("id=\"action-assign\"", "东城社区");
	}

	@Test
	void urgingOneByOneAndInABatchSaysWhichWereUrgedAndWhyNotTheClosedOne() {
		UUID first = whistledByApi("督办一 " + UUID.randomUUID());
		UUID second = whistledByApi("督办二 " + UUID.randomUUID());
		UUID closed = closedByApi("已办结 " + UUID.randomUUID());
		WebSession staff = session("dongcheng");
		String path = "/incidents/" + first;

		HttpResponse<String> noCard = staff.submit(path, path + "/urge", Map.of("note", "抓紧"));
		assertThat(noCard.body().substring(noCard.body().indexOf("id=\"action-urge\""))).contains("必填");
		assertThat(WebSession.location(staff.submit(path, path + "/urge", Map.of("card", "YELLOW", "note", "抓紧"))))
			.isEqualTo(path);
		assertThat(staff.get(path).body()).contains("已督办。", "黄牌 1");

		String queue = staff.get("/incidents").body();
		assertThat(queue).contains("批量督办", "name=\"card\"");
		HttpResponse<String> batch = staff.submit("/incidents", "/incidents/urge",
				Map.of("ids", first + "," + second + "," + closed, "card", "RED", "note", "限期办结"));
		assertThat(WebSession.location(batch)).isEqualTo("/incidents");
		String outcome = staff.get("/incidents").body();
		assertThat(outcome).contains("已督办 2 件（共选 3 件）");
		String closedLine = outcome.substring(outcome.indexOf("data-id=\"" + closed + "\""));
		assertThat(closedLine.substring(0, closedLine.indexOf("</li>"))).contains("未督办", "已办结", "不能督办");
		assertThat(staff.get(path).body()).contains("红牌 1", "黄牌 1");

		HttpResponse<String> nothing = staff.submit("/incidents", "/incidents/urge", Map.of("card", "RED"));
		assertThat(WebSession.location(nothing)).isEqualTo("/incidents");
		assertThat(staff.get("/incidents").body()).contains("请先勾选要督办的事件");
	}

	@Test
	void anExtensionAskedOnThePhoneIsDecidedOnTheDeskOneTierUp() {
		UUID id = whistledByApi("延期 " + UUID.randomUUID());
		WebSession phone = session("dangyuan01");
		String task = "/m/tasks/" + id;
		phone.submit("/m/tasks", task + "/claim", Map.of());

		HttpResponse<String> refused = phone.submit(task, task + "/extension", Map.of("hours", "9999", "note", ""));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("延期时长须在 1 到 720 小时之间", "申请延期须说明原因");
		assertThat(WebSession.location(phone.submit(task, task + "/extension", Map.of("hours", "48", "note", "等待配件"))))
			.isEqualTo(task);
		assertThat(phone.get(task).body()).contains("延期申请已提交", "等待上级审批").doesNotContain("id=\"extension-form\"");

		String path = "/incidents/" + id;
		assertThat(session("dongcheng-g01").get(path).body()).doesNotContain("id=\"action-extension\"");
		WebSession staff = session("dongcheng");
		String page = staff.get(path).body();
		assertThat(page).contains("id=\"action-extension\"", "48 小时", "等待配件", "陈党员");
		assertThat(WebSession.location(staff.submit(path, path + "/extension", Map.of("approve", "true", "note", "同意"))))
			.isEqualTo(path);
		String after = staff.get(path).body();
		assertThat(after).contains("已批准延期", "已批准").doesNotContain("id=\"action-extension\"");
	}

	@Test
	void anUnsatisfiedRatingShowsItsCommentAndIsReopenedWithANote() {
		UUID id = closedByApi("不满意 " + UUID.randomUUID());
		api.post("/api/v1/incidents/" + id + "/rate", api.tokenOf("dongcheng"),
				Map.of("rating", "UNSATISFIED", "comment", "问题依旧"));
		WebSession staff = session("dongcheng");
		String path = "/incidents/" + id;
		assertThat(staff.get(path).body()).contains("id=\"action-reopen\"", "问题依旧", "维持办结");

		HttpResponse<String> refused = staff.submit(path, path + "/reopen", Map.of("note", ""));
		assertThat(refused.body().substring(refused.body().indexOf("id=\"action-reopen\""))).contains("重新办理时须说明原因");
		assertThat(WebSession.location(staff.submit(path, path + "/reopen", Map.of("note", "重新核实"))))
			.isEqualTo(path);
		assertThat(staff.get(path).body()).contains("已重新办理", "已重办 1 次", "已受理").doesNotContain("id=\"action-reopen\"");
	}

	@Test
	void aDispatchWithoutItsTargetIsToldBesideTheField() {
		UUID id = triagedByApi("缺少对象 " + UUID.randomUUID());
		WebSession desk = session("dongcheng-g01");
		String path = "/incidents/" + id;
		HttpResponse<String> refused = desk.submit(path, path + "/whistle", Map.of("type", "QUICK", "dispatch", "MEMBER"));
		assertThat(refused.statusCode()).isEqualTo(200);
		String form = refused.body().substring(refused.body().indexOf("name=\"assigneeId\""));
		assertThat(form.substring(0, form.indexOf("</label>") + 300)).contains("请指定一名人员或一个单位");
		HttpResponse<String> tough = desk.submit(path, path + "/whistle", Map.of("type", "TOUGH", "task", "x"));
		String unit = tough.body().substring(tough.body().indexOf("name=\"unitId\""));
		assertThat(unit.substring(0, unit.indexOf("name=\"task\""))).contains("攻坚哨须指定牵头单位");
	}

	// --- helpers ----------------------------------------------------------------------------------------------------

	private WebSession session(String username) {
		return new WebSession(port).loggedInAs(username, ApiClient.DEMO_PASSWORD);
	}

	/** The notice a dispatch left on the incident's page. */
	private static String notice(String html) {
		Matcher m = Pattern.compile("id=\"dispatch-notice\">([^<]*)<").matcher(html);
		assertThat(m.find()).as("a dispatch notice").isTrue();
		return m.group(1);
	}

	/** The value of the first option of the page whose text begins with the given name. */
	private static String optionValue(String html, String name) {
		Matcher m = Pattern.compile("<option value=\"([0-9a-f-]{36})\"[^>]*>" + Pattern.quote(name)).matcher(html);
		assertThat(m.find()).as("an option for %s", name).isTrue();
		return m.group(1);
	}

	private UUID triagedByApi(String description) {
		UUID id = reportByApi(description);
		String leader = api.tokenOf("dongcheng-g01");
		api.post("/api/v1/incidents/" + id + "/accept", leader, Map.of());
		api.post("/api/v1/incidents/" + id + "/triage", leader, Map.of("triage", "COMMUNITY"));
		return id;
	}

	private UUID whistledByApi(String description) {
		UUID id = triagedByApi(description);
		api.post("/api/v1/incidents/" + id + "/whistle", api.tokenOf("dongcheng-g01"), Map.of("type", "QUICK"));
		return id;
	}

	private UUID closedByApi(String description) {
		UUID id = reportByApi(description);
		String leader = api.tokenOf("dongcheng-g01");
		api.post("/api/v1/incidents/" + id + "/accept", leader, Map.of());
		var closed = api.post("/api/v1/incidents/" + id + "/triage", leader,
				Map.of("triage", "PRIVATE", "note", "已告知居民联系物业"));
		assertThat(closed.json().path("incident").path("state").asString()).isEqualTo("CLOSED");
		return id;
	}

	private UUID reportByApi(String description) {
		double[] point = api.centroid("东城社区第1网格");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PATROL");
		body.put("categoryCode", "OTHER");
		body.put("description", description);
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		try {
			var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + api.tokenOf("dongcheng-g01"))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
				.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return UUID.fromString(new ApiClient.Response(response.statusCode(), response.headers(), response.body())
				.json()
				.path("incident")
				.path("id")
				.asString());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}

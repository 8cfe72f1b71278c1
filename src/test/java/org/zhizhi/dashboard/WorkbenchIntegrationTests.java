package org.zhizhi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The workbench is a to-do list (issue 15): a report waits for its grid worker and his community, not for the street
 * or a unit; a fulfilled wish waits for its poster; every item of every demo role's list opens its action's page.
 */
@ZhizhiIntegrationTest
class WorkbenchIntegrationTests {

	private static final Pattern WAITING = Pattern.compile("data-waiting=\"([a-zA-Z.]+)\">(\\d+)<");

	private static final Pattern ITEM = Pattern.compile("<a href=\"([^\"]+)\" class=\"todo-item\"");

	@LocalServerPort
	int port;

	private String home(String account) {
		return new WebSession(port).loggedInAs(account, ApiClient.DEMO_PASSWORD).get("/").body();
	}

	private static Map<String, Long> waiting(String html) {
		Map<String, Long> totals = new LinkedHashMap<>();
		Matcher m = WAITING.matcher(html);
		while (m.find()) {
			totals.put(m.group(1), Long.parseLong(m.group(2)));
		}
		return totals;
	}

	@Test
	void aNewReportWaitsForItsGridWorkerAndItsCommunityOnly() {
		ApiClient api = new ApiClient(port);
		String kind = "workbench.incident.toDispatch";
		long grid = waiting(home("dongcheng-g01")).getOrDefault(kind, 0L);
		long community = waiting(home("dongcheng")).getOrDefault(kind, 0L);

		String what = "工作台测试 " + UUID.randomUUID().toString().substring(0, 8);
		String id = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", what);

		assertThat(waiting(home("dongcheng-g01"))).containsEntry(kind, grid + 1);
		String desk = home("dongcheng");
		assertThat(waiting(desk)).containsEntry(kind, community + 1);
		for (String other : List.of("jieshi", "gongdian", "jumin02")) {
			assertThat(home(other)).as(other).doesNotContain(what).doesNotContain("/incidents/" + id + "\"");
		}
		// the grid worker takes it from his list; once he has turned it down it no longer waits for anybody
		WebSession worker = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		assertThat(worker.get("/incidents/" + id).body()).contains(what);
		ApiClient.Response rejected = api.post("/api/v1/incidents/" + id + "/reject", api.tokenOf("dongcheng-g01"),
				Map.of("reason", "NOT_OURS", "note", "工作台测试完毕"));
		assertThat(rejected.status()).as(rejected.brief()).isEqualTo(200);
		assertThat(waiting(home("dongcheng-g01")).getOrDefault(kind, 0L)).isEqualTo(grid);
	}

	@Test
	void everyItemOfEveryRolesListOpensItsPage() {
		List<String> checked = new ArrayList<>();
		for (String account : List.of("dongcheng-g01", "dongcheng", "jieshi", "banan", "dangyuan01", "jumin01",
				"gongdian", "wuye-dongcheng", "mudong", "mudong-school", "wuye-jianguan", "shouhu01", "shangjia01",
				"longjin", "dangyuan04")) {
			WebSession session = new WebSession(port).loggedInAs(account, ApiClient.DEMO_PASSWORD);
			String html = session.get("/").body();
			assertThat(html).contains("id=\"todo-title\"");
			Matcher item = ITEM.matcher(html);
			while (item.find()) {
				String href = item.group(1).replace("&amp;", "&");
				assertThat(opened(session, href)).as("%s opens %s", account, href).isEqualTo(200);
				checked.add(account + " " + href);
			}
			for (String list : waitingLists(html)) {
				assertThat(opened(session, list)).as("%s opens the list %s", account, list).isEqualTo(200);
			}
		}
		assertThat(checked).as("the demo gives the roles something to do").hasSizeGreaterThan(10);
	}

	@Test
	void theGuardianHasThisMonthsUnpaidBillsOfHisBuildingsToCollect() {
		String html = home("shouhu01");
		assertThat(waiting(html).getOrDefault("workbench.fees.toCollect", 0L)).as("新河街's guardians are still collecting")
			.isPositive();
		assertThat(html).contains("去收费", "/m/fees/");
		assertThat(home("jumin01")).doesNotContain("workbench.fees.toCollect");
	}

	@Test
	void theInspectorHasTheMonthsEstatesToInspect() {
		// 华城国际 was inspected this month (the demo's live inspection); 钱佳花园's contract runs and waits
		String html = home("wuye-jianguan");
		assertThat(waiting(html).getOrDefault("workbench.property.toInspect", 0L)).isPositive();
		assertThat(html).contains("钱佳花园", "去检查");
	}

	@Test
	void aResidentHasTheReportButtonAndNoFiguresOfTheTree() {
		String html = home("jumin01");
		assertThat(html).contains("id=\"report-now\"", "href=\"/m/report\"").doesNotContain("data-count=");
		assertThat(home("gongdian")).as("a unit's liaison counts no residents").doesNotContain("data-count=\"residents\"")
			.doesNotContain("id=\"report-now\"");
	}

	/** The status of the page at the end of a link, following the app's own redirects (a list of one opens it). */
	private static int opened(WebSession session, String href) {
		java.net.http.HttpResponse<String> response = session.get(href);
		for (int hops = 0; response.statusCode() == 302 && hops < 3; hops++) {
			response = session.get(WebSession.location(response));
		}
		return response.statusCode();
	}

	private static List<String> waitingLists(String html) {
		List<String> lists = new ArrayList<>();
		Matcher m = Pattern.compile("<li><a href=\"([^\"]+)\"><span>").matcher(html);
		while (m.find()) {
			lists.add(m.group(1).replace("&amp;", "&"));
		}
		return lists;
	}
}

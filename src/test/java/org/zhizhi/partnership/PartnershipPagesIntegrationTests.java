package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The desk pages of 共驻共建 as community staff and unit liaisons use them: the three lists with this year's match rate
 * (the same figure as the API's), publishing, claiming (once per unit), acceptance, agreements and the refusals in
 * Chinese; and the scope: another community's staff, a resident and an unbound liaison see nothing of it.
 */
@ZhizhiIntegrationTest
class PartnershipPagesIntegrationTests {

	@Autowired
	TestClock clock;

	private static final Pattern ITEM = Pattern.compile("^/partnership/items/([0-9a-f-]{36})$");

	@LocalServerPort
	int port;

	@Test
	void staffSeeTheListsWithThisYearsMatchRatePublishANeedAndALiaisonClaimsItOnce() {
		ApiClient api = new ApiClient(port);
		UUID jinyinqiao = api.orgUnitId("金银桥社区");
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> lists = mudong.get("/partnership/lists");
		assertThat(lists.statusCode()).isEqualTo(200);
		JsonNode rates = api.get("/api/v1/partnership/rates?communityId=" + jinyinqiao, api.tokenOf("mudong")).json();
		String expected = String.format("%.1f%%", rates.path("matchRate").asDouble() * 100);
		assertThat(lists.body()).contains("金银桥社区", "id=\"match-rate\"", "对接率", "需求清单", "资源清单", "项目清单",
				"河街照明改造", "id=\"publish-form\"");
		assertThat(between(lists.body(), "id=\"match-rate\">", "<")).isEqualTo(expected);
		assertThat(rates.path("published").asLong()).isGreaterThanOrEqualTo(7);
		// an earlier year's rates, the same as the API's for that year
		int lastYear = clock.today().getYear() - 1;
		String earlier = mudong.get("/partnership/lists?year=" + lastYear).body();
		JsonNode lastYears = api.get("/api/v1/partnership/rates?year=" + lastYear + "&communityId=" + jinyinqiao,
				api.tokenOf("mudong")).json();
		assertThat(earlier).contains(lastYear + "年 对接率",
				"已认领 " + lastYears.path("claimed").asLong() + " / 已发布 " + lastYears.path("published").asLong());

		// publish a need
		String title = "楼道扶手安装 " + UUID.randomUUID().toString().substring(0, 6);
		String end = clock.today().plusMonths(2).toString();
		HttpResponse<String> published = mudong.submit("/partnership/lists", "/partnership/lists",
				Map.of("communityId", jinyinqiao.toString(), "kind", "NEED", "title", title, "category",
						"ELDERLY_CARE", "description", "5栋楼道需安装扶手", "quantity", "3000", "measure", "YUAN",
						"periodStart", clock.today().toString(), "periodEnd", end));
		assertThat(published.statusCode()).isEqualTo(302);
		String itemPath = WebSession.location(published);
		Matcher m = ITEM.matcher(itemPath);
		assertThat(m.matches()).as(itemPath).isTrue();
		HttpResponse<String> item = mudong.get(itemPath);
		assertThat(item.body()).contains(title, "待认领", "已发布。", "id=\"claim-form\"", "id=\"withdraw-form\"",
				"还没有单位认领。");
		assertThat(mudong.get("/partnership/lists").body()).contains(title);

		// the liaison of 木洞小学 claims it: the pledge is public, the unit cannot claim twice
		WebSession school = new WebSession(port).loggedInAs("mudong-school", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> seen = school.get(itemPath);
		assertThat(seen.body()).contains(title, "id=\"claim-form\"").doesNotContain("name=\"partnerId\"",
				"id=\"withdraw-form\"", "id=\"matches\"");
		HttpResponse<String> claimed = school.submit(itemPath, itemPath + "/claim",
				Map.of("amount", "1000", "dueOn", end));
		assertThat(WebSession.location(claimed)).isEqualTo(itemPath);
		HttpResponse<String> after = school.get(itemPath);
		assertThat(after.body()).contains("已认领，承诺已公开。", "木洞小学", "data-status=\"PLEDGED\"", "认领 1,000 元",
				"class=\"form complete-form\"").doesNotContain("id=\"claim-form\"", "accept-form");
		HttpResponse<String> again = school.postForm(itemPath + "/claim",
				Map.of("_csrf", WebSession.csrfToken(after.body()), "amount", "500"));
		assertThat(WebSession.location(again)).isEqualTo(itemPath);
		assertThat(school.get(itemPath).body()).contains("本单位已认领过此事项，承诺不变。", "认领 1,000 元")
			.doesNotContain("认领 500 元");
		JsonNode detail = api.get("/api/v1/partnership/items/" + m.group(1), api.tokenOf("mudong")).json();
		assertThat(detail.path("claims")).hasSize(1);
		assertThat(detail.path("item").path("claimed").decimalValue()).isEqualByComparingTo("1000");

		// the staff see the pledge and the rest still open; over-claiming is refused in Chinese
		HttpResponse<String> staffView = mudong.get(itemPath);
		assertThat(staffView.body()).contains("木洞小学", "已认领", "id=\"claim-form\"");
		HttpResponse<String> over = mudong.submit(itemPath, itemPath + "/claim",
				Map.of("partnerId", partnerId(api, "木洞文旅公司"), "amount", "5000"));
		assertThat(WebSession.location(over)).isEqualTo(itemPath);
		assertThat(mudong.get(itemPath).body()).contains("认领数量超过剩余数量（剩余 2,000");

		// his workbench leads him to the lists and to his unit
		assertThat(school.get("/").body()).contains("id=\"tile-partnership\"", "id=\"tile-own-unit\"",
				"id=\"tile-wish-wall\"");
		// a liaison lands on his own unit instead of the list of units
		HttpResponse<String> units = school.get("/partnership/partners");
		assertThat(units.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(units)).isEqualTo("/partnership/partners/" + partnerId(api, "木洞小学"));
		assertThat(school.get(WebSession.location(units)).body()).contains("本单位的承诺", title, "id=\"unit-rates\"")
			.doesNotContain("id=\"liaison-form\"", "id=\"draft-agreement\"");
	}

	@Test
	void aRefusedPublishComesBackWithTheReasonsInChineseAndTheDraftKept() {
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> refused = mudong.submit("/partnership/lists", "/partnership/lists",
				Map.of("kind", "NEED", "title", "", "category", "EDUCATION", "description", "留着的说明", "quantity",
						"0", "measure", "PEOPLE", "periodStart", "2026-05-01", "periodEnd", "2026-04-01"));
		assertThat(refused.statusCode()).isEqualTo(302);
		String back = WebSession.location(refused);
		assertThat(back).startsWith("/partnership/lists");
		String page = mudong.get(back).body();
		assertThat(page).contains("名称：必填。", "数量：请填写大于0的数量", "结束日期：结束日期不能早于开始日期。", "留着的说明");
		// a number that is not one is named too, and nothing was written
		HttpResponse<String> notANumber = mudong.submit("/partnership/lists", "/partnership/lists",
				Map.of("kind", "NEED", "title", "不是数字的数量", "category", "EDUCATION", "quantity", "三千", "measure",
						"YUAN", "periodStart", "2026-05-01", "periodEnd", "2026-06-01"));
		assertThat(mudong.get(WebSession.location(notANumber)).body()).contains("数量：");
		ApiClient api = new ApiClient(port);
		assertThat(api.get("/api/v1/partnership/items?kind=NEED", api.tokenOf("mudong")).list())
			.noneMatch(i -> i.path("title").asString().equals("不是数字的数量"));
	}

	@Test
	void staffAcceptADeliveredPledgeOnceAndTheUnitsContributionGrows() {
		ApiClient api = new ApiClient(port);
		String token = api.tokenOf("mudong");
		// 木洞镇卫生院 delivered the 院坝义诊 of the demo and waits for the acceptance
		JsonNode need = api.get("/api/v1/partnership/items?kind=NEED", token)
			.list()
			.stream()
			.filter(i -> i.path("title").asString().equals("院坝义诊"))
			.findFirst()
			.orElseThrow();
		String hospital = partnerId(api, "木洞镇卫生院");
		long before = api.get("/api/v1/partners/" + hospital + "/contribution", token).json().path("projects").asLong();
		String itemPath = "/partnership/items/" + need.path("id").asString();
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		String page = mudong.get(itemPath).body();
		assertThat(page).contains("待验收", "accept-form", "服务 180 人次");
		String claimId = between(page, "data-claim=\"", "\"");
		HttpResponse<String> accepted = mudong.submit(itemPath, "/partnership/claims/" + claimId + "/accept",
				Map.of("itemId", need.path("id").asString(), "note", "群众反映很好"));
		assertThat(WebSession.location(accepted)).isEqualTo(itemPath);
		String done = mudong.get(itemPath).body();
		assertThat(done).contains("已验收，计入单位贡献。", "已验收", "群众反映很好", "已完成").doesNotContain("accept-form");
		assertThat(api.get("/api/v1/partners/" + hospital + "/contribution", token).json().path("projects").asLong())
			.isEqualTo(before + 1);
		// pressed again (a second tab): refused with the state in Chinese, nothing counted twice
		HttpResponse<String> twice = mudong.submit(itemPath, "/partnership/claims/" + claimId + "/accept",
				Map.of("itemId", need.path("id").asString()));
		assertThat(WebSession.location(twice)).isEqualTo(itemPath);
		assertThat(mudong.get(itemPath).body()).contains("认领当前状态为 已验收");
		assertThat(api.get("/api/v1/partners/" + hospital + "/contribution", token).json().path("projects").asLong())
			.isEqualTo(before + 1);
		// the ranking page lists the unit
		assertThat(mudong.get("/partnership/partners").body()).contains("id=\"ranking-year\"", "木洞镇卫生院",
				"未签本年度协议", "id=\"unsigned-flag\"");
	}

	@Test
	void aUnitIsRegisteredItsAgreementDraftedAndNotSignedWithoutTheSignedDocument() {
		ApiClient api = new ApiClient(port);
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		String name = "木洞镇农业服务中心 " + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> registered = mudong.submit("/partnership/partners", "/partnership/partners",
				Map.of("name", name, "type", "GOVERNMENT_AGENCY", "partyOrgName", "农业服务中心党支部", "contactName",
						"孙主任", "contactPhone", "13908321199"));
		String unitPath = WebSession.location(registered);
		assertThat(unitPath).matches("/partnership/partners/[0-9a-f-]{36}");
		String bank = unitPath.substring(unitPath.lastIndexOf('/') + 1);
		assertThat(mudong.get(unitPath).body()).contains(name, "共建单位已登记。", "未签本年度协议", "id=\"draft-agreement\"",
				"孙主任 13908321199");
		// in the list of units the contact is masked and the unit flagged
		assertThat(mudong.get("/partnership/partners").body()).contains(name, "孙** 139****1199")
			.doesNotContain("13908321199");
		// a phone that is not one is refused in Chinese
		HttpResponse<String> badPhone = mudong.submit("/partnership/partners", "/partnership/partners",
				Map.of("name", name + "二", "type", "SCHOOL", "contactPhone", "电话号码"));
		assertThat(mudong.get(WebSession.location(badPhone)).body()).contains("电话：电话号码格式不正确。");
		int year = clock.today().getYear();
		HttpResponse<String> drafted = mudong.submit(unitPath, unitPath + "/agreements",
				Map.of("year", String.valueOf(year), "commitments", "开设金融知识课堂；资助困难学生"));
		assertThat(WebSession.location(drafted)).isEqualTo(unitPath);
		String page = mudong.get(unitPath).body();
		assertThat(page).contains("协议已起草", "开设金融知识课堂", "草拟", "sign-form");
		// twice the same year: refused
		mudong.submit(unitPath, unitPath + "/agreements", Map.of("year", String.valueOf(year), "commitments", "再来一份"));
		assertThat(mudong.get(unitPath).body()).contains("该单位本年度协议已存在。");
		// signing without the document: refused, the flag stays
		JsonNode agreement = api.get("/api/v1/partners/" + bank + "/agreements", api.tokenOf("mudong"))
			.list()
			.stream()
			.filter(a -> a.path("year").asInt() == year)
			.findFirst()
			.orElseThrow();
		HttpResponse<String> unsigned = mudong.submit(unitPath,
				unitPath + "/agreements/" + agreement.path("id").asString() + "/sign", Map.of("signedOn", ""));
		assertThat(WebSession.location(unsigned)).isEqualTo(unitPath);
		assertThat(mudong.get(unitPath).body()).contains("请先上传已签署的协议文件。", "未签本年度协议");
	}

	@Test
	void otherCommunitiesResidentsAndUnboundLiaisonsSeeNothingOfIt() {
		ApiClient api = new ApiClient(port);
		JsonNode need = api.get("/api/v1/partnership/items?kind=NEED", api.tokenOf("mudong")).list().get(0);
		String itemPath = "/partnership/items/" + need.path("id").asString();
		WebSession dongcheng = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		assertThat(dongcheng.get(itemPath).statusCode()).isEqualTo(404);
		assertThat(dongcheng.get("/partnership/lists").body()).contains("东城社区").doesNotContain("金银桥社区", "河街照明改造");
		WebSession gongdian = new WebSession(port).loggedInAs("gongdian", ApiClient.DEMO_PASSWORD);
		assertThat(gongdian.get(itemPath).statusCode()).isEqualTo(404);
		assertThat(gongdian.get("/partnership/partners/" + partnerId(api, "木洞小学")).statusCode()).isEqualTo(404);
		WebSession resident = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);
		assertThat(resident.get("/partnership/lists").statusCode()).isEqualTo(403);
		assertThat(resident.get(itemPath).statusCode()).isEqualTo(403);
		assertThat(resident.get("/").body()).contains("id=\"tile-my-wishes\"").doesNotContain("tile-partnership");
		// a liaison account nobody bound to a unit is told so
		WebSession chengguan = new WebSession(port).loggedInAs("chengguan", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> unbound = chengguan.get("/partnership/lists");
		assertThat(unbound.statusCode()).isEqualTo(200);
		assertThat(unbound.body()).contains("还没有绑定共建单位").doesNotContain("id=\"items\"");
		assertThat(WebSession.location(chengguan.get("/partnership/partners"))).isEqualTo("/partnership/lists");
		// the district sees its communities to choose from
		WebSession banan = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		String district = banan.get("/partnership/lists").body();
		assertThat(district).contains("id=\"community-select\"", "金银桥社区", "东城社区", "id=\"community-rates\"");
		// each community's row holds the same match rate as the API's per community
		JsonNode byCommunity = api.get("/api/v1/partnership/rates/by-community", api.tokenOf("banan")).json();
		UUID jinyinqiao = api.orgUnitId("金银桥社区");
		double rate = byCommunity.path(jinyinqiao.toString()).path("matchRate").asDouble();
		assertThat(rate).isEqualTo(api.get("/api/v1/partnership/rates?communityId=" + jinyinqiao, api.tokenOf("banan"))
			.json()
			.path("matchRate")
			.asDouble());
		String table = district.substring(district.indexOf("id=\"community-rates\""));
		String row = table.substring(table.indexOf("金银桥社区"));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains(String.format("%.1f%%", rate * 100));
	}

	private static String partnerId(ApiClient api, String name) {
		return api.get("/api/v1/partners", api.tokenOf("banan"))
			.list()
			.stream()
			.filter(p -> p.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("contains " + start).isGreaterThanOrEqualTo(0);
		from += start.length();
		return text.substring(from, text.indexOf(end, from));
	}
}

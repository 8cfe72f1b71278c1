package org.zhizhi.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 14, the property register on the desk's pages: the district registers a company, records the estate it
 * manages and its 红色管家, and rates it — each through the module's own command; bad input comes back as a Chinese
 * message on the page and writes nothing; a resident's session gets no register.
 */
@ZhizhiIntegrationTest
class PropertyRegistryPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theDistrictRegistersACompanyItsEstateAndItsStewardOnThePages() {
		WebSession desk = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		String name = "重庆测试物业服务有限公司" + System.nanoTime() % 100000;
		String licence = "9150011" + (System.nanoTime() % 100_000_000L);

		HttpResponse<String> refused = desk.submit("/property", "/property/companies",
				Map.of("name", name, "licenceNo", "bad licence", "partyOrg", "INSTRUCTOR"));
		assertThat(desk.get(WebSession.location(refused)).body()).contains("统一社会信用代码应为").doesNotContain(name);

		desk.submit("/property", "/property/companies",
				Map.of("name", name, "licenceNo", licence, "contactName", "王经理", "contactPhone", "023-66001234",
						"partyOrg", "INSTRUCTOR"));
		String companies = desk.get("/property?name=" + ApiClient.encode(name)).body();
		assertThat(companies).contains(name, "物业企业已登记");
		String id = companies.replaceAll("(?s).*href=\"/property/companies/([0-9a-f-]{36})\".*", "$1");
		assertThat(id).hasSize(36);

		String page = "/property/companies/" + id;
		String estate = new ApiClient(port).estateId(new ApiClient(port).tokenOf("banan"), "走马二村").toString();
		desk.submit(page, page + "/contracts", Map.of("estateId", estate, "startsOn", "2026-01-01", "endsOn",
				"2028-12-31"));
		desk.submit(page, page + "/stewards", Map.of("name", "李红", "post", "客服主管", "partyMember", "true"));
		String company = desk.get(page).body();
		assertThat(company).contains("走马二村", "李红", "客服主管");

		// no inspection yet: the quarters are not scored (not 40 for a company nobody looked at), no rating possible
		assertThat(company).contains("本季度没有提交的月检查，不计分").doesNotContain(">40.0<");
		HttpResponse<String> unrated = desk.submit(page, page + "/ratings", Map.of("year", "2026"));
		assertThat(desk.get(WebSession.location(unrated)).body()).contains("这一年没有一个季度做过月检查，不能评定");

		// one inspection in this quarter, nothing found: this quarter is scored and the year rated from it alone
		ApiClient api = new ApiClient(port);
		String inspector = api.tokenOf("wuye-jianguan");
		ApiClient.Response started = api.post("/api/v1/property/inspections", inspector,
				Map.of("companyId", id, "estateId", estate));
		assertThat(started.status()).as(started.brief()).isEqualTo(201);
		assertThat(api.post("/api/v1/property/inspections/" + started.json().path("id").asString() + "/submit",
				inspector, Map.of()).status()).isEqualTo(200);
		List<JsonNode> quarters = api
			.get("/api/v1/property/companies/" + id + "/quarters?year=2026", inspector).list();
		assertThat(quarters.stream().filter(q -> !q.path("score").isNull()).toList()).hasSize(1);
		String scored = quarters.stream().filter(q -> !q.path("score").isNull()).findFirst().orElseThrow()
			.path("score").decimalValue().toPlainString();
		HttpResponse<String> rated = desk.submit(page, page + "/ratings", Map.of("year", "2026"));
		assertThat(desk.get(WebSession.location(rated)).body()).contains("2026 年度", scored);

		WebSession resident = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);
		assertThat(resident.get(page).statusCode()).isIn(403, 404);
	}

	@Test
	void theDeskRegistersAnOwnersCommitteeAndSeesTheEstatesByGovernanceMode() {
		WebSession desk = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		String home = desk.get("/property").body();
		assertThat(home).contains("小区治理模式", "党建+物业托管", "党建+居民自管", "登记业委会");
		String estate = new ApiClient(port).estateId(new ApiClient(port).tokenOf("banan"), "钱佳花园").toString();

		HttpResponse<String> refused = desk.submit("/property", "/property/committees", Map.of("estateId", estate,
				"termStarts", "2026-03-01", "termEnds", "2031-02-28", "memberName", " "));
		assertThat(desk.get(WebSession.location(refused)).body()).as("no member named: nothing registered")
			.doesNotContain("业委会已登记").doesNotContain("钱佳花园</strong>");

		desk.submitForm("/property", "/property/committees", List.of(Map.entry("estateId", estate),
				Map.entry("termStarts", "2026-03-01"), Map.entry("termEnds", "2031-02-28"),
				Map.entry("memberName", "孙主任"), Map.entry("memberPosition", "CHAIR"), Map.entry("memberParty", "true"),
				Map.entry("memberName", "吴委员"), Map.entry("memberPosition", "MEMBER"),
				Map.entry("memberParty", "true"), Map.entry("memberName", ""), Map.entry("memberPosition", "MEMBER"),
				Map.entry("memberParty", "false"), Map.entry("memberName", "郑委员"),
				Map.entry("memberPosition", "MEMBER"), Map.entry("memberParty", "false")));
		String after = desk.get("/property").body();
		assertThat(after).contains("钱佳花园", "3 人，其中党员 2 人");
		assertThat(after.substring(after.indexOf("id=\"committees\""))).contains("红色业委会");

		HttpResponse<String> overlap = desk.submit("/property", "/property/committees", Map.of("estateId", estate,
				"termStarts", "2028-01-01", "termEnds", "2032-12-31", "memberName", "冯委员", "memberPosition",
				"CHAIR", "memberParty", "false"));
		assertThat(desk.get(WebSession.location(overlap)).body()).contains("该小区这一任期内已有登记的业委会");
	}

	@Test
	void aResidentCannotOpenTheRegister() {
		WebSession resident = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);
		assertThat(resident.get("/property").statusCode()).isEqualTo(403);
	}
}

package org.zhizhi.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

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

		WebSession resident = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);
		assertThat(resident.get(page).statusCode()).isIn(403, 404);
	}
}

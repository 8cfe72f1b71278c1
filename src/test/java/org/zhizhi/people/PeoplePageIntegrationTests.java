package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.people.PeopleFixture.Place;

/** The resident pages: masked by default, the full view on an explicit action, scope and roles as in the API. */
@ZhizhiIntegrationTest
class PeoplePageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDetailPageShowsAResidentMaskedAndInFullOnlyAfterTheAuditedAction() {
		ApiClient api = new ApiClient(port);
		Place place = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		String token = api.tokenOf("dongcheng");
		String householdId = api.post("/api/v1/households", token, PeopleFixture.household(place.dwellingId()))
			.json()
			.path("household")
			.path("id")
			.asString();
		String idCard = PeopleFixture.idCardNumber();
		String phone = PeopleFixture.phone();
		String id = api.post("/api/v1/residents", token,
				PeopleFixture.resident(UUID.fromString(householdId), "欧阳春花", idCard, phone, "HEAD"))
			.json()
			.path("id")
			.asString();

		WebSession browser = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> masked = browser.get("/residents/" + id);
		assertThat(masked.statusCode()).isEqualTo(200);
		assertThat(masked.body()).contains("欧**花").doesNotContain("欧阳春花").doesNotContain(phone)
			.doesNotContain(idCard).contains("show-full");

		HttpResponse<String> full = browser.submit("/residents/" + id, "/residents/" + id + "/full", Map.of());
		assertThat(full.statusCode()).isEqualTo(200);
		assertThat(full.body()).contains("欧阳春花").contains(phone).contains(idCard);

		HttpResponse<String> list = browser.get("/residents?phone=" + phone);
		// the search box echoes what was typed; the list itself shows the phone masked
		assertThat(list.body()).contains("欧**花").contains(phone.substring(0, 3) + "****" + phone.substring(7))
			.doesNotContain(">" + phone + "<");
		assertThat(browser.get("/households/" + householdId).statusCode()).isEqualTo(200);

		WebSession neighbour = new WebSession(port).loggedInAs("dongcheng-g02", ApiClient.DEMO_PASSWORD);
		assertThat(neighbour.get("/residents/" + id).statusCode()).isEqualTo(404);
		assertThat(neighbour.get("/households/" + householdId).statusCode()).isEqualTo(404);
	}

	@Test
	void aBirthYearIsWrittenAsPlainDigitsOnTheDetailAndTheList() {
		ApiClient api = new ApiClient(port);
		Place place = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		String token = api.tokenOf("dongcheng");
		String householdId = api.post("/api/v1/households", token, PeopleFixture.household(place.dwellingId()))
			.json()
			.path("household")
			.path("id")
			.asString();
		String first17 = "500113" + "19980415" + String.format("%03d", 500 + (int) (Math.random() * 500));
		String phone = PeopleFixture.phone();
		String id = api.post("/api/v1/residents", token,
				PeopleFixture.resident(UUID.fromString(householdId), "年份测试", first17 + PersonalData.checkDigit(first17),
						phone, "HEAD"))
			.json()
			.path("id")
			.asString();

		WebSession browser = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		// the bundle's number format used to group the year as a count: "1,998 年生"
		assertThat(browser.get("/residents/" + id).body()).contains("1998 年生").doesNotContain("1,998");
		assertThat(browser.get("/residents?phone=" + phone).body()).contains("1998 年生").doesNotContain("1,998");
	}

	@Test
	void theSecurityAdminGetsNoResidentPage() {
		WebSession browser = new WebSession(port).loggedInAs("security", ApiClient.DEMO_PASSWORD);
		assertThat(browser.get("/residents").statusCode()).isEqualTo(403);
	}

	@Test
	void theFormsAnswerInChineseBesideTheField() {
		WebSession browser = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> refused = browser.submit("/residents/new", "/residents",
				Map.of("householdId", UUID.randomUUID().toString(), "name", "测试", "gender", "MALE",
						"idCardNumber", "500113199003071230", "phone", "123", "relation", "HEAD"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("身份证号码无效").contains("手机号码无效").contains("户不存在");
	}
}

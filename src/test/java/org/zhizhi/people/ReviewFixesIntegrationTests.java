package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/** What the second security review found, each kept from coming back. */
@ZhizhiIntegrationTest
class ReviewFixesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHouseholdGetsOneHeadWhenSeveralAreAddedAtOnce() {
		ApiClient api = new ApiClient(port);
		String token = api.tokenOf("dongcheng");
		var place = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		Response created = api.post("/api/v1/households", token, PeopleFixture.household(place.dwellingId()));
		UUID household = UUID.fromString(created.json().path("household").path("id").asString());
		JsonMapper json = JsonMapper.builder().build();
		List<CompletableFuture<Response>> heads = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			heads.add(api.sendAsync("POST", "/api/v1/residents", token, json.writeValueAsString(
					PeopleFixture.resident(household, "户主" + i, PeopleFixture.idCardNumber(), null, "HEAD"))));
		}
		List<Integer> statuses = heads.stream().map(CompletableFuture::join).map(Response::status).toList();
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertThat(statuses).doesNotContain(500);
		long headsInDatabase = jdbc.sql("""
				SELECT count(*) FROM people.resident WHERE household_id = :h AND relation = 'HEAD'""")
			.param("h", household)
			.query(Long.class)
			.single();
		assertThat(headsInDatabase).isOne();
	}

	@Test
	void listsShowTheBirthYearNotTheBirthDateBesideAMaskedIdNumber() {
		ApiClient api = new ApiClient(port);
		var first = api.get("/api/v1/residents?size=1", api.tokenOf("dongcheng")).json().path("items").path(0);
		assertThat(first.has("birthDate")).isFalse();
		assertThat(first.path("birthYear").asInt()).isBetween(1900, 2026);
		assertThat(first.path("idCardNumber").asString()).contains("**********");
	}

	@Test
	void theSecurityAdminSeesNoFiguresOfPeopleAndNoTeamOnGridPages() {
		String grid = jdbc.sql("SELECT id::text FROM territory.org_unit WHERE code = '500113101001001'")
			.query(String.class)
			.single();
		String page = new WebSession(port).loggedInAs("security", ApiClient.DEMO_PASSWORD).get("/territory/" + grid)
			.body();
		assertThat(page).doesNotContain("data-count=\"households\"", "data-count=\"residents\"", "id=\"team\"");
		String card = new WebSession(port).loggedInAs("security", ApiClient.DEMO_PASSWORD)
			.get("/territory/" + grid + "/card")
			.body();
		assertThat(card).doesNotContain("网格长：");
	}

	@Test
	void residentsPartnersAndPropertyStaffReadNoPartyRoster() {
		ApiClient api = new ApiClient(port);
		assertThat(api.get("/api/v1/party-members", api.tokenOf("jumin01")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/hub-households", api.tokenOf("jumin01")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/party-members", api.tokenOf("dangyuan01")).status()).isEqualTo(200);
	}

	@Test
	void hugePageNumbersAreNotAnError() {
		ApiClient api = new ApiClient(port);
		assertThat(api.get("/api/v1/residents?page=2147483647", api.tokenOf("dongcheng")).status()).isEqualTo(200);
	}
}

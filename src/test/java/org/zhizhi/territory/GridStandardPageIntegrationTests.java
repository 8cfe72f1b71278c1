package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/** A grid's page shows its households and population, held against the grid standard, and its party organisations. */
@ZhizhiIntegrationTest
class GridStandardPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResidentialGridShowsItsHouseholdsAgainstTheStandard() {
		String page = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD)
			.get("/territory/" + nodeId("500113101001001"))
			.body();
		assertThat(page).contains("data-count=\"households\"", "data-count=\"residents\"", "id=\"grid-standard\"");
		assertThat(page).containsPattern("data-count=\"households\">3\\d\\d<");
		assertThat(page).contains("300–500");
		assertThat(page).contains("/party/places/" + nodeId("500113101001001"));
	}

	@Test
	void aCommunityPageListsEachGridsHouseholds() {
		String page = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD)
			.get("/territory/" + nodeId("500113101001"))
			.body();
		// the 4,993 households of 东城公租房 spread over 15 grids: about 333 each, all within 300–500
		java.util.regex.Matcher counts = java.util.regex.Pattern.compile("<span>(\\d+)</span>").matcher(page);
		int grids = 0;
		while (counts.find()) {
			assertThat(Integer.parseInt(counts.group(1))).isBetween(300, 500);
			grids++;
		}
		assertThat(grids).isEqualTo(15);
	}

	@Test
	void aParkGridIsNotHeldToTheHouseholdStandard() {
		String page = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD)
			.get("/territory/" + nodeId("500113108003005"))
			.body();
		assertThat(page).doesNotContain("id=\"grid-standard\"");
	}

	@Test
	void thePartyOrganisationsOfAGridAreListedForItsPage() {
		String fragment = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD)
			.get("/party/places/" + nodeId("500113101001001"))
			.body();
		assertThat(fragment).contains("东城社区第1网格");
		assertThat(fragment).contains("/party/orgs/");
	}

	private UUID nodeId(String code) {
		return jdbc.sql("SELECT id FROM territory.org_unit WHERE code = :code").param("code", code).query(UUID.class)
			.single();
	}
}

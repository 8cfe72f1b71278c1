package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * A 场地 need of 金银桥社区 finds 木洞小学, which offers its classrooms and playground under 教育 — the words of the
 * categories are data ({@code partnership/category-terms.properties}) and the matching reads them; a venue need used to
 * get no suggestion at all.
 */
@ZhizhiIntegrationTest
class VenueMatchingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Test
	void aVenueNeedIsSuggestedTheSchoolsClassroomsAndTheSchool() {
		ApiClient api = new ApiClient(port);
		String mudong = api.tokenOf("mudong");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityId", api.orgUnitId("金银桥社区"));
		body.put("kind", "NEED");
		body.put("title", "居民议事会活动场地 " + UUID.randomUUID().toString().substring(0, 6));
		body.put("category", "VENUE");
		body.put("description", "每月一次居民议事会，需要能坐40人的场地");
		body.put("quantity", new BigDecimal("12"));
		body.put("measure", "HOURS");
		body.put("periodStart", clock.today().toString());
		body.put("periodEnd", clock.today().plusMonths(3).toString());
		Response published = api.post("/api/v1/partnership/items", mudong, body);
		assertThat(published.status()).as(published.brief()).isEqualTo(201);
		String need = published.json().path("id").asString();

		JsonNode matches = api.get("/api/v1/partnership/items/" + need + "/matches", mudong).json();

		List<JsonNode> resources = matches.path("resources").valueStream().toList();
		assertThat(resources).anySatisfy(r -> {
			assertThat(r.path("title").asString()).isEqualTo("周末开放教室和操场");
			assertThat(r.path("partnerName").asString()).isEqualTo("木洞小学");
		});
		assertThat(resources).as("a fund is no venue").noneMatch(r -> r.path("title").asString().contains("资金"));
		assertThat(matches.path("units").valueStream().map(u -> u.path("partnerName").asString()).toList())
			.contains("木洞小学");

		// and the desk's page of the need shows them
		String page = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD)
			.get("/partnership/items/" + need)
			.body();
		assertThat(page).contains("id=\"matches\"", "周末开放教室和操场", "木洞小学");
	}
}

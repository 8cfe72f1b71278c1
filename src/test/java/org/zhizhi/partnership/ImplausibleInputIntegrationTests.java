package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
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
 * Dates and years no one can mean are refused where they come in, as problems of their fields: a need whose period
 * starts on 0001-01-01, a meeting overview of the year 99999 (which used to fail as a 500 deep in the date arithmetic).
 */
@ZhizhiIntegrationTest
class ImplausibleInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Test
	void aNeedWhosePeriodStartsOnTheFirstDayOfTheEraIsAProblemOfThatField() {
		ApiClient api = new ApiClient(port);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityId", api.orgUnitId("金银桥社区"));
		body.put("kind", "NEED");
		body.put("title", "公元元年的需求 " + UUID.randomUUID().toString().substring(0, 6));
		body.put("category", "ELDERLY_CARE");
		body.put("quantity", new BigDecimal("10"));
		body.put("measure", "PEOPLE");
		body.put("periodStart", "0001-01-01");
		body.put("periodEnd", clock.today().plusMonths(1).toString());

		Response response = api.post("/api/v1/partnership/items", api.tokenOf("mudong"), body);

		assertThat(response.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errorFields()).containsExactly("periodStart");
		JsonNode error = response.json().path("errors").path(0);
		assertThat(error.path("message").asString()).contains("10");
		assertThat(api.get("/api/v1/partnership/items?kind=NEED", api.tokenOf("mudong")).list())
			.noneMatch(i -> i.path("title").asString().startsWith("公元元年的需求"));
	}

	@Test
	void theSameNeedFromTheDeskFormIsRefusedBesideTheFieldInChinese() {
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> refused = mudong.submit("/partnership/lists", "/partnership/lists",
				Map.of("communityId", new ApiClient(port).orgUnitId("金银桥社区").toString(), "kind", "NEED", "title",
						"公元元年的需求", "category", "ELDERLY_CARE", "quantity", "10", "measure", "PEOPLE", "periodStart",
						"0001-01-01", "periodEnd", clock.today().plusMonths(1).toString()));

		assertThat(mudong.get(WebSession.location(refused)).body()).contains("请填写合理的日期");
	}

	@Test
	void aMeetingOverviewOfTheYear99999IsABadRequestNotAFailure() {
		ApiClient api = new ApiClient(port);
		String token = api.tokenOf("mudong");

		Response overview = api.get("/api/v1/joint-meetings/overview?year=99999", token);
		assertThat(overview.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(overview.errorFields()).containsExactly("year");
		assertThat(api.get("/api/v1/joint-meetings/overviews?year=-5", token).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/partnership/rates?year=99999", token).status()).isEqualTo(400);

		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> page = mudong.get("/partnership/meetings?year=99999");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("请填写合理的年份");
		assertThat(mudong.get("/partnership/meetings?year=" + clock.year()).statusCode()).isEqualTo(200);
	}

	/** A moment — a meeting's time — is held to the same plausible days as a date. */
	@Test
	void aJointMeetingInTheYear2999IsAProblemOfItsTime() {
		ApiClient api = new ApiClient(port);
		String token = api.tokenOf("mudong");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "QUARTERLY");
		body.put("scheduledAt", "2999-03-01T02:00:00Z");
		body.put("place", "社区会议室");
		Response refused = api.post("/api/v1/joint-meetings", token, body);
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("scheduledAt");
		body.put("scheduledAt", clock.instant().plus(java.time.Duration.ofDays(3)).toString());
		assertThat(api.post("/api/v1/joint-meetings", token, body).status()).as("a date a person means").isEqualTo(201);
	}
}

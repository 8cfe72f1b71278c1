package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/** The token endpoint, bearer tokens and {@code /api/v1/me}, with every failure answered as a problem. */
@ZhizhiIntegrationTest
class AuthApiIntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theRightPasswordGetsATokenThatExpiresInTheFuture() {
		Instant before = clock.instant();
		Response response = api.requestToken("dongcheng", ApiClient.DEMO_PASSWORD);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode body = response.json();
		assertThat(body.path("token").asString()).startsWith("zz_").hasSizeGreaterThan(40);
		Instant expiresAt = Instant.parse(body.path("expiresAt").asString());
		assertThat(expiresAt).isAfter(before.plus(Duration.ofHours(1)))
			.isBefore(before.plus(Duration.ofHours(8)).plusSeconds(60));

		String token = body.path("token").asString();
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
	}

	@Test
	void usernamesAreMatchedRegardlessOfCaseAndSurroundingBlanks() {
		assertThat(api.requestToken("  DongCheng ", ApiClient.DEMO_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordIsAProblemWithBadCredentials() {
		String username = api.createResident("it-auth").path("username").asString();

		Response response = api.requestToken(username, "Wrong#Password1");

		assertThat(response.problemCode(401)).isEqualTo("BAD_CREDENTIALS");
		assertThat(response.body()).doesNotContain("token\":\"zz_");
	}

	@Test
	void anUnknownUserGetsExactlyTheSameAnswerAsAWrongPassword() {
		String known = api.createResident("it-auth").path("username").asString();

		Response unknown = api.requestToken("no-such-user-" + System.nanoTime(), "Wrong#Password1");
		Response wrongPassword = api.requestToken(known, "Wrong#Password1");

		assertThat(unknown.problemCode(401)).isEqualTo("BAD_CREDENTIALS");
		assertThat(unknown.json().path("detail").asString()).isEqualTo(wrongPassword.json().path("detail").asString());
		assertThat(unknown.json().path("type").asString()).isEqualTo(wrongPassword.json().path("type").asString());
	}

	@Test
	void apiCallsWithoutATokenAreUnauthenticatedProblems() {
		assertThat(api.get("/api/v1/me", null).problemCode(401)).isEqualTo("UNAUTHENTICATED");
		assertThat(api.get("/api/v1/org-units", null).problemCode(401)).isEqualTo("UNAUTHENTICATED");
		assertThat(api.post("/api/v1/accounts", null, java.util.Map.of()).problemCode(401))
			.isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void anUnknownOrMalformedTokenIsAnInvalidTokenProblem() {
		assertThat(api.get("/api/v1/me", "zz_thisTokenWasNeverIssuedByTheServerAtAll0123456789").problemCode(401))
			.isEqualTo("INVALID_TOKEN");
		assertThat(api.get("/api/v1/me", "not-a-token").problemCode(401)).isEqualTo("INVALID_TOKEN");
		assertThat(api.get("/api/v1/org-units", "zz_" + "x".repeat(200)).problemCode(401)).isEqualTo("INVALID_TOKEN");
	}

	@Test
	void meTellsTheUserHisRolesAndHisScopeNode() {
		JsonNode me = api.get("/api/v1/me", api.tokenOf("dongcheng")).json();

		assertThat(me.path("username").asString()).isEqualTo("dongcheng");
		assertThat(me.path("displayName").asString()).isEqualTo("东城社区工作站");
		assertThat(me.path("roles").isArray()).isTrue();
		assertThat(me.path("roles")).hasSize(1);
		assertThat(me.path("roles").get(0).asString()).isEqualTo("COMMUNITY_STAFF");
		JsonNode scope = me.path("scope");
		assertThat(scope.path("id").asString()).isEqualTo(api.orgUnitId("东城社区").toString());
		assertThat(scope.path("name").asString()).isEqualTo("东城社区");
		assertThat(scope.path("code").asString()).isEqualTo("500113101001");
		assertThat(scope.path("level").asString()).isEqualTo("COMMUNITY");
	}

	@Test
	void meOfAGridWorkerNamesHisGridAndPost() {
		JsonNode me = api.get("/api/v1/me", api.tokenOf("dongcheng-g01")).json();

		assertThat(me.path("username").asString()).isEqualTo("dongcheng-g01");
		assertThat(me.path("roles").get(0).asString()).isEqualTo("GRID_WORKER");
		assertThat(me.path("gridPosition").asString()).isEqualTo("GRID_LEADER");
		assertThat(me.path("scope").path("name").asString()).isEqualTo("东城社区第1网格");
		assertThat(me.path("scope").path("level").asString()).isEqualTo("GRID");
		assertThat(me.path("scope").path("code").asString()).isEqualTo("500113101001001");
	}

	@Test
	void aRevokedTokenIsDeadAtOnceAndOthersLiveOn() {
		String token = api.login("dongcheng", ApiClient.DEMO_PASSWORD);
		String other = api.login("dongcheng", ApiClient.DEMO_PASSWORD);
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

		assertThat(api.delete("/api/v1/auth/token", token).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/me", token).problemCode(401)).isEqualTo("INVALID_TOKEN");
		assertThat(api.get("/api/v1/org-units", token).problemCode(401)).isEqualTo("INVALID_TOKEN");
		assertThat(api.delete("/api/v1/auth/token", token).problemCode(401)).isEqualTo("INVALID_TOKEN");
		assertThat(api.get("/api/v1/me", other).status()).isEqualTo(200);
	}

	@Test
	void aMalformedBodyIsABadRequestProblem() {
		Response response = api.postRaw("/api/v1/auth/token", null, "{\"username\": \"dongcheng\", \"password\": ");

		assertThat(response.problemCode(400)).isEqualTo("MALFORMED_REQUEST");
	}

	@Test
	void missingFieldsAreNamedInTheProblemsErrors() {
		Response empty = api.postRaw("/api/v1/auth/token", null, "{}");
		assertThat(empty.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(empty.errorFields()).contains("username", "password");
		empty.json().path("errors").forEach(error -> assertThat(error.path("message").asString()).isNotBlank());

		Response blankPassword = api.postRaw("/api/v1/auth/token", null,
				"{\"username\": \"dongcheng\", \"password\": \"  \"}");
		assertThat(blankPassword.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(blankPassword.errorFields()).containsExactly("password");
	}

	@Test
	void problemsComeInChineseByDefault() {
		Response response = api.get("/api/v1/me", null);

		assertThat(response.json().path("detail").asString()).containsPattern("\\p{IsHan}");
	}
}

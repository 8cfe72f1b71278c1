package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Five wrong passwords lock an account for a while, through the API and the login form alike; while it is locked even
 * the right password is refused, until someone who manages the account unlocks it. Every test locks a fresh account
 * of its own, never a demo account.
 */
@ZhizhiIntegrationTest
class LockoutIntegrationTests {

	private static final String WRONG = "Wrong#Password1";

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void fiveWrongPasswordsLockTheAccountUntilItsManagerUnlocksIt() {
		JsonNode account = api.createResident("it-lock");
		String username = account.path("username").asString();

		List<String> codes = new ArrayList<>();
		for (int attempt = 1; attempt <= 5; attempt++) {
			codes.add(api.requestToken(username, WRONG).problemCode(401));
		}
		assertThat(codes.subList(0, 4)).containsOnly("BAD_CREDENTIALS");
		assertThat(codes.get(4)).as("the fifth wrong password locks").isEqualTo("ACCOUNT_LOCKED");

		// locked: the right password is refused too, and so is a sixth wrong one
		assertThat(api.requestToken(username, ApiClient.TEST_PASSWORD).problemCode(401)).isEqualTo("ACCOUNT_LOCKED");
		assertThat(api.requestToken(username, WRONG).problemCode(401)).isEqualTo("ACCOUNT_LOCKED");

		// the account list tells its manager that it is locked
		String manager = api.tokenOf("dongcheng");
		String id = account.path("id").asString();
		assertThat(api.get("/api/v1/accounts/" + id, manager).json().path("locked").asBoolean()).isTrue();

		// someone outside its scope cannot unlock it
		assertThat(api.post("/api/v1/accounts/" + id + "/unlock", api.tokenOf("mudong"), null).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(api.requestToken(username, ApiClient.TEST_PASSWORD).problemCode(401)).isEqualTo("ACCOUNT_LOCKED");

		assertThat(api.post("/api/v1/accounts/" + id + "/unlock", manager, null).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/accounts/" + id, manager).json().path("locked").asBoolean()).isFalse();
		String token = api.login(username, ApiClient.TEST_PASSWORD);
		assertThat(api.get("/api/v1/me", token).json().path("username").asString()).isEqualTo(username);
	}

	@Test
	void aSuccessfulSignInStartsTheCountAgain() {
		String username = api.createResident("it-lock").path("username").asString();

		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(api.requestToken(username, WRONG).problemCode(401)).isEqualTo("BAD_CREDENTIALS");
		}
		api.login(username, ApiClient.TEST_PASSWORD);
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(api.requestToken(username, WRONG).problemCode(401)).isEqualTo("BAD_CREDENTIALS");
		}
		api.login(username, ApiClient.TEST_PASSWORD);
	}

	@Test
	void theLoginFormLocksTooAndSaysSo() {
		String username = api.createResident("it-weblock").path("username").asString();
		WebSession browser = new WebSession(port);

		List<String> redirects = new ArrayList<>();
		for (int attempt = 1; attempt <= 5; attempt++) {
			HttpResponse<String> response = browser.login(username, WRONG);
			assertThat(response.statusCode()).isEqualTo(302);
			redirects.add(WebSession.location(response));
		}
		assertThat(redirects.subList(0, 4)).containsOnly("/login?error=bad");
		assertThat(redirects.get(4)).isEqualTo("/login?error=locked");

		HttpResponse<String> rightPassword = browser.login(username, ApiClient.TEST_PASSWORD);
		assertThat(rightPassword.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(rightPassword)).isEqualTo("/login?error=locked");
		assertThat(browser.get("/").statusCode()).as("still not signed in").isEqualTo(302);

		HttpResponse<String> page = browser.get("/login?error=locked");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("锁定");

		// the API sees the same lock
		assertThat(api.requestToken(username, ApiClient.TEST_PASSWORD).problemCode(401)).isEqualTo("ACCOUNT_LOCKED");
	}

	@Test
	void aLockedAccountCanBeUnlockedFromItsPage() {
		JsonNode account = api.createResident("it-weblock");
		String username = account.path("username").asString();
		for (int attempt = 1; attempt <= 5; attempt++) {
			api.requestToken(username, WRONG);
		}
		assertThat(api.requestToken(username, ApiClient.TEST_PASSWORD).problemCode(401)).isEqualTo("ACCOUNT_LOCKED");

		WebSession manager = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		String accountPage = "/accounts/" + account.path("id").asString();
		HttpResponse<String> unlocked = manager.submit(accountPage, accountPage + "/unlock", java.util.Map.of());
		assertThat(unlocked.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(unlocked)).isEqualTo(accountPage);

		new WebSession(port).loggedInAs(username, ApiClient.TEST_PASSWORD);
	}
}

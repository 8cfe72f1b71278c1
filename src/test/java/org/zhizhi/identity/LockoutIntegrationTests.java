package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
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
 * Issue 11 replaced the lock (five wrong passwords locked any account for 15 minutes, whoever typed them, and only a
 * real account answered ACCOUNT_LOCKED) by a growing wait: after five wrong passwords the next attempts from that
 * client wait, through the API and the login form alike, for a real account and an unknown name alike; the account's
 * manager sees it held back and may let its holder in again at once. Every test uses a fresh account of its own.
 */
@ZhizhiIntegrationTest
class LockoutIntegrationTests {

	private static final String WRONG = "Wrong#Password1";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void afterFiveWrongPasswordsTheNextAttemptWaitsForARealAccountAndAnUnknownNameAlike() {
		JsonNode account = api.createResident("it-lock");
		String username = account.path("username").asString();
		String unknown = ApiClient.uniqueUsername("it-nobody");

		for (String name : List.of(username, unknown)) {
			List<String> codes = new ArrayList<>();
			for (int attempt = 1; attempt <= 5; attempt++) {
				codes.add(api.requestToken(name, WRONG).problemCode(401));
			}
			assertThat(codes).as(name).containsOnly("BAD_CREDENTIALS");
		}
		// the sixth attempt waits, even with the right password — and an unknown name answers exactly the same
		Response real = api.requestToken(username, ApiClient.TEST_PASSWORD);
		Response nobody = api.requestToken(unknown, ApiClient.TEST_PASSWORD);
		assertThat(real.problemCode(429)).isEqualTo("TOO_MANY_ATTEMPTS");
		assertThat(nobody.problemCode(429)).isEqualTo("TOO_MANY_ATTEMPTS");
		assertThat(withoutInstance(real.body())).isEqualTo(withoutInstance(nobody.body()));
		for (Response answer : List.of(real, nobody)) {
			assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
		}

		// the account list tells its manager that it is held back
		String manager = api.tokenOf("dongcheng");
		String id = account.path("id").asString();
		assertThat(api.get("/api/v1/accounts/" + id, manager).json().path("locked").asBoolean()).isTrue();

		// someone outside its scope cannot let it in again
		assertThat(api.post("/api/v1/accounts/" + id + "/unlock", api.tokenOf("mudong"), null).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(api.requestToken(username, ApiClient.TEST_PASSWORD).problemCode(429)).isEqualTo("TOO_MANY_ATTEMPTS");

		assertThat(api.post("/api/v1/accounts/" + id + "/unlock", manager, null).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/accounts/" + id, manager).json().path("locked").asBoolean()).isFalse();
		String token = api.login(username, ApiClient.TEST_PASSWORD);
		assertThat(api.get("/api/v1/me", token).json().path("username").asString()).isEqualTo(username);
	}

	@Test
	void theWaitPassesWithTimeWithoutAnyoneUnlocking() {
		String username = api.createResident("it-lock").path("username").asString();
		for (int attempt = 1; attempt <= 5; attempt++) {
			api.requestToken(username, WRONG);
		}
		Response waiting = api.requestToken(username, ApiClient.TEST_PASSWORD);
		assertThat(waiting.problemCode(429)).isEqualTo("TOO_MANY_ATTEMPTS");
		long seconds = Long.parseLong(waiting.headers().firstValue("Retry-After").orElseThrow());
		assertThat(seconds).isBetween(1L, 30L);

		clock.advance(Duration.ofSeconds(seconds));
		api.login(username, ApiClient.TEST_PASSWORD);
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
	void theLoginFormHoldsBackTooAndSaysSo() {
		String username = api.createResident("it-weblock").path("username").asString();
		WebSession browser = new WebSession(port);

		List<String> redirects = new ArrayList<>();
		for (int attempt = 1; attempt <= 5; attempt++) {
			HttpResponse<String> response = browser.login(username, WRONG);
			assertThat(response.statusCode()).isEqualTo(302);
			redirects.add(WebSession.location(response));
		}
		assertThat(redirects).containsOnly("/login?error=bad");

		HttpResponse<String> rightPassword = browser.login(username, ApiClient.TEST_PASSWORD);
		assertThat(rightPassword.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(rightPassword)).isEqualTo("/login?error=locked");
		assertThat(browser.get("/").statusCode()).as("still not signed in").isEqualTo(302);

		HttpResponse<String> page = browser.get("/login?error=locked");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("登录尝试过于频繁");

		// the API sees the same wait
		assertThat(api.requestToken(username, ApiClient.TEST_PASSWORD).problemCode(429)).isEqualTo("TOO_MANY_ATTEMPTS");
	}

	@Test
	void aHeldBackAccountCanBeLetInAgainFromItsPage() {
		JsonNode account = api.createResident("it-weblock");
		String username = account.path("username").asString();
		for (int attempt = 1; attempt <= 5; attempt++) {
			api.requestToken(username, WRONG);
		}
		assertThat(api.requestToken(username, ApiClient.TEST_PASSWORD).problemCode(429)).isEqualTo("TOO_MANY_ATTEMPTS");

		WebSession manager = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		String accountPage = "/accounts/" + account.path("id").asString();
		HttpResponse<String> unlocked = manager.submit(accountPage, accountPage + "/unlock", java.util.Map.of());
		assertThat(unlocked.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(unlocked)).isEqualTo(accountPage);

		new WebSession(port).loggedInAs(username, ApiClient.TEST_PASSWORD);
	}

	private static String withoutInstance(String problem) {
		return problem.replaceAll("\"instance\":\"[^\"]*\"", "").replaceAll("it-(lock|nobody)-[0-9a-f]{8}", "NAME");
	}
}

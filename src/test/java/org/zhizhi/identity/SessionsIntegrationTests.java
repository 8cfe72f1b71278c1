package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * 等保 session hygiene: a person sees every place his account is signed in — web sessions (kept in PostgreSQL) and
 * API tokens — and ends those he does not recognise; nobody ends another person's session, and the page never shows
 * a session's id (it signs a browser in).
 */
@ZhizhiIntegrationTest
class SessionsIntegrationTests {

	private static final Pattern END_FORM = Pattern.compile("/account/sessions/([0-9a-f]{16})/end");

	@LocalServerPort
	int port;

	@Test
	void aPersonSeesHisSessionsAndTokensAndEndsTheOnesHeDoesNotRecognise() {
		ApiClient api = new ApiClient(port);
		JsonNode resident = api.createResident("it-sessions");
		String username = resident.path("username").asString();
		WebSession phone = new WebSession(port).loggedInAs(username, ApiClient.TEST_PASSWORD);
		WebSession desk = new WebSession(port).loggedInAs(username, ApiClient.TEST_PASSWORD);
		String token = api.login(username, ApiClient.TEST_PASSWORD);

		HttpResponse<String> page = desk.get("/account/sessions");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("登录会话").contains("当前会话").contains("接口令牌").contains("127.0.0.1");
		List<String> others = refs(page.body());
		assertThat(others).as("the other session can be ended, this one is 退出登录's").hasSize(1);
		assertThat(page.body()).doesNotContain(phone.sessionCookie()).doesNotContain(desk.sessionCookie());

		HttpResponse<String> ended = desk.submit("/account/sessions", "/account/sessions/" + others.get(0) + "/end",
				Map.of());
		assertThat(WebSession.location(ended)).isEqualTo("/account/sessions");
		assertThat(WebSession.location(phone.get("/"))).as("the phone is signed out").isEqualTo("/login");
		assertThat(desk.get("/").statusCode()).as("the desk goes on").isEqualTo(200);
		assertThat(refs(desk.get("/account/sessions").body())).isEmpty();

		// the token too: revoked from the page, refused by the API at once
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
		String tokens = desk.get("/account/sessions").body();
		Matcher revoke = Pattern.compile("/account/sessions/tokens/([0-9a-f-]{36})/revoke").matcher(tokens);
		assertThat(revoke.find()).isTrue();
		desk.submit("/account/sessions", "/account/sessions/tokens/" + revoke.group(1) + "/revoke", Map.of());
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	@Test
	void nobodyEndsAnotherPersonsSessionOrRevokesHisToken() {
		ApiClient api = new ApiClient(port);
		String victim = api.createResident("it-sessions-victim").path("username").asString();
		WebSession victimBrowser = new WebSession(port).loggedInAs(victim, ApiClient.TEST_PASSWORD);
		String victimToken = api.login(victim, ApiClient.TEST_PASSWORD);
		WebSession victimDesk = new WebSession(port).loggedInAs(victim, ApiClient.TEST_PASSWORD);
		String victimsRef = refs(victimDesk.get("/account/sessions").body()).get(0);

		String other = api.createResident("it-sessions-other").path("username").asString();
		WebSession attacker = new WebSession(port).loggedInAs(other, ApiClient.TEST_PASSWORD);
		assertThat(attacker.submit("/account/sessions", "/account/sessions/" + victimsRef + "/end", Map.of())
			.statusCode()).isEqualTo(404);
		assertThat(victimBrowser.get("/").statusCode()).isEqualTo(200);

		assertThat(attacker.submit("/account/sessions", "/account/sessions/others/end", Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(victimBrowser.get("/").statusCode()).as("ends only his own").isEqualTo(200);
		assertThat(api.get("/api/v1/me", victimToken).status()).isEqualTo(200);
	}

	private static List<String> refs(String html) {
		return END_FORM.matcher(html).results().map(m -> m.group(1)).toList();
	}
}

package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.Role;

/**
 * An account that still holds an initial password (as every account does outside demo mode) must replace it before
 * anything else: the API refuses it a token, and the pages send it to the password form until the password changes.
 */
@ZhizhiIntegrationTest
class PasswordChangeIntegrationTests {

	private static final String INITIAL = "Init#2026pw";

	private static final String CHOSEN = "Chosen#2026pw";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	private String accountWithInitialPassword(Role role, String node) {
		String username = ApiClient.uniqueUsername("it-initial");
		Account account = accounts.bootstrap(
				new CreateAccount(username, "初始密码测试", INITIAL, Set.of(role), api.orgUnitId(node), null), true);
		assertThat(account.passwordChangeRequired()).isTrue();
		return username;
	}

	@Test
	void theTokenEndpointRefusesAnInitialPassword() {
		String username = accountWithInitialPassword(Role.COMMUNITY_STAFF, "东城社区");

		assertThat(api.requestToken(username, INITIAL).problemCode(403)).isEqualTo("PASSWORD_CHANGE_REQUIRED");
		// a wrong password is still just a wrong password
		assertThat(api.requestToken(username, "Wrong#Password1").problemCode(401)).isEqualTo("BAD_CREDENTIALS");
	}

	@Test
	void thePagesKeepTheUserOnThePasswordFormUntilHeHasChangedIt() {
		String username = accountWithInitialPassword(Role.COMMUNITY_STAFF, "东城社区");
		WebSession browser = new WebSession(port);

		HttpResponse<String> signIn = browser.login(username, INITIAL);
		assertThat(signIn.statusCode()).isEqualTo(302);
		// a staff member gives his second factor first (enrolling his app), and lands on the password form
		assertThat(browser.landing(username, signIn)).isEqualTo("/account/password");

		for (String page : new String[] { "/", "/territory", "/territory/" + api.orgUnitId("东城社区"), "/accounts",
				"/accounts/new" }) {
			HttpResponse<String> response = browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(WebSession.location(response)).as(page).isEqualTo("/account/password");
		}
		HttpResponse<String> form = browser.get("/account/password");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("请先设置新密码");

		// a form post elsewhere is held back too
		HttpResponse<String> create = browser.submit("/account/password", "/accounts",
				Map.of("username", ApiClient.uniqueUsername("it-held"), "displayName", "x", "password",
						ApiClient.TEST_PASSWORD, "roles", "RESIDENT", "orgUnitId",
						api.orgUnitId("东城社区第1网格").toString()));
		assertThat(create.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(create)).isEqualTo("/account/password");

		// a refused change keeps him there
		HttpResponse<String> wrongCurrent = browser.submit("/account/password", "/account/password",
				Map.of("currentPassword", "Wrong#Password1", "newPassword", CHOSEN, "confirmPassword", CHOSEN));
		assertThat(wrongCurrent.statusCode()).isEqualTo(200);
		assertThat(wrongCurrent.body()).contains("当前密码不正确");
		HttpResponse<String> tooSimple = browser.submit("/account/password", "/account/password",
				Map.of("currentPassword", INITIAL, "newPassword", "simple", "confirmPassword", "simple"));
		assertThat(tooSimple.statusCode()).isEqualTo(200);
		assertThat(tooSimple.body()).contains("密码至少 8 位");
		HttpResponse<String> unchanged = browser.submit("/account/password", "/account/password",
				Map.of("currentPassword", INITIAL, "newPassword", INITIAL, "confirmPassword", INITIAL));
		assertThat(unchanged.statusCode()).isEqualTo(200);
		assertThat(unchanged.body()).contains("新密码不能与当前密码相同");
		HttpResponse<String> mismatch = browser.submit("/account/password", "/account/password",
				Map.of("currentPassword", INITIAL, "newPassword", CHOSEN, "confirmPassword", CHOSEN + "x"));
		assertThat(mismatch.statusCode()).isEqualTo(200);
		assertThat(mismatch.body()).contains("两次输入的新密码不一致");
		assertThat(WebSession.location(browser.get("/"))).isEqualTo("/account/password");

		HttpResponse<String> changed = browser.submit("/account/password", "/account/password",
				Map.of("currentPassword", INITIAL, "newPassword", CHOSEN, "confirmPassword", CHOSEN));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(changed)).isEqualTo("/");

		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("工作台").contains("东城社区");
		assertThat(browser.get("/territory").statusCode()).isEqualTo(200);

		// the old password is gone; the new one works for the API as well, with no change asked for
		assertThat(api.requestToken(username, INITIAL).problemCode(401)).isEqualTo("BAD_CREDENTIALS");
		String token = api.login(username, CHOSEN);
		assertThat(api.get("/api/v1/me", token).json().path("username").asString()).isEqualTo(username);
		new WebSession(port).loggedInAs(username, CHOSEN);
	}

	@Test
	void aSignedInUserMayChangeHisOwnPasswordAnyTime() {
		String username = api.createResident("it-pwchange").path("username").asString();
		WebSession browser = new WebSession(port).loggedInAs(username, ApiClient.TEST_PASSWORD);

		HttpResponse<String> form = browser.get("/account/password");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).doesNotContain("请先设置新密码");

		HttpResponse<String> changed = browser.submit("/account/password", "/account/password",
				Map.of("currentPassword", ApiClient.TEST_PASSWORD, "newPassword", CHOSEN, "confirmPassword", CHOSEN));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(api.requestToken(username, ApiClient.TEST_PASSWORD).problemCode(401)).isEqualTo("BAD_CREDENTIALS");
		api.login(username, CHOSEN);
	}
}

package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/** The Chinese login page, its English switch, sign-in and sign-out, and CSRF on every form. */
@ZhizhiIntegrationTest
class LoginPageIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theLoginPageIsChinese() {
		HttpResponse<String> page = new WebSession(port).get("/login");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("lang=\"zh-CN\"")
			.contains("登录智治平台")
			.contains("用户名")
			.contains("密码")
			.contains(">登录<")
			.doesNotContain("Sign in");
		assertThat(WebSession.csrfToken(page.body())).isNotBlank();
	}

	@Test
	void langEnSwitchesToEnglishAndTheChoiceSticks() {
		WebSession browser = new WebSession(port);

		HttpResponse<String> english = browser.get("/login?lang=en");
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("Sign in").contains("lang=\"en\"").doesNotContain("登录智治平台");
		assertThat(browser.get("/login").body()).as("the language is remembered").contains("Sign in");

		assertThat(browser.get("/login?lang=zh_CN").body()).contains("登录智治平台");
		assertThat(browser.get("/login").body()).contains("登录智治平台");
	}

	@Test
	void anonymousPagesRedirectToTheLoginPage() {
		WebSession browser = new WebSession(port);

		for (String page : new String[] { "/", "/territory", "/accounts", "/audit", "/account/password" }) {
			HttpResponse<String> response = browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(WebSession.location(response)).as(page).isEqualTo("/login");
		}
	}

	@Test
	void signingInLeadsHomeAndSigningOutEndsTheSession() {
		WebSession browser = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);

		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("您好，东城社区工作站").contains("您的数据范围：东城社区");
		assertThat(browser.get("/login").statusCode()).as("a signed-in user is sent on from the login page")
			.isEqualTo(302);

		HttpResponse<String> logout = browser.submit("/", "/logout", Map.of());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(logout)).isEqualTo("/login?logout");
		assertThat(WebSession.location(browser.get("/"))).isEqualTo("/login");
		assertThat(browser.get("/login?logout").body()).contains("您已安全退出");
	}

	@Test
	void aWrongPasswordOnTheFormSaysSoWithoutSigningIn() {
		String username = new ApiClient(port).createResident("it-form").path("username").asString();
		WebSession browser = new WebSession(port);

		HttpResponse<String> response = browser.login(username, "Wrong#Password1");
		assertThat(WebSession.location(response)).isEqualTo("/login?error=bad");
		assertThat(browser.get("/login?error=bad").body()).contains("用户名或密码错误");
		assertThat(WebSession.location(browser.get("/"))).isEqualTo("/login");

		HttpResponse<String> unknown = browser.login("no-such-user-" + System.nanoTime(), "Wrong#Password1");
		assertThat(WebSession.location(unknown)).isEqualTo("/login?error=bad");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		WebSession anonymous = new WebSession(port);
		anonymous.get("/login");
		HttpResponse<String> login = anonymous.postForm("/login",
				Map.of("username", "dongcheng", "password", ApiClient.DEMO_PASSWORD));
		assertThat(login.statusCode()).isEqualTo(403);
		assertThat(WebSession.location(anonymous.get("/"))).as("not signed in").isEqualTo("/login");

		HttpResponse<String> forged = anonymous.postForm("/login", Map.of("username", "dongcheng", "password",
				ApiClient.DEMO_PASSWORD, "_csrf", "forged-token"));
		assertThat(forged.statusCode()).isEqualTo(403);

		WebSession signedIn = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		String username = ApiClient.uniqueUsername("it-csrf");
		HttpResponse<String> create = signedIn.postForm("/accounts",
				Map.of("username", username, "displayName", "x", "password", ApiClient.TEST_PASSWORD, "roles",
						"RESIDENT", "orgUnitId", new ApiClient(port).orgUnitId("东城社区第1网格").toString()));
		assertThat(create.statusCode()).isEqualTo(403);
		assertThat(new ApiClient(port).get("/api/v1/accounts?q=" + username,
				new ApiClient(port).tokenOf("security")).list()).isEmpty();

		HttpResponse<String> logout = signedIn.postForm("/logout", Map.of());
		assertThat(logout.statusCode()).isEqualTo(403);
		assertThat(signedIn.get("/").statusCode()).as("still signed in").isEqualTo(200);
	}

	@Test
	void errorPagesAreChinese() {
		WebSession browser = new WebSession(port).loggedInAs("dongcheng-g02", ApiClient.DEMO_PASSWORD);

		HttpResponse<String> missing = browser.get("/territory/" + java.util.UUID.randomUUID());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).containsPattern("\\p{IsHan}").contains("404");

		HttpResponse<String> forbidden = browser.get("/audit");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).containsPattern("\\p{IsHan}").contains("403");
	}
}

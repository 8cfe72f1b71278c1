package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.TwoFactorEnrolments;
import org.zhizhi.TwoFactorEnrolments.Enrolment;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Two-factor sign-in of staff (issue 11): enrolment on the sign-in page, codes on the page and in the token request,
 * replay, throttling, recovery codes, the demo exemption and the security admin's reset — on the real server and
 * database, with codes made from the platform's clock.
 */
@ZhizhiIntegrationTest
class TwoFactorIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("<code id=\"secret\"[^>]*>([A-Z2-7]+)</code>");

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	private ApiClient api;

	private String base;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
		base = "http://localhost:" + port;
	}

	@Test
	void aStaffAccountGetsNoTokenBeforeItHasEnrolledOnThePage() {
		String staff = newStaff();

		Response response = api.requestToken(staff, ApiClient.TEST_PASSWORD, "123456");

		assertThat(response.problemCode(403)).isEqualTo("TWO_FACTOR_ENROLMENT_REQUIRED");
		assertThat(response.body()).doesNotContain("zz_");
	}

	@Test
	void anEnrolledStaffAccountGetsATokenOnlyWithTheRightCodeAndEachCodeOnlyOnce() {
		String staff = newStaff();
		Enrolment app = enrolled(staff);

		Response without = api.requestToken(staff, ApiClient.TEST_PASSWORD);
		assertThat(without.problemCode(401)).isEqualTo("TWO_FACTOR_REQUIRED");
		assertThat(without.errorFields()).containsExactly("totp");

		String right = app.codeAt(clock.instant().plusSeconds(30));
		String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
		Response wrongCode = api.requestToken(staff, ApiClient.TEST_PASSWORD, wrong);
		assertThat(wrongCode.problemCode(401)).isEqualTo("BAD_TWO_FACTOR_CODE");
		assertThat(wrongCode.errorFields()).containsExactly("totp");

		// the enrolment used the code of now; the next step's is still inside the window
		Response rightCode = api.requestToken(staff, ApiClient.TEST_PASSWORD, right);
		assertThat(rightCode.status()).as(rightCode.brief()).isEqualTo(200);
		assertThat(api.get("/api/v1/me", rightCode.json().path("token").asString()).status()).isEqualTo(200);

		assertThat(api.requestToken(staff, ApiClient.TEST_PASSWORD, right).problemCode(401))
			.as("the same code again (a replay)")
			.isEqualTo("BAD_TWO_FACTOR_CODE");

		clock.advance(Duration.ofSeconds(60));
		assertThat(api.requestToken(staff, ApiClient.TEST_PASSWORD, app.codeNow()).status()).isEqualTo(200);
		// a code from two steps ago is outside the window
		assertThat(api.requestToken(staff, ApiClient.TEST_PASSWORD, app.codeAt(clock.instant().minusSeconds(90)))
			.problemCode(401)).isEqualTo("BAD_TWO_FACTOR_CODE");
	}

	@Test
	void aWrongPasswordIsBadCredentialsWhateverTheCode() {
		String staff = newStaff();
		Enrolment app = enrolled(staff);

		assertThat(api.requestToken(staff, "Wrong#Password1", app.codeNow()).problemCode(401))
			.isEqualTo("BAD_CREDENTIALS");
	}

	@Test
	void wrongCodesAreThrottledLikeWrongPasswords() {
		String staff = newStaff();
		enrolled(staff);

		Response last = null;
		for (int i = 0; i < 6 && (last == null || last.status() != 429); i++) {
			last = api.requestToken(staff, ApiClient.TEST_PASSWORD, "000000");
		}

		assertThat(last.problemCode(429)).isEqualTo("TOO_MANY_ATTEMPTS");
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void aRecoveryCodeReplacesACodeOnceOnly() {
		String staff = newStaff();
		Enrolment app = enrolled(staff);
		String recovery = app.takeRecoveryCode();

		assertThat(api.requestToken(staff, ApiClient.TEST_PASSWORD, recovery.toLowerCase()).status()).isEqualTo(200);
		assertThat(api.requestToken(staff, ApiClient.TEST_PASSWORD, recovery).problemCode(401))
			.isEqualTo("BAD_TWO_FACTOR_CODE");
	}

	@Test
	void residentsSignInWithThePasswordAlone() {
		String resident = api.createResident("it-2fa").path("username").asString();

		assertThat(api.requestToken(resident, ApiClient.TEST_PASSWORD).status()).isEqualTo(200);
		HttpResponse<String> page = new WebSession(port).login(resident, ApiClient.TEST_PASSWORD);
		assertThat(WebSession.location(page)).isEqualTo("/");
	}

	@Test
	void inDemoModeTheDemoStaffAccountsSignInWithThePasswordAlone() {
		assertThat(api.requestToken("dongcheng", ApiClient.DEMO_PASSWORD).status()).isEqualTo(200);
		assertThat(api.requestToken("admin", ApiClient.DEMO_PASSWORD).status()).isEqualTo(200);
		assertThat(WebSession.location(new WebSession(port).login("dongcheng", ApiClient.DEMO_PASSWORD)))
			.isEqualTo("/");
		assertThat(new WebSession(port).get("/login").body()).contains("演示账号在演示环境中仅凭密码登录");
	}

	@Test
	void theFormEnrolsAStaffMemberAtHisFirstSignInAndAHalfSignedInSessionReachesNothing() {
		String staff = newStaff();
		WebSession browser = new WebSession(port);

		HttpResponse<String> password = browser.login(staff, ApiClient.TEST_PASSWORD);
		assertThat(WebSession.location(password)).isEqualTo("/login/two-factor/enrol");
		assertThat(WebSession.location(browser.get("/"))).isEqualTo("/login");
		assertThat(WebSession.location(browser.get("/incidents"))).isEqualTo("/login");
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);

		HttpResponse<String> page = browser.get("/login/two-factor/enrol");
		assertThat(page.body()).contains("data:image/svg+xml;base64,").contains("绑定身份验证器");
		Matcher secret = SECRET.matcher(page.body());
		assertThat(secret.find()).isTrue();
		HttpResponse<String> wrong = browser.postForm("/login/two-factor/enrol",
				Map.of("code", "000000", "_csrf", WebSession.csrfToken(page.body())));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("验证码不正确");
		assertThat(WebSession.location(browser.get("/"))).isEqualTo("/login");

		String code = new TotpCodes().codeAt(org.zhizhi.identity.Base32.decode(secret.group(1)), clock.instant());
		HttpResponse<String> recovery = browser.postForm("/login/two-factor/enrol",
				Map.of("code", code, "_csrf", WebSession.csrfToken(wrong.body())));
		assertThat(recovery.statusCode()).isEqualTo(200);
		assertThat(recovery.body()).contains("请保存恢复码");
		assertThat(Pattern.compile("class=\"recovery-code\"").matcher(recovery.body()).results().count())
			.isEqualTo(10);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void anEnrolledStaffMemberGivesTheCodeOfHisAppOnTheCodePage() {
		String staff = newStaff();
		Enrolment app = enrolled(staff);
		clock.advance(Duration.ofSeconds(60));
		WebSession browser = new WebSession(port);

		assertThat(WebSession.location(browser.login(staff, ApiClient.TEST_PASSWORD))).isEqualTo("/login/two-factor");
		HttpResponse<String> wrong = browser.submit("/login/two-factor", "/login/two-factor",
				Map.of("code", "000000"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("验证码不正确");
		assertThat(WebSession.location(browser.get("/"))).isEqualTo("/login");

		HttpResponse<String> right = browser.submit("/login/two-factor", "/login/two-factor",
				Map.of("code", app.codeNow()));
		// on to the page first asked for (the home page, tried above while half signed in)
		assertThat(WebSession.location(right)).isEqualTo("/?continue");
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void thePasswordStepExpiresAfterFiveMinutes() {
		String staff = newStaff();
		enrolled(staff);
		WebSession browser = new WebSession(port);
		browser.login(staff, ApiClient.TEST_PASSWORD);

		clock.advance(Duration.ofMinutes(6));

		assertThat(WebSession.location(browser.get("/login/two-factor"))).isEqualTo("/login");
	}

	@Test
	void onlyTheSecurityAdminResetsTwoFactorAndTheAccountEnrolsAfresh() {
		String staff = newStaff();
		Enrolment app = enrolled(staff);
		String id = accountId(staff);

		assertThat(api.delete("/api/v1/accounts/" + id + "/two-factor", api.tokenOf("admin")).status())
			.isEqualTo(403);
		assertThat(api.requestToken(staff, ApiClient.TEST_PASSWORD, app.takeRecoveryCode()).status()).isEqualTo(200);

		assertThat(api.delete("/api/v1/accounts/" + id + "/two-factor", api.tokenOf("security")).status())
			.isEqualTo(204);

		assertThat(api.requestToken(staff, ApiClient.TEST_PASSWORD, app.takeRecoveryCode()).problemCode(403))
			.isEqualTo("TWO_FACTOR_ENROLMENT_REQUIRED");
		assertThat(WebSession.location(new WebSession(port).login(staff, ApiClient.TEST_PASSWORD)))
			.isEqualTo("/login/two-factor/enrol");
		String trail = api.get("/api/v1/audit-entries?action=TWO_FACTOR_RESET", api.tokenOf("auditor")).body();
		assertThat(trail).contains(id);
	}

	@Test
	void theAccountPageOffersTheResetToTheSecurityAdminOnly() {
		String staff = newStaff();
		Enrolment app = enrolled(staff);
		String page = "/accounts/" + accountId(staff);

		assertThat(new WebSession(port).loggedInAs("admin", ApiClient.DEMO_PASSWORD).get(page).body())
			.doesNotContain("重置双因素");
		WebSession security = new WebSession(port).loggedInAs("security", ApiClient.DEMO_PASSWORD);
		assertThat(security.get(page).body()).contains("重置双因素");

		HttpResponse<String> reset = security.submit(page, page + "/two-factor/reset", Map.of());
		assertThat(WebSession.location(reset)).isEqualTo(page);
		assertThat(security.get(page).body()).contains("已重置双因素");
		assertThat(api.requestToken(staff, ApiClient.TEST_PASSWORD, app.takeRecoveryCode()).problemCode(403))
			.isEqualTo("TWO_FACTOR_ENROLMENT_REQUIRED");
	}

	private String newStaff() {
		return api.createAccount(api.tokenOf("admin"), ApiClient.newAccount(ApiClient.uniqueUsername("it-2fa"),
				"COMMUNITY_STAFF", api.orgUnitId("东城社区"), null)).path("username").asString();
	}

	private Enrolment enrolled(String username) {
		WebSession browser = new WebSession(port);
		assertThat(browser.landing(username, browser.login(username, ApiClient.TEST_PASSWORD))).isEqualTo("/");
		return TwoFactorEnrolments.of(base, username);
	}

	private String accountId(String username) {
		return api.get("/api/v1/accounts?q=" + username, api.tokenOf("security")).list().get(0).path("id").asString();
	}
}

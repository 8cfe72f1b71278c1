package org.zhizhi.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * A real browser signs a new community worker in with two factors: the enrolment page at his first sign-in (QR code,
 * the key in text, the first code, the recovery codes once), then the code page at the next — with TOTP codes made in
 * the test from the platform's clock, as his phone would.
 */
@ZhizhiIntegrationTest
class TwoFactorBrowserTests {

	private static HeadlessChromium chromium;

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchBrowser() throws IOException {
		chromium = HeadlessChromium.launch();
	}

	@AfterAll
	static void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aStaffMemberEnrolsHisAppAndSignsInWithItsCodes() {
		ApiClient api = new ApiClient(port);
		String username = api.createAccount(api.tokenOf("admin"), ApiClient.newAccount(
				ApiClient.uniqueUsername("it-2fa-web"), "COMMUNITY_STAFF", api.orgUnitId("东城社区"), null))
			.path("username").asString();
		TotpCodes app = new TotpCodes();
		byte[] secret;

		try (BrowserContext context = chromium.desk()) {
			Page page = context.newPage();
			passwordStep(page, username);
			assertThat(page).hasURL(url("/login/two-factor/enrol"));
			assertThat(page.locator("h2")).hasText("绑定身份验证器应用");
			assertThat(page.locator(".qr-code img")).isVisible();
			Assertions.assertThat(page.locator(".qr-code img").getAttribute("src"))
				.startsWith("data:image/svg+xml;base64,");
			page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve("two-factor-enrol.png")));
			secret = Base32.decode(page.locator("#secret").textContent());

			page.locator("#code").fill(app.codeAt(secret, clock.instant()));
			page.locator("button[type=submit]").click();
			assertThat(page.locator("h2")).hasText("请保存恢复码");
			assertThat(page.locator(".recovery-code")).hasCount(10);
			page.locator("#continue").click();
			assertThat(page).hasURL(url("/"));
			assertThat(page.locator("h1")).containsText("您好");
		}

		clock.advance(Duration.ofSeconds(60));
		try (BrowserContext context = chromium.desk()) {
			Page page = context.newPage();
			passwordStep(page, username);
			assertThat(page).hasURL(url("/login/two-factor"));
			page.locator("#code").fill("000000");
			page.locator("button[type=submit]").click();
			assertThat(page.locator(".alert.error")).containsText("验证码不正确");

			page.locator("#code").fill(app.codeAt(secret, clock.instant()));
			page.locator("button[type=submit]").click();
			assertThat(page).hasURL(url("/"));
			assertThat(page.locator("h1")).containsText("您好");
		}
	}

	private void passwordStep(Page page, String username) {
		page.navigate(url("/login"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(ApiClient.TEST_PASSWORD);
		page.locator("button[type=submit]").click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

package org.zhizhi.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * A community worker on his phone subscribes his calendar to the joint meetings (日程订阅), then at his desk finds the
 * phone among his sign-in sessions (登录会话) and ends it. Screenshots go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class SessionsAndCalendarBrowserTests {

	private static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

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
	void aWorkerSubscribesOnHisPhoneAndEndsThePhonesSessionFromHisDesk() {
		ApiClient api = new ApiClient(port);
		Map<String, Object> meeting = new LinkedHashMap<>();
		meeting.put("kind", "QUARTERLY");
		meeting.put("scheduledAt", clock.instant().plus(Duration.ofDays(12)).toString());
		meeting.put("place", "金银桥社区党群服务中心二楼");
		Assertions.assertThat(api.post("/api/v1/joint-meetings", api.tokenOf("mudong"), meeting).status())
			.isEqualTo(201);

		try (BrowserContext phone = chromium.phone(); BrowserContext desk = chromium.desk()) {
			Page onPhone = HeadlessChromium.signIn(phone, port, "mudong");
			onPhone.navigate(url("/account/calendar"));
			assertThat(onPhone.locator("h1")).hasText("日程订阅");
			assertThat(onPhone.locator("ul.plain")).containsText("金银桥社区党群服务中心二楼");
			onPhone.locator("form[action$='/account/calendar/feed'] button").click();
			assertThat(onPhone.locator("#feed-url")).containsText("/calendar/zf_");
			assertThat(onPhone.getByText("在手机日历中订阅")).isVisible();
			Assertions.assertThat(onPhone.locator("a.button").getAttribute("href")).startsWith("webcal://");
			Object overflow = onPhone
				.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
			Assertions.assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			onPhone.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("calendar-subscription-phone.png")));

			Page atDesk = HeadlessChromium.signIn(desk, port, "mudong");
			atDesk.navigate(url("/account/sessions"));
			assertThat(atDesk.locator("h1")).hasText("登录会话");
			assertThat(atDesk.locator("table.sessions tbody tr.current")).hasCount(1);
			int before = atDesk.locator("table.sessions tbody tr").count();
			Assertions.assertThat(before).isGreaterThanOrEqualTo(2);
			atDesk.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("sessions-desk.png")));
			// the phone is the most recently active of the others: the first row that is not this one
			atDesk.locator("table.sessions tbody tr:not(.current)").first().locator("button").click();
			assertThat(atDesk.getByText("该会话已结束。")).isVisible();
			assertThat(atDesk.locator("table.sessions tbody tr")).hasCount(before - 1);

			onPhone.navigate(url("/account/calendar"));
			assertThat(onPhone).hasURL(url("/login"));
		}
	}

	/** Issue 11: the security admin sees the key ring (ids only) and how far the values are, and starts a run. */
	@Test
	void theSecurityAdminStartsTheReEncryptionAndSeesItsProgress() {
		try (BrowserContext desk = chromium.desk()) {
			Page page = HeadlessChromium.signIn(desk, port, "security");
			page.locator("nav a[href='/admin/keys']").click();
			assertThat(page.locator("h1")).hasText("密钥轮换");
			assertThat(page.locator("dl.facts")).containsText("AES-256-GCM");
			assertThat(page.locator("table tbody tr")).hasCount(6);
			assertThat(page.locator("table tbody tr").first()).containsText("居民身份证号和手机号");
			assertThat(page.locator("table tbody")).containsText("城市平台订阅方的签名密钥");
			assertThat(page.locator("table tbody")).containsText("城市平台工单的来电人信息");
			page.locator("form[action$='/admin/keys/re-encryption'] button").click();
			assertThat(page.getByText("重新加密已开始。")).isVisible();
			page.navigate(url("/admin/keys"));
			assertThat(page.getByText("已完成：security 发起")).isVisible();
			assertThat(page.locator("p.badge.ok")).containsText("全部密文都在主密钥 1 下");
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("key-rotation-desk.png")));
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

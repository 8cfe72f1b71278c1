package org.zhizhi.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * On a phone, each role signs in and does the first thing waiting without scrolling: the first item of the to-do
 * list is on the first screen, and one tap opens the page where it is done. A resident's first screen holds 随手拍.
 */
@ZhizhiIntegrationTest
class WorkbenchBrowserTests {

	private static HeadlessChromium chromium;

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
	void eachRoleReachesItsFirstWaitingItemInOneTapOnAPhone() {
		for (String account : List.of("dongcheng", "dongcheng-g01", "jieshi", "dangyuan01", "jumin01", "gongdian",
				"shouhu01", "wuye-jianguan", "mudong-school")) {
			try (BrowserContext context = chromium.browser()
				.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
					.setLocale("zh-CN")
					.setTimezoneId(TestClock.CHINA.getId()))) {
				context.setDefaultTimeout(15_000);
				Page page = HeadlessChromium.signIn(context, port, account);
				assertThat(page.locator("#todo-title")).isInViewport();
				page.screenshot(new Page.ScreenshotOptions()
					.setPath(HeadlessChromium.SCREENSHOTS.resolve("workbench-" + account + ".png")));
				Locator first = page.locator("#todo .todo-item").first();
				if (account.equals("jumin01")) {
					assertThat(page.locator("#report-now")).isInViewport();
				}
				if (page.locator("#todo .todo-item").count() == 0) {
					// nothing waits: the page says so on the first screen, and the demo's busy roles always have work
					assertThat(page.locator("#todo-empty")).isInViewport();
					Assertions.assertThat(account).isNotIn("dongcheng", "dangyuan01", "shouhu01", "wuye-jianguan");
					continue;
				}
				assertThat(first).isInViewport();
				String href = first.getAttribute("href");
				first.click();
				page.waitForURL("**" + href);
				assertThat(page.locator("h1")).isVisible();
				Assertions.assertThat(page.title()).as("%s opened %s", account, href).doesNotContain("无权访问", "页面不存在", "系统出错");
			}
		}
	}
}

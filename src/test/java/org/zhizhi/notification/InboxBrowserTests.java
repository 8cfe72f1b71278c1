package org.zhizhi.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.TestClock;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.ZhizhiIntegrationTest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import tools.jackson.databind.JsonNode;

/**
 * On a phone, a resident sees the unread badge in the header, opens his inbox from it, marks everything read, and a
 * message's tap leads to its page. Screenshots go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class InboxBrowserTests {

	@Autowired
	TestClock clock;

	private static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

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
	void onAPhoneTheBadgeLeadsToTheInboxWhereMessagesAreReadAndFollowed() {
		ApiClient api = new ApiClient(port);
		JsonNode resident = api.createResident("inbox-phone");
		String username = resident.path("username").asString();
		UUID id = UUID.fromString(resident.path("id").asString());
		notify(id, new Notice("INCIDENT_CLOSED", "您上报的事件已办结：井盖破损",
				"您上报的“井盖破损，有人险些踩空，请尽快处理，小区东门外人行道上”已处理完毕，请对处理结果进行评价。", "/"));
		notify(id, new Notice("INCIDENT_REJECTED", "您上报的事件未予受理：车辆乱停", "您上报的“车辆乱停”未予受理，原因：重复上报。", null));

		try (BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
				.setLocale("zh-CN")
				.setTimezoneId(TestClock.CHINA.getId()))) {
			context.setDefaultTimeout(15_000);
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.locator("#username").fill(username);
			page.locator("#password").fill(ApiClient.TEST_PASSWORD);
			page.locator("button[type=submit]").click();
			assertThat(page).hasURL(url("/"));

			assertThat(page.locator("#inbox-link .inbox-count")).hasText("2");
			page.locator("#inbox-link").click();
			assertThat(page).hasURL(url("/inbox"));
			assertThat(page.locator("h1")).hasText("消息");
			assertThat(page.locator("ul.inbox li.unread")).hasCount(2);
			assertThat(page.locator("ul.inbox li").first()).containsText("车辆乱停");
			Object overflow = page
				.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
			Assertions.assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve("inbox-phone.png")));

			page.locator("#read-all").click();
			assertThat(page).hasURL(url("/inbox"));
			assertThat(page.getByText("已全部标为已读。")).isVisible();
			assertThat(page.locator("ul.inbox li.unread")).hasCount(0);
			assertThat(page.locator("#inbox-link .inbox-count")).hasCount(0);
			assertThat(page.locator("#read-all")).hasCount(0);

			page.locator("ul.inbox li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("井盖破损"))
				.locator("button")
				.click();
			assertThat(page).hasURL(Pattern.compile("/$"));
		}
	}

	private void notify(UUID recipient, Notice notice) {
		clock.advance(Duration.ofSeconds(1)); // a second apart, so that "newest first" has an order to keep
		transactions.executeWithoutResult(s -> notifications.notify(List.of(recipient), notice));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

package org.zhizhi.citylink;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * At the district desk: 城市平台对接 refuses a subscriber with a plain-http address beside the field, adds it with
 * https and shows its secret once, makes a 12345 key; after a step, the delivery log shows the delivery and its page
 * the attempt and the body. Screenshots go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class CitylinkDeskBrowserTests {

	private static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	DeliveryWorker worker;

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
	void aDistrictAdminAddsASubscriberAndAKeyAndReadsTheDeliveryLog() throws Exception {
		String name = "区指挥中心大屏 " + UUID.randomUUID().toString().substring(0, 4);
		try (Receiver receiver = new Receiver(); BrowserContext context = chromium.desk()) {
			Page page = HeadlessChromium.signIn(context, port, "banan");
			page.navigate(url("/citylink"));
			assertThat(page.locator("h1")).hasText("城市平台对接");

			page.locator("#new-subscriber summary").click();
			page.locator("#new-subscriber input[name=name]").fill(name);
			page.locator("#new-subscriber input[name=url]").fill("http://screen.example.cn/hook");
			page.locator("#new-subscriber input[value='incident.*']").check();
			page.locator("#new-subscriber button.primary").click();
			assertThat(page.locator("#new-subscriber .field-error")).containsText("https://");
			assertThat(page.locator("#new-subscriber input[name=name]")).hasValue(name);

			page.locator("#new-subscriber input[name=url]").fill(receiver.url());
			page.locator("#new-subscriber button.primary").click();
			assertThat(page.locator("#shown-once")).containsText("whsec_");
			assertThat(page.locator("#subscribers")).containsText(name);

			page.locator("#new-link summary").click();
			page.locator("#new-link input[name=name]").fill("巴南区12345 " + UUID.randomUUID().toString().substring(0, 4));
			page.locator("#new-link button.primary").click();
			assertThat(page.locator("#shown-once")).containsText("zzcl_");
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("citylink-desk.png")));

			new ApiClient(port).reportAsResident("jumin01", "东城社区第1网格", "OTHER", "大屏推送测试 " + UUID.randomUUID());
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				worker.run();
				return !receiver.received().isEmpty();
			});

			page.navigate(url("/citylink/deliveries"));
			assertThat(page.locator("#deliveries")).containsText(name);
			page.locator("#deliveries tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(name))
				.first()
				.locator("a")
				.click();
			assertThat(page.locator("#attempts")).containsText("送达");
			assertThat(page.locator("pre.payload")).containsText("incident.report");
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("citylink-delivery.png")));
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

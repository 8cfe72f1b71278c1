package org.zhizhi.citylink;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * A 12345 order with a deadline, as the district sees it: 12345时限 under the order number on 城市平台对接, first among
 * the incident's deadlines on its page, and beside the order number in the desk's list. Screenshots go to
 * {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class CityOrderDeadlineBrowserTests {

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
	void theOrdersDeadlineIsShownWhereTheOrderIs() {
		ApiClient api = new ApiClient(port);
		Response key = api.post("/api/v1/citylink/links", api.tokenOf("banan"),
				Map.of("name", "时限页面 " + UUID.randomUUID().toString().substring(0, 6), "source", "HOTLINE_12345"));
		String externalId = "GD" + UUID.randomUUID().toString().substring(0, 12);
		double[] spot = api.centroid("东城社区第1网格");
		UUID grid = api.orgUnitId("东城社区第1网格");
		// three days on (Saturday 10:00): this order is the grid's newest report, whatever other tests left behind —
		// moved after the calls with the suite's tokens, which a token cached from an earlier test would not outlive
		clock.advance(Duration.ofDays(3));
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("source", "HOTLINE_12345");
		order.put("externalId", externalId);
		order.put("categoryCode", "OTHER");
		order.put("description", "市民来电反映：楼道堆放杂物堵塞通道");
		order.put("lat", spot[0]);
		order.put("lng", spot[1]);
		// Saturday 12:00 in Chongqing (the clock runs on from the start: a round deadline, not now plus two hours)
		order.put("deadline", "2026-06-13T04:00:00Z");
		Response received = api.post("/api/v1/citylink/orders", key.json().path("key").asString(), order);
		String incident = received.json().path("incidentId").asString();
		org.assertj.core.api.Assertions.assertThat(received.status()).as(received.brief()).isEqualTo(201);

		try (BrowserContext context = chromium.desk()) {
			Page page = HeadlessChromium.signIn(context, port, "banan");
			page.navigate(url("/citylink"));
			assertThat(page.locator("[data-deadline='" + externalId + "']")).hasText("12345时限 2026-06-13 12:00");
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("citylink-order-deadline.png")));

			page.navigate(url("/incidents/" + incident));
			assertThat(page.locator("#description")).containsText(externalId);
			assertThat(page.locator("dd[data-due]").first()).hasAttribute("data-due", "incident.bindingDue.HOTLINE_12345");
			assertThat(page.locator("dd[data-due='incident.bindingDue.HOTLINE_12345']")).containsText("2026-06-13 12:00");
			assertThat(page.locator("dd[data-due='incident.bindingDue.HOTLINE_12345']").locator("xpath=preceding-sibling::dt[1]"))
				.hasText("12345时限");
			assertThat(page.locator("dd[data-due='incident.resolveDueAt']")).containsText("2026-06-13 12:00");
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("incident-order-deadline.png")));

			page.navigate(url("/incidents?state=REPORTED&category=OTHER&grid=" + grid));
			assertThat(page.locator("tr[data-id='" + incident + "'] .binding-due")).hasText("12345时限 06-13 12:00");
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("desk-order-deadline.png")));
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

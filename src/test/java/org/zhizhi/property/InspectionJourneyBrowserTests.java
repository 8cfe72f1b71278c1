package org.zhizhi.property;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.TestPhotos;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 14's inspection on a phone: wuye-jianguan, at 华城国际, starts this month's inspection, fails a criterion of the
 * checklist with a note and a photo (the phone's position taken by the page), submits; the score is fixed and the
 * rectification raised goes through the whistle loop to 重庆金鹤物业's liaison, who finds it among his unit's orders.
 * Screenshots go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class InspectionJourneyBrowserTests {

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
	void anInspectorFailsACriterionWithAPhotoAndTheCompanySeesTheRectification() {
		ApiClient api = new ApiClient(port);
		JsonNode company = api.get("/api/v1/property/companies?name=金鹤", api.tokenOf("wuye-jianguan")).list()
			.getFirst();
		JsonNode estate = company.path("estates").get(0);
		double lat = estate.path("lat").asDouble();
		double lng = estate.path("lng").asDouble();

		try (BrowserContext inspectorPhone = chromium.phone(lat, lng);
				BrowserContext liaisonPhone = chromium.phone(lat, lng)) {
			Page inspector = HeadlessChromium.signIn(inspectorPhone, port, "wuye-jianguan");
			inspector.navigate(url("/m/property"));
			inspector.locator("#estates li:has-text('华城国际') button").click();
			assertThat(inspector.locator("#inspection-state")).hasText("检查中");
			assertThat(inspector.locator("#checklist > li")).hasCount(24);

			// the first criterion on the checklist fails: a note, a photo, the phone's position
			Locator criterion = inspector.locator("#checklist > li").first();
			String code = criterion.locator(".code").textContent().strip();
			criterion.locator("summary").click();
			inspector.waitForFunction("() => { const f = document.querySelector('#c-" + code
					+ " [data-lat]'); return f && f.value; }");
			criterion.locator("textarea[name=note]").fill("3 栋单元门禁损坏，夜间无法关闭");
			criterion.locator("input[name=photo]")
				.setInputFiles(new FilePayload("finding.jpg", "image/jpeg", TestPhotos.jpeg(Color.DARK_GRAY)));
			screenshot(inspector, "property-finding-form-phone.png");
			clock.advance(Duration.ofMinutes(5));
			criterion.locator("button").click();
			assertThat(inspector.locator("div.notice")).containsText("问题已记录");
			assertThat(inspector.locator("#c-" + code + " .badge.bad")).hasText("不合格");
			assertThat(inspector.locator("#c-" + code + " .finding a")).hasText("照片");
			assertThat(inspector.locator("#finding-count")).hasText("1 项");

			clock.advance(Duration.ofMinutes(5));
			inspector.locator("#submit-form button").click();
			assertThat(inspector.locator("#inspection-state")).hasText("已提交");
			assertThat(inspector.locator("#inspection-score")).containsText("/ 46 分");
			assertThat(inspector.locator("#submit-form")).hasCount(0);
			assertThat(inspector.locator("#orders li")).hasCount(1);
			assertThat(inspector.locator("#orders li")).containsText(code);
			screenshot(inspector, "property-inspection-submitted-phone.png");

			inspector.locator("#orders a").first().click();
			String orderUrl = inspector.url();
			assertThat(inspector.locator("#order-state")).hasText("整改中");
			assertThat(inspector.locator("#loop-state")).hasText("已指派");
			assertThat(inspector.locator("#pass-form")).hasCount(0);
			screenshot(inspector, "property-rectification-phone.png");

			// the company's liaison finds the order among his unit's orders
			Page liaison = HeadlessChromium.signIn(liaisonPhone, port, "wuye-huacheng");
			liaison.navigate(url("/m/tasks"));
			Locator order = liaison.locator("#my-orders li:has-text('3 栋单元门禁损坏')");
			assertThat(order).hasCount(1);
			assertThat(order).containsText("第" + code + "条");
			screenshot(liaison, "property-liaison-orders-phone.png");

			// the company answers it through the loop (应哨, on site, resolved with a photo); the inspector's page now
			// offers 复查通过 and 退回, and his pass closes the order
			String orderId = orderUrl.substring(orderUrl.lastIndexOf('/') + 1);
			String incident = api.get("/api/v1/property/rectifications/" + orderId, api.tokenOf("wuye-jianguan"))
				.json()
				.path("incidentId")
				.asString();
			String token = api.tokenOf("wuye-huacheng");
			org.assertj.core.api.Assertions.assertThat(api.post("/api/v1/incidents/" + incident + "/answer", token, Map.of()).status()).isEqualTo(200);
			org.assertj.core.api.Assertions.assertThat(api.post("/api/v1/incidents/" + incident + "/check-in", token, Map.of("lat", lat, "lng", lng,
					"photoIds", List.of(api.uploadPhoto(token, incident)))).status()).isEqualTo(200);
			org.assertj.core.api.Assertions.assertThat(api.post("/api/v1/incidents/" + incident + "/resolve", token, Map.of("note", "门禁已更换",
					"photoIds", List.of(api.uploadPhoto(token, incident)))).status()).isEqualTo(200);
			inspector.navigate(orderUrl);
			assertThat(inspector.locator("#pass-form button")).isVisible();
			assertThat(inspector.locator("#send-back summary")).isVisible();
			screenshot(inspector, "property-rectification-answered-phone.png");
			inspector.locator("#pass-form button").click();
			assertThat(inspector.locator("#order-state")).hasText("已通过");
			assertThat(inspector.locator("#pass-form")).hasCount(0);
			screenshot(inspector, "property-rectification-passed-phone.png");
		}
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(HeadlessChromium.SCREENSHOTS.resolve(name)));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

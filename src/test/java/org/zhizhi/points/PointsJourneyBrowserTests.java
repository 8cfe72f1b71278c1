package org.zhizhi.points;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 13's points journey: 刘骑手 reports a loose manhole cover from his phone; 龙锦社区 accepts it and his 先锋骑士
 * points arrive; on his phone he redeems a case of water at the supermarket and shows the code; the sponsor's liaison confirms it on
 * his phone. Screenshots go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class PointsJourneyBrowserTests {

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
	void aRiderEarnsByAConfirmedReportAndRedeemsAtASponsor() throws Exception {
		ApiClient api = new ApiClient(port);
		String rider = api.tokenOf("qishou01");
		long before = riderBalance(api, rider);
		double[] point = api.centroid("龙锦社区第1网格");
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("channel", "RESIDENT_APP");
		report.put("categoryCode", "OTHER");
		report.put("description", "送餐时看到路口井盖松动，电动车压过会翻 " + UUID.randomUUID());
		report.put("lat", point[0]);
		report.put("lng", point[1]);
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/incidents"))
				.header("Authorization", "Bearer " + rider)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.json(report),
						java.nio.charset.StandardCharsets.UTF_8))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
		String incident = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body())
			.path("incident").path("id").asString();
		api.post("/api/v1/incidents/" + incident + "/accept", api.tokenOf("longjin"), Map.of());
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(riderBalance(api, rider)).isEqualTo(before + 2));

		try (BrowserContext riderPhone = chromium.phone(); BrowserContext merchantPhone = chromium.phone()) {
			Page phone = HeadlessChromium.signIn(riderPhone, port, "qishou01");
			phone.navigate(url("/m/points"));
			assertThat(phone.locator("#my-accounts .balance strong")).hasText(String.valueOf(before + 2));
			screenshot(phone, "points-rider-phone.png");
			phone.locator("#my-accounts .account-links a").first().click();
			phone.locator("#rewards li:has-text('矿泉水一箱') button").click();
			String code = phone.locator("#redemption-code").textContent().strip();
			org.assertj.core.api.Assertions.assertThat(code).matches("\\d{6}");
			screenshot(phone, "points-redemption-code-phone.png");

			Page merchant = HeadlessChromium.signIn(merchantPhone, port, "shangjia01");
			merchant.navigate(url("/m/points/confirm"));
			merchant.locator("#confirm-form input[name=code]").fill(code);
			merchant.locator("#confirm-form button").click();
			assertThat(merchant.locator(".notice")).hasText("兑换已确认。");
			assertThat(merchant.locator("#sponsor-redemptions li").first()).containsText("矿泉水一箱");
			screenshot(merchant, "points-merchant-confirmed-phone.png");

			phone.reload();
			assertThat(phone.locator(".badge.state-CONFIRMED")).hasText("已兑换");
			org.assertj.core.api.Assertions.assertThat(riderBalance(api, rider)).isEqualTo(before + 2 - 20);
		}
	}

	private static long riderBalance(ApiClient api, String token) {
		return api.get("/api/v1/points/accounts/mine", token)
			.list()
			.stream()
			.filter(a -> a.path("scheme").path("kind").asString().equals("RIDER"))
			.mapToLong(a -> a.path("account").path("balance").asLong())
			.sum();
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(HeadlessChromium.SCREENSHOTS.resolve(name)));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

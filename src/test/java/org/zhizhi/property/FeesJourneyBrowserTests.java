package org.zhizhi.property;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.time.YearMonth;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * Issue 14's journey on a phone: 新河街's guardian (shouhu01) opens 自管收费, collects a household's ¥10 and sees its
 * receipt; the public accounts page shows the month's income one payment higher.
 */
@ZhizhiIntegrationTest
class FeesJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	static HeadlessChromium chromium;

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
	void theGuardianCollectsAHouseholdsTenYuanOnHisPhone() {
		ApiClient api = new ApiClient(port);
		String estate = api.estateId(api.tokenOf("banan"), "新河街").toString();
		YearMonth month = YearMonth.from(clock.instant().atZone(TestClock.CHINA));
		long before = income(api, estate, month);
		double[] here = api.centroid("新河街网格");
		try (BrowserContext phone = chromium.phone(here[0], here[1])) {
			Page guardian = HeadlessChromium.signIn(phone, port, "shouhu01");
			guardian.navigate("http://localhost:" + port + "/m/fees");
			assertThat(guardian.locator("h1")).containsText("新河街");
			Locator open = guardian.locator("#bills li:has(button.primary)").first();
			String dwelling = open.locator("strong").textContent().strip();
			open.locator("button.primary").click();
			assertThat(guardian.locator("div.notice")).containsText("已收款");
			Locator paid = guardian.locator("#bills li:has-text('" + dwelling + "')");
			assertThat(paid).containsText("已缴");
			assertThat(paid).containsText("收据 SG");
			guardian.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("fees-guardian-phone.png")));
			org.assertj.core.api.Assertions.assertThat(income(api, estate, month)).isEqualTo(before + 10_00);

			Page anyone = phone.newPage();
			anyone.navigate("http://localhost:" + port + "/public/self-run/" + estate);
			assertThat(anyone.locator("#months")).containsText(month.toString());
			org.assertj.core.api.Assertions.assertThat(anyone.content()).doesNotContain(dwelling);
		}
	}

	private static long income(ApiClient api, String estate, YearMonth month) {
		return api.get("/api/v1/estates/" + estate + "/fees", api.tokenOf("shouhu01")).json().path("months")
			.findParents("incomeCents")
			.stream()
			.filter(m -> m.path("month").asString().startsWith(month.toString()))
			.findFirst()
			.orElseThrow()
			.path("incomeCents")
			.asLong();
	}
}

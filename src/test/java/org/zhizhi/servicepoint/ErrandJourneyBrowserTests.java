package org.zhizhi.servicepoint;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

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
 * Issue 14's 便民代办 in the browser: 张居民, an elder, asks on his phone for his blood-pressure pills; the desk gives
 * the errand to a party member; the runner's phone says it is done, with a note and the money; 张居民 confirms it, and
 * each of them sees where it stands. Then the desk, on a 微孝热线 call, asks for a resident it finds by name. Screenshots
 * go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class ErrandJourneyBrowserTests {

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
	void anElderAsksOnHisPhoneARunnerDoesItAndTheElderConfirms() {
		ApiClient api = new ApiClient(port);
		String runnerName = api.get("/api/v1/me", api.tokenOf("dangyuan04")).json().path("displayName").asString();
		String details = "到社区卫生服务中心买降压药两盒（旅程测试）";

		try (BrowserContext elderPhone = chromium.phone(); BrowserContext runnerPhone = chromium.phone();
				BrowserContext deskScreen = chromium.desk()) {
			// the elder asks on his phone
			Page elder = HeadlessChromium.signIn(elderPhone, port, "jumin01");
			elder.navigate(url("/m/errands"));
			Locator ask = elder.locator("#ask-errand");
			if (ask.getAttribute("open") == null) {
				ask.locator("summary").click();
			}
			ask.locator("select[name=kind]").selectOption(new SelectOption().setLabel("代买药品"));
			ask.locator("textarea[name=details]").fill(details);
			ask.locator("button").click();
			assertThat(elder.locator("div.notice")).containsText("已提交");
			Locator mine = elder.locator("#my-errands li", new Page.LocatorOptions().setHasText(details));
			assertThat(mine.locator(".badge")).hasText("待分派");
			screenshot(elder, "errand-asked-phone.png");
			String href = mine.locator("a").getAttribute("href");
			String id = href.substring(href.lastIndexOf('/') + 1);

			// the desk sees it in its queue and gives it to a runner
			clock.advance(Duration.ofMinutes(10));
			Page desk = HeadlessChromium.signIn(deskScreen, port, "dongcheng");
			desk.navigate(url("/servicepoints/errands?state=REQUESTED"));
			Locator row = desk.locator("#errand-queue tr", new Page.LocatorOptions().setHasText(details));
			assertThat(row).containsText("张居民");
			assertThat(row).containsText("本人");
			row.locator("select[name=runnerId]").selectOption(new SelectOption().setLabel(runnerName));
			row.locator("button").click();
			assertThat(desk.locator("div.notice")).containsText("已分派");
			desk.navigate(url("/servicepoints/errands?state=ASSIGNED"));
			row = desk.locator("#errand-queue tr", new Page.LocatorOptions().setHasText(details));
			assertThat(row.locator(".badge")).hasText("办理中");
			assertThat(row.locator("select[name=runnerId] option:checked")).hasText(runnerName);
			screenshot(desk, "errand-assigned-desk.png");

			// the runner's phone: his errand, done with a note and the money; he cannot confirm his own work
			clock.advance(Duration.ofMinutes(40));
			Page runner = HeadlessChromium.signIn(runnerPhone, port, "dangyuan04");
			runner.navigate(url("/m/errands"));
			runner.locator("#my-errands a[href$='" + id + "']").click();
			assertThat(runner.locator("#errand-state")).hasText("办理中");
			assertThat(runner.locator("#confirm-errand")).hasCount(0);
			Locator complete = runner.locator("#complete-errand");
			complete.locator("textarea[name=note]").fill("药已买回，发票交给老人");
			complete.locator("input[name=moneyReceived]").fill("100");
			complete.locator("input[name=moneySpent]").fill("86.5");
			screenshot(runner, "errand-completing-phone.png");
			complete.locator("button").click();
			assertThat(runner.locator("div.notice")).containsText("已办结");
			assertThat(runner.locator("#errand-state")).hasText("待确认");
			assertThat(runner.locator("#errand-money")).hasText("收 100 元，花 86.5 元，找回 13.5 元");
			assertThat(runner.locator("#complete-errand")).hasCount(0);
			assertThat(runner.locator("#confirm-errand")).hasCount(0);

			// the elder sees how it was done and confirms it
			clock.advance(Duration.ofMinutes(5));
			elder.navigate(url("/m/errands/" + id));
			assertThat(elder.locator("#errand-state")).hasText("待确认");
			assertThat(elder.locator("#errand-proof")).hasText("药已买回，发票交给老人");
			assertThat(elder.locator("#errand-money")).containsText("找回 13.5 元");
			assertThat(elder.locator("#complete-errand")).hasCount(0);
			screenshot(elder, "errand-to-confirm-phone.png");
			elder.locator("#confirm-errand").click();
			assertThat(elder.locator("div.notice")).containsText("已确认");
			assertThat(elder.locator("#errand-state")).hasText("已确认");
			assertThat(elder.locator("#confirm-errand")).hasCount(0);
			assertThat(elder.locator("#errand-steps li")).hasCount(4);
			assertThat(elder.locator("#errand-steps")).containsText(runnerName);
			screenshot(elder, "errand-confirmed-phone.png");

			// everyone sees it confirmed: the runner on his list, the desk in its queue
			runner.navigate(url("/m/errands"));
			assertThat(runner.locator("#my-errands li", new Page.LocatorOptions().setHasText(details)).locator(".badge"))
				.hasText("已确认");
			desk.navigate(url("/servicepoints/errands?state=CONFIRMED"));
			row = desk.locator("#errand-queue tr", new Page.LocatorOptions().setHasText(details));
			assertThat(row.locator(".badge")).hasText("已确认");
			assertThat(row.locator("form")).hasCount(0);
		}
	}

	@Test
	void theDeskAsksForAResidentOnAHotlineCall() {
		String details = "代缴本月水电气费（热线来电，旅程测试）";
		try (BrowserContext deskScreen = chromium.desk()) {
			Page desk = HeadlessChromium.signIn(deskScreen, port, "dongcheng");
			desk.navigate(url("/servicepoints/errands"));
			desk.locator("#ask-for summary").click();
			desk.locator("#find-resident input[name=q]").fill("张");
			desk.locator("#find-resident button").click();
			Locator form = desk.locator("#ask-for-form");
			Locator resident = form.locator("select[name=residentId] option").first();
			assertThat(resident).containsText("东城公租房");
			String name = resident.textContent().split(" · ")[0];
			form.locator("select[name=channel]").selectOption("HOTLINE");
			form.locator("select[name=kind]").selectOption(new SelectOption().setLabel("水电气费代缴"));
			form.locator("textarea[name=details]").fill(details);
			screenshot(desk, "errand-ask-for-desk.png");
			form.locator("button").click();
			assertThat(desk.locator("div.notice")).containsText("已代居民提出");
			Locator row = desk.locator("#errand-queue tr", new Page.LocatorOptions().setHasText(details));
			assertThat(row).containsText(name);
			assertThat(row).containsText("微孝热线");
			assertThat(row.locator(".badge")).hasText("待分派");
			assertThat(row.locator("select[name=runnerId]")).hasCount(1);
		}
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(HeadlessChromium.SCREENSHOTS.resolve(name)));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

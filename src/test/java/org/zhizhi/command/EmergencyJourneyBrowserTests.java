package org.zhizhi.command;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 17's emergency whistle in the browser: 东城社区's desk blows one over grids 1–3 for a flooded underpass;
 * 陈党员 (dangyuan01) finds the call on his phone, answers 马上到 and checks in on site with his phone's position; the
 * desk's board, left open, shows him coming and then on site without a reload; the desk stands it down. Screenshots
 * go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class EmergencyJourneyBrowserTests {

	/** The board refreshes itself every 5 s while the whistle calls: wait a little longer than one refresh. */
	private static final LocatorAssertions.HasTextOptions NEXT_REFRESH = new LocatorAssertions.HasTextOptions()
		.setTimeout(12_000);

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
	void theDeskBlowsAMemberAnswersFromHisPhoneAndTheBoardShowsHimComing() {
		String title = "东城路下穿道积水" + UUID.randomUUID().toString().substring(0, 4);
		try (BrowserContext deskScreen = chromium.desk(); BrowserContext memberPhone = chromium.phone(29.4012, 106.6431)) {
			Page desk = HeadlessChromium.signIn(deskScreen, port, "dongcheng");
			desk.navigate(url("/command/emergency"));
			desk.locator("#blow-new").click();
			Locator form = desk.locator("#blow-form");
			form.locator("select[name=kind]").selectOption(new SelectOption().setLabel("汛情"));
			form.locator("input[name=title]").fill(title);
			// nothing chosen yet: the form says so beside the area, and keeps what was typed
			form.locator("#blow").click();
			assertThat(desk.locator(".emergency-area .field-error")).hasText("请勾选网格，或在地图上画出范围。");
			assertThat(desk.locator("input[name=title]")).hasValue(title);
			for (int grid = 1; grid <= 3; grid++) {
				desk.locator("label.check", new Page.LocatorOptions().setHasText("东城社区第" + grid + "网格"))
					.first()
					.locator("input")
					.check();
			}
			screenshot(desk, "emergency-blow-form.png");
			desk.locator("#blow").click();
			assertThat(desk.locator("div.notice")).containsText("应急哨已吹响");
			assertThat(desk.locator("#emergency-state")).hasText("召集中");
			Locator chen = desk.locator("#emergency-callees tr", new Page.LocatorOptions().setHasText("陈党员"));
			assertThat(chen.locator("td.answer")).hasText("未回复");
			String id = desk.url().substring(desk.url().lastIndexOf('/') + 1);

			// 陈党员's phone: the call is waiting for him; he is coming, then he is there
			clock.advance(Duration.ofMinutes(2));
			Page phone = HeadlessChromium.signIn(memberPhone, port, "dangyuan01");
			phone.navigate(url("/m/emergency"));
			phone.locator("#my-emergencies a[href$='" + id + "']").click();
			assertThat(phone.locator("#my-answer")).hasText("未回复");
			screenshot(phone, "emergency-called-phone.png");
			phone.locator("#answer-coming").click();
			assertThat(phone.locator("div.notice")).containsText("马上到");
			assertThat(phone.locator("#my-answer")).hasText("正在赶来");
			assertThat(phone.locator("#answer-coming")).hasCount(0);

			// the desk's board, never reloaded, shows him coming; so does the community's big screen
			assertThat(chen.locator("td.answer")).hasText("正在赶来", NEXT_REFRESH);
			screenshot(desk, "emergency-board-coming.png");
			Page wall = deskScreen.newPage();
			wall.navigate(url("/command/screen"));
			Locator onTheWall = wall.locator("#emergency-list li[data-id='" + id + "']");
			assertThat(onTheWall).containsText(title);
			assertThat(onTheWall.locator(".emergency-counts")).containsText("赶来 1");

			clock.advance(Duration.ofMinutes(12));
			assertThat(phone.locator("[data-spot-status]")).containsText("已获取位置");
			phone.locator("#answer-arrived").click();
			assertThat(phone.locator("#my-answer")).hasText("已到场");
			screenshot(phone, "emergency-arrived-phone.png");
			assertThat(chen.locator("td.answer")).hasText("已到场", NEXT_REFRESH);
			// the wall reads its whistles again every 10 s while one calls
			assertThat(onTheWall.locator(".emergency-counts")).containsText("到场 1",
					new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
			screenshot(wall, "emergency-on-the-screen.png");

			// the desk stands it down with what happened; the member's page says it is over
			desk.navigate(url("/command/emergency/" + id));
			desk.locator("#stand-down textarea[name=summary]").fill("积水已排除，陈党员到场疏导交通");
			desk.locator("#stand-down button").click();
			assertThat(desk.locator("#emergency-state")).hasText("已解除");
			assertThat(desk.locator("#emergency-summary")).hasText("积水已排除，陈党员到场疏导交通");
			assertThat(desk.locator("#emergency-steps li")).hasCount(4);
			wall.navigate(url("/command/screen"));
			assertThat(wall.locator("#screen-map")).hasAttribute("data-loaded", "true");
			assertThat(wall.locator("#emergency-list li[data-id='" + id + "']")).hasCount(0);
			screenshot(desk, "emergency-stood-down.png");
			phone.navigate(url("/m/emergency/" + id));
			assertThat(phone.locator("#answer-arrived")).hasCount(0);
			assertThat(phone.locator("p.alert")).containsText("已解除");
		}
	}

	@Test
	void aGridOnTheScreenOpensTheWhistleWithThatGridTicked() {
		try (BrowserContext wall = chromium.wall(1920, 1080)) {
			Page screen = HeadlessChromium.signIn(wall, port, "dongcheng");
			screen.navigate(url("/command/screen"));
			assertThat(screen.locator("#screen-map")).hasAttribute("data-loaded", "true");
			screen.locator("#screen-map path.leaflet-interactive").first().click(new Locator.ClickOptions().setForce(true));
			Locator blow = screen.locator("#screen-blow-emergency");
			assertThat(blow).isVisible();
			String grid = blow.getAttribute("href").replaceAll(".*gridId=", "");
			blow.click();
			assertThat(screen.locator("#blow-form")).isVisible();
			assertThat(screen.locator("input[name=gridIds]:checked")).hasCount(1);
			assertThat(screen.locator("input[name=gridIds]:checked")).hasAttribute("value", grid);
		}
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(HeadlessChromium.SCREENSHOTS.resolve(name)));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

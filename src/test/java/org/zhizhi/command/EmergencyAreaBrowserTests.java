package org.zhizhi.command;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 17's drawn area in the browser: 东城社区's desk draws a figure eight first (refused beside the map, what was
 * drawn kept), then an area across grids 1 and 2 by clicking its corners on the form's map; the preview names the two
 * grids and counts each force; the whistle blown, the board names those grids, maps the drawn area and lists the
 * people called. Screenshots go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class EmergencyAreaBrowserTests {

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
	void theDeskDrawsAnAreaOverTwoGridsAndTheBoardListsWhomItCalled() {
		String title = "东城路内涝" + UUID.randomUUID().toString().substring(0, 4);
		try (BrowserContext context = chromium.desk()) {
			Page desk = HeadlessChromium.signIn(context, port, "dongcheng");
			desk.navigate(url("/command/emergency/new"));
			Locator map = desk.locator("#emergency-map");
			assertThat(map).hasAttribute("data-corners", "0");
			desk.locator("#blow-form input[name=title]").fill(title);
			// the grids' labels sit at their centres: corners a little above and below the centres of grids 1 and 2
			BoundingBox one = label(desk, "东城社区第1网格");
			BoundingBox two = label(desk, "东城社区第2网格");
			double x1 = one.x + one.width / 2;
			double y1 = one.y + one.height / 2;
			double x2 = two.x + two.width / 2;
			double y2 = two.y + two.height / 2;

			// clicked out of order: a figure eight, refused beside the map
			desk.mouse().click(x1, y1 - 12);
			desk.mouse().click(x2, y2 + 12);
			desk.mouse().click(x2, y2 - 12);
			desk.mouse().click(x1, y1 + 12);
			assertThat(map).hasAttribute("data-corners", "4");
			desk.locator("#blow").click();
			assertThat(desk.locator("#area-error")).containsText("交叉");
			assertThat(desk.locator("#emergency-map")).hasAttribute("data-corners", "4");
			screenshot(desk, "emergency-area-crossing.png");

			desk.locator("#area-clear").click();
			assertThat(desk.locator("#emergency-map")).hasAttribute("data-corners", "0");
			one = label(desk, "东城社区第1网格");
			two = label(desk, "东城社区第2网格");
			x1 = one.x + one.width / 2;
			y1 = one.y + one.height / 2;
			x2 = two.x + two.width / 2;
			y2 = two.y + two.height / 2;
			desk.mouse().click(x1, y1 - 12);
			desk.mouse().click(x2, y2 - 12);
			desk.mouse().click(x2, y2 + 12);
			desk.mouse().click(x1 + 30, y1 + 40);
			desk.locator("#area-undo").click();
			desk.mouse().click(x1, y1 + 12);
			assertThat(desk.locator("#emergency-map")).hasAttribute("data-corners", "4");
			Locator preview = desk.locator("#emergency-preview");
			assertThat(preview).containsText("区域内 2 个网格：东城社区第1网格、东城社区第2网格");
			assertThat(preview.locator("li[data-force=GRID_TEAM]")).containsText("人");
			screenshot(desk, "emergency-area-drawn.png");

			desk.locator("#blow").click();
			assertThat(desk.locator("div.notice")).containsText("应急哨已吹响");
			assertThat(desk.locator("#emergency-area")).hasText("东城社区第1网格、东城社区第2网格");
			assertThat(desk.locator("#emergency-map")).hasAttribute("data-drawn", "shown");
			assertThat(desk.locator("#emergency-callees tr", new Page.LocatorOptions().setHasText("李网格长")))
				.hasCount(1);
			assertThat(desk.locator("#emergency-callees tr", new Page.LocatorOptions().setHasText("王网格员")))
				.hasCount(1);
			screenshot(desk, "emergency-area-board.png");
		}
	}

	/** Where a grid's label is in the viewport, the map scrolled into view first: the mouse clicks viewport points. */
	private static BoundingBox label(Page page, String grid) {
		page.locator("#emergency-map").scrollIntoViewIfNeeded();
		Locator label = page.locator("#emergency-map .map-label", new Page.LocatorOptions().setHasText(grid)).first();
		assertThat(label).isVisible();
		return label.boundingBox();
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(HeadlessChromium.SCREENSHOTS.resolve(name)));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

package org.zhizhi.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * A real browser (Debian's chromium, driven by Playwright) walks the community worker's day: log in, read the
 * workbench, open the territory and a grid's map, and use the menu on a phone. The browser is never downloaded: the
 * test uses the installed chromium ({@code CHROMIUM_PATH}, else {@code /usr/bin/chromium}). Screenshots of each step go
 * to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class HomeBrowserTests {

	private static final String USERNAME = "dongcheng";

	private static final String PASSWORD = "Zhizhi@2026";

	private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;

	private static HeadlessChromium chromium;

	private static Browser browser;

	@LocalServerPort
	int port;

	private BrowserContext context;

	@BeforeAll
	static void launchBrowser() throws IOException {
		chromium = HeadlessChromium.launch();
		browser = chromium.browser();
	}

	@AfterAll
	static void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void communityWorkerSeesHisScopeAndTheGridMap() {
		Page page = open(1366, 900);

		logIn(page);

		// the workbench (工作台) counts what 东城社区 holds
		assertThat(page).hasTitle(Pattern.compile("^工作台"));
		assertThat(page.locator(".scope-chip")).hasText("东城社区");
		assertThat(page.locator("[data-count=GRID]")).hasText("15");
		assertThat(page.locator("[data-count=MICRO_GRID]")).hasText("76");
		assertThat(page.locator("[data-count=STREET]")).hasCount(0); // only the levels below his own are counted
		assertThat(page.getByText("您的数据范围：东城社区")).isVisible();
		assertThat(page.locator(".sidenav a.active")).containsText("工作台");
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home-desktop.png")));

		// 辖区网格: the tree starts at his community and htmx loads its grids
		page.locator(".sidenav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("辖区网格")).click();
		assertThat(page).hasURL(Pattern.compile("/territory$"));
		assertThat(page.locator("h1")).hasText("辖区网格");
		Locator firstGrid = page.locator(".tree")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("东城社区第1网格").setExact(true));
		assertThat(firstGrid).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("territory-desktop.png")));

		// a grid's page draws its boundary and its micro-grids on a map with no tiles configured
		firstGrid.click();
		assertThat(page).hasURL(Pattern.compile("/territory/[0-9a-f-]{36}$"));
		assertThat(page.locator("#node-name")).hasText("东城社区第1网格");
		Locator microGrids = page.locator("#children tbody tr");
		assertThat(microGrids.first()).isVisible();
		Locator polygons = page.locator("#map path.leaflet-interactive");
		assertThat(polygons.first()).isVisible();
		assertThat(polygons).hasCount(microGrids.count() + 1); // the grid's own boundary and one per micro-grid
		assertThat(page.locator("#map .leaflet-tile")).hasCount(0);
		assertThat(page.locator("#node-counts [data-count=MICRO_GRID]")).hasText(String.valueOf(microGrids.count()));
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("grid-map-desktop.png")));
	}

	@Test
	void onAPhoneTheMenuOpensFromTheToggle() {
		Page page = open(390, 844);

		logIn(page);
		assertThat(page.locator("[data-count=GRID]")).hasText("15");

		Locator menu = page.locator(".sidenav");
		Locator toggle = page.locator("label.nav-button");
		assertThat(toggle).isVisible();
		assertThat(menu).not().isInViewport();
		assertNoHorizontalScroll(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home-phone.png")));

		toggle.click();
		assertThat(menu).isInViewport();
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home-phone-menu.png")));

		menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("辖区网格")).click();
		assertThat(page).hasURL(Pattern.compile("/territory$"));
		assertThat(page.locator("h1")).hasText("辖区网格");
		assertThat(menu).not().isInViewport();

		toggle.click();
		assertThat(menu).isInViewport();
		toggle.click();
		assertThat(menu).not().isInViewport();
	}

	private Page open(int width, int height) {
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
			.setLocale("zh-CN")
			.setTimezoneId(TestClock.CHINA.getId()));
		context.setDefaultTimeout(15_000);
		return context.newPage();
	}

	private void logIn(Page page) {
		page.navigate(url("/login"));
		assertThat(page.locator("h2")).hasText("登录智治平台");
		page.locator("#username").fill(USERNAME);
		page.locator("#password").fill(PASSWORD);
		page.locator("button[type=submit]").click();
		assertThat(page).hasURL(url("/"));
		assertThat(page.locator("h1")).hasText("您好，东城社区工作站");
	}

	private static void assertNoHorizontalScroll(Page page) {
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		Assertions.assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** The installed chromium: {@code CHROMIUM_PATH}, else Debian's; Playwright must never download one. */
}

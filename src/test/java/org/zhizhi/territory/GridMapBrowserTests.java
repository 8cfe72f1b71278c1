package org.zhizhi.territory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The community worker opens the grid map: 15 grids coloured by kind, a click shows the grid's card with its team;
 * on the grid's page an overlapping boundary file is refused with the reason beside the form. Installed chromium only
 * ({@code CHROMIUM_PATH}, else {@code /usr/bin/chromium}); screenshots in {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class GridMapBrowserTests {

	private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;

	private static HeadlessChromium chromium;

	private static Browser browser;

	@LocalServerPort
	int port;

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

	@Test
	void theCommunityWorkerClicksAGridOnTheMapAndIsRefusedAnOverlappingBoundary() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
			.setLocale("zh-CN")
			.setTimezoneId(TestClock.CHINA.getId()))) {
			context.setDefaultTimeout(15_000);
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.locator("#username").fill("dongcheng");
			page.locator("#password").fill(ApiClient.DEMO_PASSWORD);
			page.locator("button[type=submit]").click();
			assertThat(page).hasURL(url("/"));

			page.locator(".sidenav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("网格地图")).click();
			assertThat(page).hasURL(Pattern.compile("/territory/map$"));
			assertThat(page.locator(".sidenav a.active")).containsText("网格地图");
			Locator grids = page.locator("#grid-map path.leaflet-interactive");
			assertThat(grids).hasCount(15);
			assertThat(page.locator("#grid-map .leaflet-tile")).hasCount(0);

			grids.first().click(new Locator.ClickOptions().setForce(true));
			assertThat(page.locator("#card-name")).containsText("东城社区第");
			assertThat(page.locator("#grid-card")).containsText("网格长");
			assertThat(page.locator("#grid-card")).containsText("居民网格");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("grid-map-card.png")));

			// the grid's page: its team, its micro-grids, and a boundary file that overlaps the neighbour is refused
			ApiClient api = new ApiClient(port);
			String first = api.orgUnitId("东城社区第1网格").toString();
			String second = api.get("/api/v1/org-units/" + api.orgUnitId("东城社区第2网格"), api.tokenOf("admin"))
				.json()
				.path("boundary")
				.toString();
			page.navigate(url("/territory/" + first));
			assertThat(page.locator("#team tbody tr").first()).containsText("李网格长");
			page.locator("#boundary-file").setInputFiles(new FilePayload("grid2.geojson", "application/geo+json",
					second.getBytes(StandardCharsets.UTF_8)));
			page.locator("#boundary-upload button[type=submit]").click();
			assertThat(page).hasURL(Pattern.compile("/territory/" + first + "$"));
			assertThat(page.locator("#boundary-upload .field-error")).containsText("重叠");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("grid-page-refused.png"))
				.setFullPage(true));
		}
	}

	@Test
	void withoutTilesTheGridMapDrawsTheRoadsAndWaterOfTheArea() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
			.setLocale("zh-CN")
			.setTimezoneId(TestClock.CHINA.getId()))) {
			context.setDefaultTimeout(15_000);
			Page page = HeadlessChromium.signIn(context, port, "dongcheng");
			page.navigate(url("/territory/map"));
			Locator map = page.locator("#grid-map");
			// no tile server in the tests: the bundled vector layer instead, under the grids
			assertThat(page.locator("#grid-map .leaflet-tile")).hasCount(0);
			assertThat(map).hasAttribute("data-basemap", "drawn");
			assertThat(map).hasClass(Pattern.compile("\\bbasemap\\b"));
			assertThat(map).not().hasClass(Pattern.compile("\\bno-tiles\\b"));
			assertThat(page.locator("#grid-map .leaflet-basemap-pane path.basemap-water").first()).isAttached();
			// drawn where the community is, not only somewhere off-screen: roads and water cross the visible map
			Object visible = page.evaluate("""
					() => {
					  const box = document.getElementById('grid-map').getBoundingClientRect();
					  const seen = selector => Array.from(document.querySelectorAll('#grid-map ' + selector)).filter(p => {
					    const r = p.getBoundingClientRect();
					    return (r.width > 2 || r.height > 2) && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
					  }).length;
					  return [seen('.leaflet-basemap-pane path.basemap-road'), seen('.leaflet-basemap-pane path.basemap-water')];
					}""");
			List<?> counts = (List<?>) visible;
			Assertions.assertThat(((Number) counts.get(0)).intValue()).as("roads on the visible map").isGreaterThanOrEqualTo(5);
			Assertions.assertThat(((Number) counts.get(1)).intValue()).as("water on the visible map").isGreaterThanOrEqualTo(1);
			// the layer lies under the grids and takes no click from them
			assertThat(page.locator("#grid-map path.leaflet-interactive")).hasCount(15);
			page.locator("#grid-map path.leaflet-interactive").first().click(new Locator.ClickOptions().setForce(true));
			assertThat(page.locator("#card-name")).containsText("东城社区第");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("grid-map-basemap.png")));
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

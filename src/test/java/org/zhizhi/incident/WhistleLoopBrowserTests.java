package org.zhizhi.incident;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.zhizhi.HeadlessChromium.signIn;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestPhotos;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The whole whistle loop in a browser, on a phone where people are in the street and at a desk where staff are: a
 * resident snaps a broken manhole cover with his position, the grid leader accepts, triages and blows a quick whistle,
 * a party member grabs the order, checks in on site with a photo and resolves it with another, the grid leader
 * verifies, and the resident rates it 满意. Installed chromium only; screenshots in {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class WhistleLoopBrowserTests {

	private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;

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
	void aBrokenManholeCoverGoesFromTheResidentsPhoneThroughTheDeskAndAMemberBackToTheResidentsRating()
			throws IOException {
		double[] site = new ApiClient(port).centroid("东城社区第1网格");
		String description = "3栋门口井盖破损，晚上有人差点踩空 " + System.nanoTime();
		String incidentPath;

		// 0. the community's KPIs of this month, as its staff see them before
		java.util.Map<String, Long> before = communityKpiCounts();

		// 1. the resident, on his phone, where the cover is
		try (BrowserContext context = chromium.phone(site[0], site[1])) {
			Page page = signIn(context, port, "jumin01");
			page.locator(".nav-button").click();
			page.locator(".sidenav a", new Page.LocatorOptions().setHasText("随手拍")).click();
			assertThat(page).hasURL(Pattern.compile("/m/report$"));
			assertThat(page.locator("#located")).containsText("东城社区第1网格");
			page.locator("#photo").setInputFiles(new FilePayload("manhole.jpg", "image/jpeg", TestPhotos.jpeg(new Color(120, 90, 60))));
			page.locator("#categoryCode").selectOption("MANHOLE_COVER");
			page.locator("#description").fill(description);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("loop-1-report.png")).setFullPage(true));
			// other tests' reports nearby may be offered as possible duplicates: this one is new, so submit it
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交上报")).click();

			assertThat(page).hasURL(Pattern.compile("/m/reports/[0-9a-f-]{36}$"));
			assertThat(page.locator(".notice")).containsText("上报成功");
			assertThat(page.locator("h1")).containsText("待受理");
			assertThat(page.locator("#photos img")).hasCount(1);
			incidentPath = page.url().substring(page.url().indexOf("/m/reports/") + "/m/reports".length());
		}

		// 2. the grid leader, at his desk: accept, triage as a community matter, blow a quick whistle
		try (BrowserContext context = chromium.desk()) {
			Page page = signIn(context, port, "dongcheng-g01");
			page.locator(".sidenav a", new Page.LocatorOptions().setHasText("事件/吹哨")).click();
			assertThat(page).hasURL(Pattern.compile("/incidents$"));
			page.locator("table.queue tbody tr")
				.filter(new Locator.FilterOptions().setHasText(description))
				.locator("td.desc a")
				.click();
			assertThat(page).hasURL(Pattern.compile("/incidents" + incidentPath + "$"));
			assertThat(page.locator("#incident-map path")).not().hasCount(0);
			assertThat(page.locator("#photos img")).hasCount(1);
			page.locator("#action-accept button").click();
			assertThat(page.locator(".notice")).containsText("已受理");
			page.locator("#action-triage input[value=COMMUNITY]").check();
			page.locator("#action-triage button").click();
			assertThat(page.locator(".notice")).containsText("已分流");
			page.locator("#action-whistle input[value=QUICK]").check();
			page.locator("#action-whistle button").click();
			assertThat(page.locator(".notice")).containsText("已吹哨");
			assertThat(page.locator("h1")).containsText("已吹哨");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("loop-2-whistled.png")).setFullPage(true));
		}

		// 3. the party member, on his phone: grab it, check in on site with a photo, resolve with a photo
		try (BrowserContext context = chromium.phone(site[0] + 0.0001, site[1])) {
			Page page = signIn(context, port, "dangyuan01");
			page.navigate(url("/m/tasks"));
			Locator call = page.locator("#open-calls li").filter(new Locator.FilterOptions().setHasText(description));
			assertThat(call).hasCount(1);
			call.locator("button.grab").click();
			assertThat(page).hasURL(Pattern.compile("/m/tasks" + incidentPath + "$"));
			assertThat(page.locator(".notice")).containsText("抢单成功");
			assertThat(page.locator("#check-in-form #located")).containsText("东城社区第1网格");
			page.locator("#check-in-form #photo").setInputFiles(new FilePayload("site.jpg", "image/jpeg", TestPhotos.jpeg(new Color(90, 90, 90))));
			page.locator("#check-in-form button[type=submit]").click();
			assertThat(page.locator(".notice")).containsText("已报到");
			assertThat(page.locator("#check-in-distance")).containsText("在报到范围内");
			page.locator("#resolve-form #photo").setInputFiles(new FilePayload("after.jpg", "image/jpeg", TestPhotos.jpeg(new Color(60, 120, 60))));
			page.locator("#resolve-note").fill("已联系物业更换井盖");
			page.locator("#resolve-form button[type=submit]").click();
			assertThat(page.locator(".notice")).containsText("已提交办结");
			assertThat(page.locator("h1")).containsText("待核查");
			assertThat(page.locator("#photos img")).hasCount(3);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("loop-3-resolved.png")).setFullPage(true));
		}

		// 4. the grid leader verifies: closed
		try (BrowserContext context = chromium.desk()) {
			Page page = signIn(context, port, "dongcheng-g01");
			page.navigate(url("/incidents" + incidentPath));
			page.locator("#action-verify button").click();
			assertThat(page.locator(".notice")).containsText("核查通过");
			assertThat(page.locator("h1")).containsText("已办结");
		}

		// 5. the resident rates it 满意
		try (BrowserContext context = chromium.phone(site[0], site[1])) {
			Page page = signIn(context, port, "jumin01");
			page.navigate(url("/m/reports"));
			page.locator("#my-reports li").filter(new Locator.FilterOptions().setHasText(description)).locator("a").click();
			assertThat(page).hasURL(Pattern.compile("/m/reports" + incidentPath + "$"));
			assertThat(page.locator("h1")).containsText("已办结");
			page.locator("#rate-form input[value=SATISFIED]").check();
			page.locator("#rate-form button[type=submit]").click();
			assertThat(page.locator(".notice")).containsText("感谢您的评价");
			assertThat(page.locator("#rating-given")).containsText("满意");
			assertThat(page.locator("h1")).containsText("已评价");
			assertThat(page.locator("#timeline li[data-action=RATE]")).hasCount(1);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("loop-5-rated.png")).setFullPage(true));
		}

		// 6. the community sees its KPIs move: one more reported, dispatched, taken, on site, handled, closed and rated
		java.util.Map<String, Long> after = communityKpiCounts();
		for (String count : java.util.List.of("reported", "accepted", "dispatched", "claimed", "onSite", "handled",
				"closed", "rated")) {
			org.assertj.core.api.Assertions.assertThat(after.get(count)).as(count).isEqualTo(before.get(count) + 1);
		}
	}

	/** The counts of 东城社区's KPI page for this month, read as its staff see them. */
	private java.util.Map<String, Long> communityKpiCounts() {
		try (BrowserContext context = chromium.desk()) {
			Page page = signIn(context, port, "dongcheng");
			page.locator(".sidenav a", new Page.LocatorOptions().setHasText("事件考核")).click();
			assertThat(page).hasURL(Pattern.compile("/incidents/kpi"));
			assertThat(page.locator("h1")).containsText("事件考核");
			// the workbench's heading names the community too: wait for the KPI page's own counts before reading them
			assertThat(page.locator("#kpi-counts dd[data-count=reported]")).isVisible();
			java.util.Map<String, Long> counts = new java.util.HashMap<>();
			for (Locator dd : page.locator("#kpi-counts dd").all()) {
				counts.put(dd.getAttribute("data-count"), Long.parseLong(dd.textContent().strip().replace(",", "")));
			}
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("loop-6-kpi.png")).setFullPage(true));
			return counts;
		}
	}


	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

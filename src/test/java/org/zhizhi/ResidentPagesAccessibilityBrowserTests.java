package org.zhizhi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.webjars.WebJarVersionLocator;

/**
 * The pages an elderly resident uses, on his phone: none has a serious or critical accessibility violation as axe-core
 * finds them (contrast, names of buttons and fields, landmarks, language); every photo button says in Chinese what it
 * does, with the browser's own "Choose File" control hidden behind it but still reached by the keyboard; and 大字模式
 * in the header makes the text larger on this page and the next.
 *
 * <p>axe-core comes from its WebJar (test scope) and is put into the page by the test alone: the test's browser
 * ignores the Content-Security-Policy for that ({@code bypassCSP}); the platform's own policy is not loosened, and the
 * test of the switch runs under it.
 */
@ZhizhiIntegrationTest
class ResidentPagesAccessibilityBrowserTests {

	/** The resident's pages, as his menu and workbench lead to them ({@code /m/reports/{id}} is added by the test). */
	private static final List<String> PAGES = List.of("/", "/m/report", "/m/reports", "/m/my-wishes", "/m/wish",
			"/m/topics", "/m/points", "/m/volunteer", "/m/errands", "/m/rooms", "/inbox", "/account/password");

	/** axe's answer reduced to what fails the test: the serious and critical violations, each with its elements. */
	private static final String RUN_AXE = """
			async () => {
			  const result = await axe.run(document, { resultTypes: ['violations'] });
			  return result.violations
			    .filter(v => v.impact === 'serious' || v.impact === 'critical')
			    .map(v => v.impact + ' ' + v.id + ' (' + v.help + '): '
			      + v.nodes.slice(0, 6).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n').slice(1).join(' ').trim()).join(' | '));
			}""";

	private static HeadlessChromium chromium;

	private static String axe;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchBrowser() throws IOException {
		chromium = HeadlessChromium.launch();
		String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
		try (InputStream in = ResidentPagesAccessibilityBrowserTests.class.getClassLoader().getResourceAsStream(path)) {
			Assertions.assertThat(in).as("axe-core's WebJar on the test class path (%s)", path).isNotNull();
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@AfterAll
	static void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theResidentsPagesHaveNoSeriousOrCriticalAccessibilityViolationsOnAPhone() {
		double[] site = new ApiClient(port).centroid("东城社区第1网格");
		try (BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
				.setIsMobile(true)
				.setHasTouch(true)
				.setGeolocation(new Geolocation(site[0], site[1]))
				.setPermissions(List.of("geolocation"))
				.setLocale("zh-CN")
				.setTimezoneId(TestClock.CHINA.getId())
				// only so that the test can add axe's script; the pages' own scripts are all files (CSP 'self')
				.setBypassCSP(true))) {
			context.setDefaultTimeout(15_000);
			Page page = HeadlessChromium.signIn(context, port, "jumin01");

			// 随手拍: the photo button speaks Chinese, the browser's control behind it takes no room but has the focus
			page.navigate(url("/m/report"));
			Locator button = page.locator("label.photo-pick");
			assertThat(button).containsText("拍照");
			assertThat(button.locator("[data-file-name]")).hasText("还没有选照片");
			BoundingBox control = page.locator("#photo").boundingBox();
			Assertions.assertThat(control.width * control.height).as("the native file control is hidden").isLessThanOrEqualTo(1);
			page.locator("#photo").focus();
			Assertions.assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("photo");
			Assertions.assertThat(button.evaluate("label => getComputedStyle(label).outlineStyle"))
				.as("the focused photo button shows its focus").isNotEqualTo("none");
			page.locator("#photo").setInputFiles(new FilePayload("stairs.jpg", "image/jpeg", TestPhotos.jpeg(new Color(150, 110, 80))));
			assertThat(button.locator("[data-file-name]")).hasText("已选：stairs.jpg");
			assertThat(page.locator("#located")).containsText("东城社区第1网格");
			page.locator("#categoryCode").selectOption("MANHOLE_COVER");
			page.locator("#description").fill("1栋楼道口井盖松动，老人走路容易绊倒 " + System.nanoTime());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交上报")).click();
			assertThat(page).hasURL(Pattern.compile("/m/reports/[0-9a-f-]{36}$"));
			String report = page.url().substring(page.url().indexOf("/m/reports/"));

			List<String> pages = new ArrayList<>(PAGES);
			pages.add(report);
			Map<String, List<String>> violations = new LinkedHashMap<>();
			for (String path : pages) {
				page.navigate(url(path));
				Assertions.assertThat(page.title()).as(path).doesNotContain("无权访问", "页面不存在", "系统出错");
				page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
				@SuppressWarnings("unchecked")
				List<String> found = (List<String>) page.evaluate(RUN_AXE);
				if (!found.isEmpty()) {
					violations.put(path, found);
				}
			}
			violations.forEach((path, found) -> found.forEach(v -> System.out.println("axe " + path + ": " + v)));
			Assertions.assertThat(violations).as("serious or critical accessibility violations on the resident's pages")
				.isEmpty();
		}
	}

	@Test
	void largeTextIsSwitchedInTheHeaderAndKeptOnTheNextPage() {
		try (BrowserContext context = chromium.phone()) {
			Page page = HeadlessChromium.signIn(context, port, "jumin01");
			List<String> refused = new ArrayList<>();
			page.onConsoleMessage(message -> {
				if (message.text().contains("Content Security Policy")) {
					refused.add(message.text());
				}
			});
			double normal = rootFontSize(page);
			double heading = fontSize(page, "h1");
			Locator toggle = page.locator("header #text-size");
			assertThat(toggle).hasText("大字");
			assertThat(toggle).hasAttribute("aria-label", "切换到大字模式");

			toggle.click();
			assertThat(page.locator("html")).hasClass(Pattern.compile("\\blarge-text\\b"));
			assertThat(page).hasURL(url("/"));
			double large = rootFontSize(page);
			Assertions.assertThat(large).as("the root font size grows").isGreaterThanOrEqualTo(normal * 1.2);
			Assertions.assertThat(fontSize(page, "h1")).as("and the page's text with it").isGreaterThan(heading);
			assertThat(page.locator("header #text-size")).hasText("标准字");
			assertThat(page.locator("#report-now")).isInViewport();
			page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve("large-text-workbench.png")));

			// remembered: the next page, and the page after signing in again, are in large text as well
			page.navigate(url("/m/points"));
			assertThat(page.locator("html")).hasClass(Pattern.compile("\\blarge-text\\b"));
			Assertions.assertThat(rootFontSize(page)).isEqualTo(large);
			Assertions.assertThat(page.locator(".topbar").boundingBox().height).as("the header still one line").isLessThan(64);
			BoundingBox logout = page.locator(".topbar form button").boundingBox();
			Assertions.assertThat(logout.x + logout.width).as("the header's last item still on the screen").isLessThanOrEqualTo(390);
			page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve("large-text-points.png"))
				.setFullPage(true));

			page.locator("header #text-size").click();
			assertThat(page).hasURL(url("/m/points"));
			assertThat(page.locator("html")).not().hasClass(Pattern.compile("\\blarge-text\\b"));
			Assertions.assertThat(rootFontSize(page)).isEqualTo(normal);
			Assertions.assertThat(refused).as("nothing refused by the Content-Security-Policy").isEmpty();
		}
	}

	private static double rootFontSize(Page page) {
		return fontSize(page, "html");
	}

	private static double fontSize(Page page, String selector) {
		return ((Number) page.locator(selector).first()
			.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")).doubleValue();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

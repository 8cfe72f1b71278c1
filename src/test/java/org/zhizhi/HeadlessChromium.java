package org.zhizhi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The browser of the browser tests: the installed Chromium ({@code CHROMIUM_PATH}, else Debian's
 * {@code /usr/bin/chromium}), driven by Playwright without ever downloading a browser of its own, headless, with the
 * flags this sandbox needs (no sandbox as root, no background networking on a closed network).
 */
public final class HeadlessChromium implements AutoCloseable {

	/** Where the browser tests put their screenshots. */
	public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private final Playwright playwright;

	private final Browser browser;

	private HeadlessChromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static HeadlessChromium launch() throws IOException {
		Path chromium = executable();
		Files.createDirectories(SCREENSHOTS);
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
		return new HeadlessChromium(playwright, browser);
	}

	public Browser browser() {
		return browser;
	}

	/** A phone in the street: 390 × 844, touch, Chinese, China's time. */
	public BrowserContext phone() {
		return context(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
	}

	/** A phone that knows where it is (the browser grants the page its position). */
	public BrowserContext phone(double lat, double lng) {
		return context(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setIsMobile(true)
			.setHasTouch(true)
			.setGeolocation(new Geolocation(lat, lng))
			.setPermissions(List.of("geolocation")));
	}

	/** A desk in the community office: 1440 × 900. */
	public BrowserContext desk() {
		return context(new Browser.NewContextOptions().setViewportSize(1440, 900));
	}

	/** A wall of a command centre (1920 × 1080) or a laptop (1366 × 768): the big screen's two sizes. */
	public BrowserContext wall(int width, int height) {
		return context(new Browser.NewContextOptions().setViewportSize(width, height));
	}

	private BrowserContext context(Browser.NewContextOptions options) {
		BrowserContext context = browser.newContext(options.setLocale("zh-CN").setTimezoneId(TestClock.CHINA.getId()));
		context.setDefaultTimeout(15_000);
		return context;
	}

	/** Signs a demo account in through the login form and answers the page, on the workbench. */
	public static Page signIn(BrowserContext context, int port, String username) {
		Page page = context.newPage();
		page.navigate("http://localhost:" + port + "/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(ApiClient.DEMO_PASSWORD);
		page.locator(".login-card button[type=submit]").click();
		PlaywrightAssertions.assertThat(page).hasURL("http://localhost:" + port + "/");
		return page;
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

	private static Path executable() {
		String configured = System.getenv("CHROMIUM_PATH");
		if (configured != null && !configured.isBlank()) {
			Path path = Paths.get(configured);
			if (!Files.isExecutable(path)) {
				throw new IllegalStateException("CHROMIUM_PATH=" + configured + " is not an executable file");
			}
			return path;
		}
		Path debian = Paths.get("/usr/bin/chromium");
		if (Files.isExecutable(debian)) {
			return debian;
		}
		throw new IllegalStateException(
				"No Chromium: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH");
	}
}

package org.zhizhi.command.report;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * As {@code banan}: from the big screen to 月度报告, this month's PDF of 巴南区 generated in the background — the job's
 * page shows it running, then done — and downloaded: a PDF.
 */
@ZhizhiIntegrationTest
class MonthlyReportBrowserTests {

	private static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() throws IOException {
		chromium = HeadlessChromium.launch();
	}

	@AfterAll
	static void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theDistrictLeaderGeneratesThisMonthsPdfWatchesItAndDownloadsIt() throws IOException {
		try (BrowserContext context = chromium.desk()) {
			Page page = HeadlessChromium.signIn(context, port, "banan");
			page.navigate(url("/command/screen"));
			page.locator("#screen-report").click();
			assertThat(page).hasURL(url("/command/reports"));
			assertThat(page.locator("#report-scope option").first()).hasText("巴南区");
			// this month per the platform's clock (the test clock's June 2026), PDF by default
			assertThat(page.locator("#report-month")).hasValue("2026-06");
			assertThat(page.locator("input[name=format][value=PDF]")).isChecked();
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("command-report.png")));

			page.locator("#report-generate").click();
			assertThat(page).hasURL(java.util.regex.Pattern.compile("/jobs/[0-9a-f-]{36}$"));
			assertThat(page.locator("h1")).hasText("生成指挥中心月度报告");
			// the page follows the job by itself (htmx every 2 s) until the file is there
			assertThat(page.locator("#job-progress")).hasAttribute("data-state", "DONE",
					new LocatorAssertions.HasAttributeOptions().setTimeout(90_000));
			page.screenshot(new Page.ScreenshotOptions().setPath(
					HeadlessChromium.SCREENSHOTS.resolve("command-report-job.png")));
			Download download = page.waitForDownload(() -> page.locator("#job-result").click());
			byte[] pdf = Files.readAllBytes(download.path());
			org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
				.isEqualTo("%PDF-");
			org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("巴南区-2026-06-月报.pdf");
			Files.createDirectories(HeadlessChromium.SCREENSHOTS);
			Files.write(HeadlessChromium.SCREENSHOTS.resolve("command-report.pdf"), pdf);

			page.navigate(url("/command/reports"));
			assertThat(page.locator("#report-jobs")).containsText("已完成");
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

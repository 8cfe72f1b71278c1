package org.zhizhi.incident;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;

import static org.awaitility.Awaitility.await;

/**
 * Issue 16, one notice per grid per group, as the grid worker meets it: a burst of reports in his grid is one message
 * in his inbox, "东城社区第7网格 新上报 3 件", and following it opens the desk on that grid's new reports, where they
 * are. Screenshots go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class GroupedReportNoticesBrowserTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final String GRID = "东城社区第7网格";

	private static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	ReportIntake intake;

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
	void aBurstInHisGridIsOneMessageThatOpensTheDeskOnTheGridsNewReports() {
		ApiClient api = new ApiClient(port);
		UUID grid = api.orgUnitId(GRID);
		String worker = ApiClient.uniqueUsername("burst-worker");
		api.createAccount(api.tokenOf("dongcheng"), ApiClient.newAccount(worker, "GRID_WORKER", grid, "FULL_TIME"));
		String resident = ApiClient.uniqueUsername("burst-resident");
		api.createAccount(api.tokenOf("dongcheng"), ApiClient.newAccount(resident, "RESIDENT", grid, null));
		List<UUID> reported = reportTogether(api, api.login(resident, ApiClient.TEST_PASSWORD), api.centroid(grid), 3);

		WebSession session = new WebSession(port).loggedInAs(worker, ApiClient.TEST_PASSWORD);
		try (BrowserContext context = chromium.desk()) {
			context.addCookies(List.of(new Cookie("SESSION", session.sessionCookie()).setDomain("localhost").setPath("/")));
			Page page = context.newPage();
			page.navigate(url("/inbox"));
			Locator messages = page.locator("ul.inbox li");
			assertThat(messages).hasCount(1);
			assertThat(messages.first()).containsText(GRID + " 新上报 3 件");
			page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve("inbox-burst.png")));

			messages.first().locator("button").click();
			assertThat(page).hasURL(Pattern.compile("/incidents\\?state=REPORTED&grid=" + grid + "$"));
			for (UUID id : reported) {
				assertThat(findRow(page, "/incidents?state=REPORTED&grid=" + grid, id)).isVisible();
			}
			page.navigate(url("/incidents?state=REPORTED&grid=" + grid));
			page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve("desk-burst.png")));
		}
	}

	/** Pages through the desk's queue until the incident's row is on the page; answers the row. */
	private Locator findRow(Page page, String queue, UUID id) {
		for (int n = 0; n < 40; n++) {
			page.navigate(url(queue + "&page=" + n));
			Locator row = page.locator("table.queue tr[data-id='" + id + "']");
			if (row.count() == 1) {
				return row;
			}
			if (page.locator("nav.pager a", new Page.LocatorOptions().setHasText("下一页")).count() == 0) {
				break;
			}
		}
		throw new AssertionError("incident " + id + " is not in the queue " + queue);
	}

	/** Reports {@code count} incidents at the point, written by the intake as one group. */
	private List<UUID> reportTogether(ApiClient api, String token, double[] point, int count) {
		List<CompletableFuture<ApiClient.Response>> answers = new ArrayList<>();
		try (ReportIntake.Hold held = intake.hold()) {
			for (int n = 0; n < count; n++) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("channel", "RESIDENT_APP");
				body.put("categoryCode", "MANHOLE_COVER");
				body.put("description", "水管爆裂，路面积水 " + (n + 1));
				body.put("lat", point[0]);
				body.put("lng", point[1]);
				HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/incidents")))
					.timeout(Duration.ofSeconds(60))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
					.build();
				answers.add(HTTP.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8))
					.thenApply(r -> new ApiClient.Response(r.statusCode(), r.headers(), r.body())));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> intake.queued() == count);
		}
		return answers.stream().map(CompletableFuture::join).map(response -> {
			org.assertj.core.api.Assertions.assertThat(response.status()).as(response.brief()).isEqualTo(201);
			return UUID.fromString(response.json().path("incident").path("id").asString());
		}).toList();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

package org.zhizhi.incident;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.HeadlessChromium.signIn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The desk's queue on a grid worker's phone: cards, each with its state, grid, age and the report's photo inside the
 * screen's width — not a table scrolled sideways — and the same page at a desk still the table with its batch bar.
 */
@ZhizhiIntegrationTest
class IncidentQueuePhoneBrowserTests {

	private static final int PHONE_WIDTH = 390;

	private static final String GRID = "东城社区第1网格";

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
	void theQueueOnAPhoneIsCardsWithStateGridAgeAndPhotoWithinTheScreen() {
		ApiClient api = new ApiClient(port);
		UUID id = reportWithPhoto(api, "路灯不亮 " + UUID.randomUUID());
		// the grid and state filters keep other tests' reports from pushing this one off the first pages
		String queue = "/incidents?grid=" + api.orgUnitId(GRID) + "&state=REPORTED";

		try (BrowserContext context = chromium.phone()) {
			Page page = signIn(context, port, "dongcheng-g01");
			Locator card = findCard(page, queue, id);
			assertThat(card).isVisible();
			assertThat(card.locator(".badge.state")).hasText("待受理");
			assertThat(card.locator(".grid")).hasText(GRID);
			assertThat(card.locator(".age")).containsText("上报");
			Locator thumb = card.locator("img.thumb");
			assertThat(thumb).isVisible();
			thumb.scrollIntoViewIfNeeded();
			page.waitForFunction("img => img.complete && img.naturalWidth > 0", thumb.elementHandle());
			for (Locator part : new Locator[] { card.locator(".badge.state"), card.locator(".grid"),
					card.locator(".age"), thumb }) {
				BoundingBox box = part.boundingBox();
				assertThat(box.x).isGreaterThanOrEqualTo(0);
				assertThat(box.x + box.width).isLessThanOrEqualTo(PHONE_WIDTH);
			}
			// the desk's table is not what a phone shows, and nothing scrolls sideways
			assertThat(page.locator("table.queue")).isHidden();
			Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
			assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
			page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve("queue-phone.png")));
		}

		try (BrowserContext context = chromium.desk()) {
			Page page = signIn(context, port, "dongcheng-g01");
			findCard(page, queue, id);
			assertThat(page.locator("table.queue tr[data-id='" + id + "']")).isVisible();
			assertThat(page.locator("#queue-cards")).isHidden();
		}
	}

	/** Pages through the queue until the incident's card is on the page; answers the card. */
	private Locator findCard(Page page, String queue, UUID id) {
		for (int n = 0; n < 20; n++) {
			page.navigate("http://localhost:" + port + queue + "&page=" + n);
			Locator card = page.locator("#queue-cards li[data-id='" + id + "']");
			if (card.count() == 1) {
				return card;
			}
			if (page.locator("nav.pager a", new Page.LocatorOptions().setHasText("下一页")).count() == 0) {
				break;
			}
		}
		throw new AssertionError("incident " + id + " is not in the queue " + queue);
	}

	/** A grid worker's patrol report in his grid, with a photo of it. */
	private UUID reportWithPhoto(ApiClient api, String description) {
		double[] point = api.centroid(GRID);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PATROL");
		body.put("categoryCode", "OTHER");
		body.put("description", description);
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		String token = api.tokenOf("dongcheng-g01");
		try {
			var response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
					.timeout(Duration.ofSeconds(30))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
					.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			UUID id = UUID.fromString(new ApiClient.Response(response.statusCode(), response.headers(),
					response.body())
				.json()
				.path("incident")
				.path("id")
				.asString());
			api.uploadPhoto(token, id);
			return id;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}

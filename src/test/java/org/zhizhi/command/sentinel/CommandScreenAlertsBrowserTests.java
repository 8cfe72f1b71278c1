package org.zhizhi.command.sentinel;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import tools.jackson.databind.JsonNode;

/**
 * The big screen's 风险预警 in headless Chromium: {@code banan} opens the district's screen on a 1920 × 1080 wall, a
 * new alert of 东城社区第1网格 is in the panel, one click opens its card, from which he takes it up (签收) and handles
 * it — without its note the sentinel refuses beside the button — and the panel shows it handled; the card offers the
 * emergency whistle for its grid. The fee collection and the volunteers on duty are on the wall with the module's
 * figures, and on a 1366 × 768 laptop every panel still fits without scrolling.
 */
@ZhizhiIntegrationTest
class CommandScreenAlertsBrowserTests {

	private static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	Sentinel sentinel;

	@Autowired
	Rules rules;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

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
	void anAlertOnTheWallIsTakenUpAndHandledWithOneClick() {
		ApiClient api = new ApiClient(port);
		String subject = "东城社区第1网格（大屏演示 " + System.nanoTime() % 10000 + "）";
		UUID alert = raise(api, subject);
		JsonNode fees = api.get("/api/v1/property/fee-collection", api.tokenOf("banan")).json();
		try (BrowserContext context = chromium.wall(1920, 1080)) {
			Page page = HeadlessChromium.signIn(context, port, "banan");
			page.navigate("http://localhost:" + port + "/command/screen");
			assertThat(page.locator("#panel-alerts")).isVisible();
			Locator row = page.locator("#alerts-list li[data-id='" + alert + "']");
			assertThat(row).containsText(subject);
			assertThat(row).hasAttribute("data-state", "NEW");
			assertThat(page.locator("#panel-fees")).isVisible();
			assertThat(page.locator("#fees-rate")).hasText(fees.path("ratePercent").asInt() + "%");
			assertThat(page.locator("#panel-volunteers")).isVisible();
			page.screenshot(new Page.ScreenshotOptions()
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("command-screen-panels.png")));

			row.click();
			assertThat(page.locator("#card-body")).hasAttribute("data-alert-id", alert.toString());
			assertThat(page.locator("#alert-blow-emergency")).hasAttribute("href",
					"/command/emergency/new?gridId=" + api.orgUnitId("东城社区第1网格"));
			page.locator("#screen-card form[data-alert-action='ACKNOWLEDGE'] button[type=submit]").click();
			assertThat(page.locator("#card-body")).hasAttribute("data-state", "ACKNOWLEDGED");
			Locator handle = page.locator("#screen-card form[data-alert-action='HANDLE']");
			handle.locator("button[type=submit]").click();
			assertThat(handle.locator(".problem")).isVisible();
			assertThat(handle.locator(".problem")).containsText("必填");
			handle.locator("textarea[name=note]").fill("大屏一键处置：已通知网格长上门核实");
			handle.locator("button[type=submit]").click();
			assertThat(page.locator("#card-body")).hasAttribute("data-state", "HANDLED");
			assertThat(page.locator("#screen-card .done")).containsText("处置完毕");
			page.screenshot(new Page.ScreenshotOptions()
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("command-screen-alert-card.png")));
			// the panel is read again (10 s at most) and shows it handled, as the sentinel's desk does
			assertThat(row).hasAttribute("data-state", "HANDLED",
					new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
			assertThat(api.get("/api/v1/command/alerts/" + alert, api.tokenOf("banan")).json().path("alert")
				.path("state").asString()).isEqualTo("HANDLED");
		}
		try (BrowserContext context = chromium.wall(1366, 768)) {
			Page page = HeadlessChromium.signIn(context, port, "banan");
			page.navigate("http://localhost:" + port + "/command/screen");
			assertThat(page.locator("#panel-alerts")).isVisible();
			assertThat(page.locator("#panel-fees")).isVisible();
			assertThat(page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight "
					+ "&& document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
			page.screenshot(new Page.ScreenshotOptions()
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("command-screen-panels-laptop.png")));
		}
	}

	private UUID raise(ApiClient api, String subjectName) {
		UUID grid = api.orgUnitId("东城社区第1网格");
		Rule rule = rules.ofDistrict(api.orgUnitId("巴南区")).stream()
			.filter(r -> r.kind() == RuleKind.GRID_UNSATISFIED)
			.findFirst()
			.orElseThrow();
		String path = jdbc.sql("SELECT path FROM territory.org_unit WHERE id = :id").param("id", grid)
			.query(String.class).single();
		UUID subject = UUID.randomUUID();
		Fact fact = new Fact(SubjectKind.GRID, subject, subjectName, path, grid, null, rule.threshold() + 1,
				EvidenceKind.INCIDENT, List.of(), null);
		assertThat(sentinel.raise(rule, List.of(fact), clock.instant())[1]).isOne();
		return jdbc.sql("SELECT id FROM command.alert WHERE subject_id = :s").param("s", subject).query(UUID.class)
			.single();
	}
}

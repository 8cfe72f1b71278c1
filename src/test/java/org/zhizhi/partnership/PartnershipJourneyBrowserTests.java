package org.zhizhi.partnership;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.zhizhi.HeadlessChromium.signIn;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.TestPhotos;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * 共驻共建 in a browser, as 金银桥社区 works it: the community's staff see this year's match rate and publish a need at
 * the desk, the liaison of 木洞小学 claims it on his phone and later reports it delivered with a photo, the staff
 * send it back once for a missing sign-in sheet (the school is told why), then accept it, the red-partner ranking counts one more project for the school, and the public page shows the pledge
 * without a person's name or phone. Installed chromium only; screenshots in {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class PartnershipJourneyBrowserTests {

	@Autowired
	TestClock clock;

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
	void aNeedGoesFromTheCommunityThroughTheSchoolsPledgeAndDeliveryToTheRankingAndThePublicPage() throws IOException {
		String title = "社区四点半课堂 " + UUID.randomUUID().toString().substring(0, 6);
		String end = clock.today().plusMonths(3).toString();
		String itemPath;
		long schoolProjectsBefore;

		// 1. the community's staff, at the desk: this year's match rate, then a new need
		try (BrowserContext context = chromium.desk()) {
			Page page = signIn(context, port, "mudong");
			page.locator(".sidenav a", new Page.LocatorOptions().setHasText("共驻共建")).click();
			assertThat(page).hasURL(Pattern.compile("/partnership/lists$"));
			assertThat(page.locator("h1")).containsText("金银桥社区");
			assertThat(page.locator("#match-rate")).hasText(Pattern.compile("^\\d+\\.\\d%$"));
			assertThat(page.locator("#rates")).containsText("对接率");
			schoolProjectsBefore = schoolProjects(page);
			page.navigate(url("/partnership/lists"));
			page.locator("#publish summary").click();
			page.locator("#kind").selectOption("NEED");
			page.locator("#title").fill(title);
			page.locator("#category").selectOption("EDUCATION");
			page.locator("#description").fill("放学后为双职工家庭孩子提供作业辅导，每周三次");
			page.locator("#quantity").fill("60");
			page.locator("#measure").selectOption("HOURS");
			page.locator("#periodEnd").fill(end);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("partners-1-publish.png")).setFullPage(true));
			page.locator("#publish-form button[type=submit]").click();
			assertThat(page).hasURL(Pattern.compile("/partnership/items/[0-9a-f-]{36}$"));
			assertThat(page.locator(".notice")).containsText("已发布");
			assertThat(page.locator("h1")).containsText(title);
			assertThat(page.locator("#item-status")).hasText("待认领");
			itemPath = page.url().substring(page.url().indexOf("/partnership/items/"));
		}

		// 2. the school's liaison, on his phone: finds the need in the list and claims 40 of the 60 hours
		try (BrowserContext context = chromium.phone()) {
			Page page = signIn(context, port, "mudong-school");
			page.locator(".nav-button").click();
			page.locator(".sidenav a", new Page.LocatorOptions().setHasText("共驻共建")).click();
			page.locator("#items a", new Page.LocatorOptions().setHasText(title)).click();
			assertThat(page).hasURL(url(itemPath));
			assertThat(page.locator("#claim-form select[name=partnerId]")).hasCount(0);
			page.locator("#amount").fill("40");
			page.locator("#claim-form button[type=submit]").click();
			assertThat(page.locator(".notice")).containsText("已认领，承诺已公开");
			Locator pledge = page.locator("article.pledge");
			assertThat(pledge).hasCount(1);
			assertThat(pledge).containsText("木洞小学");
			assertThat(pledge.locator(".pledge-status")).hasText("已承诺");
			assertThat(page.locator("#item-claimed")).containsText("剩余 20");
			assertThat(page.locator("#claim-form")).hasCount(0);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("partners-2-claimed.png")).setFullPage(true));

			// 3. weeks later: delivered, with a photo of the classroom as evidence
			Locator complete = pledge.locator("form.complete-form");
			complete.locator("textarea[name=note]").fill("已开课12次，覆盖学生25名");
			complete.locator("input[name=photo]")
				.setInputFiles(new FilePayload("classroom.jpg", "image/jpeg", TestPhotos.jpeg(new Color(200, 170, 90))));
			complete.locator("input[name=hours]").fill("40");
			complete.locator("input[name=peopleServed]").fill("25");
			complete.locator("button[type=submit]").click();
			assertThat(page.locator(".notice")).containsText("已提交完成，等待社区验收");
			assertThat(page.locator("article.pledge .pledge-status")).hasText("待验收");
			assertThat(page.locator("article.pledge img.note-photo")).hasCount(1);
			assertThat(page.locator("article.pledge form.accept-form")).hasCount(0);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("partners-3-delivered.png")).setFullPage(true));
		}

		// 4. the community looks at the evidence and sends it back once, with a reason the school is told
		try (BrowserContext context = chromium.desk()) {
			Page page = signIn(context, port, "mudong");
			page.navigate(url("/inbox"));
			assertThat(page.locator("body")).containsText("待验收：" + title);
			page.navigate(url(itemPath));
			// 20 hours are still open: other schools are suggested for them, not the one that pledged already
			assertThat(page.locator("#matched-units")).containsText("国际生物城小学");
			assertThat(page.locator("#matched-units")).not().containsText("木洞小学");
			Locator pledge = page.locator("article.pledge");
			pledge.locator("details.send-back summary").click();
			pledge.locator("form.send-back-form textarea[name=reason]").fill("请补充学生签到表照片");
			pledge.locator("form.send-back-form button[type=submit]").click();
			assertThat(page.locator(".notice")).containsText("已退回");
			assertThat(page.locator("article.pledge .pledge-status")).hasText("已承诺");
			assertThat(page.locator("article.pledge .delivery-notes")).containsText("请补充学生签到表照片");
		}
		try (BrowserContext context = chromium.phone()) {
			Page page = signIn(context, port, "mudong-school");
			page.navigate(url("/inbox"));
			assertThat(page.locator("body")).containsText("被退回：" + title);
			page.navigate(url(itemPath));
			Locator complete = page.locator("article.pledge form.complete-form");
			complete.locator("textarea[name=note]").fill("已补充签到表，共开课12次");
			complete.locator("input[name=photo]")
				.setInputFiles(new FilePayload("sign-in-sheet.jpg", "image/jpeg", TestPhotos.jpeg(new Color(230, 230, 220))));
			complete.locator("input[name=hours]").fill("40");
			complete.locator("input[name=peopleServed]").fill("25");
			complete.locator("button[type=submit]").click();
			assertThat(page.locator(".notice")).containsText("已提交完成");
			assertThat(page.locator("article.pledge .pledge-status")).hasText("待验收");
		}

		// 5. the community accepts; the school's record and the ranking count one more project
		try (BrowserContext context = chromium.desk()) {
			Page page = signIn(context, port, "mudong");
			page.navigate(url(itemPath));
			assertThat(page.locator("article.pledge img.note-photo")).hasCount(2);
			Locator photo = page.locator("article.pledge img.note-photo").last();
			// the photo loads lazily: bring it into view and wait until the browser has decoded it
			photo.scrollIntoViewIfNeeded();
			page.waitForFunction("img => img.complete && img.naturalWidth > 0", photo.elementHandle());
			page.locator("article.pledge form.accept-form input[name=note]").fill("家长满意");
			page.locator("article.pledge form.accept-form button[type=submit]").click();
			assertThat(page.locator(".notice")).containsText("已验收");
			assertThat(page.locator("article.pledge .pledge-status")).hasText("已验收");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("partners-4-accepted.png")).setFullPage(true));
			org.assertj.core.api.Assertions.assertThat(schoolProjects(page)).isEqualTo(schoolProjectsBefore + 1);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("partners-5-ranking.png")).setFullPage(true));

			// 6. the public page, without signing in: the pledge and the units, no person
			page.navigate(url("/partnership/lists"));
			String publicHref = page.locator("#public-link").getAttribute("href");
			try (BrowserContext anonymous = chromium.desk()) {
				Page pub = anonymous.newPage();
				pub.navigate(url(publicHref));
				assertThat(pub.locator("#public-pledges")).containsText(title);
				assertThat(pub.locator("#public-pledges")).containsText("木洞小学");
				assertThat(pub.locator("#public-ranking")).containsText("木洞小学");
				String text = pub.locator("body").innerText();
				org.assertj.core.api.Assertions.assertThat(text)
					.doesNotContain("陈老师", "13908321101", "木洞小学联络员", "mudong-school", "金银桥社区工作站");
				pub.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("partners-6-public.png")).setFullPage(true));
				// the same public page leads to the community's wish wall
				pub.locator("#public-wishes-link").click();
				assertThat(pub).hasURL(Pattern.compile("/public/communities/[^/]+/wishes$"));
			}
		}
	}

	/** 木洞小学's projects this year in the red-partner ranking of the community's partners page. */
	private long schoolProjects(Page page) {
		page.navigate(url("/partnership/partners"));
		assertThat(page.locator("#ranking")).isVisible();
		Locator row = page.locator("#ranking-year li").filter(new Locator.FilterOptions().setHasText("木洞小学"));
		if (row.count() == 0) {
			return 0;
		}
		String line = row.first().locator(".small").textContent();
		return Long.parseLong(line.substring(0, line.indexOf(' ')).strip());
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

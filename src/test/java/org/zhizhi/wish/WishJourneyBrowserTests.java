package org.zhizhi.wish;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.zhizhi.HeadlessChromium.signIn;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
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
 * 群众点单、社区派单、党员接单 in a browser, on a phone where people are and at a desk where staff are: a resident posts a
 * wish for his neighbour with a photo, the community's staff take his phone number out of the public text and put it
 * on the wall, a party member takes it, learns whom to bring it to, and reports it fulfilled with a photo, and the
 * resident confirms and thanks him. The public wall shows the wish at every stage without the neighbour's name, the
 * address, the resident or his phone. Installed chromium only; screenshots in {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class WishJourneyBrowserTests {

	@Autowired
	TestClock clock;

	private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;

	private static final String BENEFICIARY = "周桂兰";

	private static final String ADDRESS = "东城公租房7栋1单元902";

	private static final String PHONE = "13983671024";

	/** The resident who posts: his display name must not reach the public wall either. */
	private static final String RESIDENT_NAME = "张居民";

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
	void aNeighboursWishGoesFromTheResidentsPhoneThroughTheDeskAndAMembersHandsBackToHisThanks() throws IOException {
		String title = "一台收音机 " + Long.toString(System.nanoTime(), 36).substring(0, 5);
		String wishPath;

		// 1. the resident, on his phone: 我有心愿, for his neighbour, with a photo; he writes his phone into the text
		try (BrowserContext context = chromium.phone()) {
			Page page = signIn(context, port, "jumin01");
			page.locator(".nav-button").click();
			page.locator(".sidenav a", new Page.LocatorOptions().setHasText("我的心愿")).click();
			assertThat(page).hasURL(Pattern.compile("/m/my-wishes$"));
			page.locator(".m-tabs a", new Page.LocatorOptions().setHasText("我有心愿")).click();
			assertThat(page).hasURL(Pattern.compile("/m/wish$"));
			assertThat(page.locator("h1")).hasText("我有心愿");
			page.locator("#title").fill(title);
			page.locator("#description").fill("邻居周奶奶的收音机坏了，她每天要听戏，想要一台新的。有事打我电话 " + PHONE);
			page.locator("#category").selectOption("GOODS");
			page.locator("#beneficiaryName").fill(BENEFICIARY);
			page.locator("#beneficiaryAddress").fill(ADDRESS);
			page.locator("#publicLabel").fill("一位独居老人");
			page.locator("#dueOn").fill(clock.today().plusDays(10).toString());
			page.locator("#photo").setInputFiles(new FilePayload("radio.jpg", "image/jpeg", TestPhotos.jpeg(new Color(170, 120, 80))));
			noSidewaysScroll(page);
			shot(page, "wish-1-post");
			page.locator("#wish-form button[type=submit]").click();

			assertThat(page).hasURL(Pattern.compile("/m/my-wishes/[0-9a-f-]{36}$"));
			assertThat(page.locator(".notice")).containsText("心愿已提交，等待社区审核");
			assertThat(page.locator("#wish-state")).hasText("待审核");
			assertThat(page.locator("#beneficiary")).containsText(BENEFICIARY);
			assertThat(page.locator("#wish-photo")).isVisible();
			noSidewaysScroll(page);
			shot(page, "wish-1-posted");
			wishPath = page.url().substring(page.url().indexOf("/m/my-wishes/") + "/m/my-wishes/".length());
		}

		// 2. the community, at the desk: the queue shows it with the neighbour's name; take the phone out, publish
		String publicWall;
		try (BrowserContext context = chromium.desk()) {
			Page page = signIn(context, port, "dongcheng");
			page.locator(".sidenav a", new Page.LocatorOptions().setHasText("微心愿")).click();
			assertThat(page).hasURL(Pattern.compile("/wishes$"));
			Locator row = page.locator("#desk-wishes tbody tr").filter(new Locator.FilterOptions().setHasText(title));
			assertThat(row).containsText(BENEFICIARY);
			assertThat(row).containsText("待审核");
			shot(page, "wish-2-queue");
			row.locator("a").first().click();
			assertThat(page).hasURL(Pattern.compile("/wishes/" + wishPath + "$"));
			assertThat(page.locator("#wish-state")).hasText("待审核");
			assertThat(page.locator("#beneficiary")).containsText(ADDRESS);
			assertThat(page.locator("#wish-photo")).isVisible();

			page.locator("#e-description").fill("周奶奶的收音机坏了，她每天要听戏，想要一台新的。");
			page.locator("#edit-form button[type=submit]").click();
			assertThat(page.locator(".notice")).containsText("已保存修改");
			assertThat(page.locator("#wish-description")).not().containsText(PHONE);
			assertThat(page.locator("#timeline li[data-action=EDIT]")).containsText("修改内容");
			shot(page, "wish-2-vet");

			page.locator("#approve-publish").click();
			assertThat(page.locator(".notice")).containsText("已通过审核，并发布到心愿墙");
			assertThat(page.locator("#wish-state")).hasText("已上墙");
			assertThat(page.locator("#approve-publish")).hasCount(0);
			shot(page, "wish-2-published");

			page.locator(".back-link").click();
			assertThat(page).hasURL(Pattern.compile("/wishes$"));
			assertThat(page.locator("#desk-wishes tbody tr").filter(new Locator.FilterOptions().setHasText(title)))
				.hasCount(0);
			assertThat(page.locator("#public-wall-link")).hasText("公开心愿墙 ↗");
			publicWall = page.locator("#public-wall-link").getAttribute("href");
			org.assertj.core.api.Assertions.assertThat(publicWall).matches("/public/communities/[0-9]{12}/wishes");
			publicWall = url(publicWall);
		}

		// the public wall, for anyone: the wish is open, without who wishes it
		try (BrowserContext context = chromium.phone()) {
			Page page = context.newPage();
			page.navigate(publicWall);
			Locator open = page.locator("#open-wishes li").filter(new Locator.FilterOptions().setHasText(title));
			assertThat(open).hasCount(1);
			assertThat(open).containsText("一位独居老人");
			noPersonalData(page);
			noSidewaysScroll(page);
		}

		// 3. a party member, on his phone: take it from the wall, see whom to bring it to, fulfil it with a photo
		try (BrowserContext context = chromium.phone()) {
			Page page = signIn(context, port, "dangyuan01");
			page.locator(".nav-button").click();
			page.locator(".sidenav a", new Page.LocatorOptions().setHasText("心愿墙")).click();
			assertThat(page).hasURL(Pattern.compile("/m/wishes$"));
			Locator card = page.locator("#wall-wishes li").filter(new Locator.FilterOptions().setHasText(title));
			assertThat(card).hasCount(1);
			assertThat(card).not().containsText(BENEFICIARY);
			assertThat(card).not().containsText(ADDRESS);
			noSidewaysScroll(page);
			shot(page, "wish-3-wall");
			card.locator("button.grab").click();

			assertThat(page).hasURL(Pattern.compile("/m/wishes/" + wishPath + "$"));
			assertThat(page.locator(".notice")).containsText("认领成功");
			assertThat(page.locator("#wish-state")).hasText("已认领");
			assertThat(page.locator("#beneficiary")).containsText(BENEFICIARY);
			assertThat(page.locator("#beneficiary")).containsText(ADDRESS);
			assertThat(page.locator("#takers")).containsText("陈党员");
			assertThat(page.locator(".m-tabs a.active")).hasText("我认领的");
			assertThat(page.locator("#take")).hasCount(0);
			page.locator("#note").fill("已把新收音机送到周奶奶家，教会了她调台。");
			page.locator("#fulfil-photo").setInputFiles(new FilePayload("delivered.jpg", "image/jpeg", TestPhotos.jpeg(new Color(60, 130, 90))));
			noSidewaysScroll(page);
			shot(page, "wish-3-taken");
			page.locator("#fulfil-form button[type=submit]").click();

			assertThat(page).hasURL(Pattern.compile("/m/wishes/" + wishPath + "$"));
			assertThat(page.locator(".notice")).containsText("已报告完成，等待居民确认");
			assertThat(page.locator("#wish-state")).hasText("待确认");
			assertThat(page.locator("#fulfilment-photo")).isVisible();
			assertThat(page.locator("#fulfil-form")).hasCount(0);
			shot(page, "wish-3-fulfilled");
			page.locator(".m-tabs a", new Page.LocatorOptions().setHasText("我认领的")).click();
			assertThat(page).hasURL(Pattern.compile("/m/wishes/taken$"));
			assertThat(page.locator("#taken-wishes li").filter(new Locator.FilterOptions().setHasText(title)))
				.containsText("待确认");
			noSidewaysScroll(page);
			shot(page, "wish-3-mine");
		}

		// 4. the resident confirms and thanks
		try (BrowserContext context = chromium.phone()) {
			Page page = signIn(context, port, "jumin01");
			page.navigate(url("/m/my-wishes"));
			Locator mine = page.locator("#my-wishes li").filter(new Locator.FilterOptions().setHasText(title));
			assertThat(mine).containsText("待确认");
			mine.locator("a").click();
			assertThat(page).hasURL(Pattern.compile("/m/my-wishes/" + wishPath + "$"));
			assertThat(page.locator("#wish-state")).hasText("待确认");
			assertThat(page.locator("#fulfilment")).containsText("教会了她调台");
			assertThat(page.locator("#fulfilment-photo")).isVisible();
			page.locator("#thanks-text").fill("谢谢陈党员，周奶奶可高兴了！");
			shot(page, "wish-4-confirm");
			page.locator("#confirm-form button[type=submit]").click();

			assertThat(page).hasURL(Pattern.compile("/m/my-wishes/" + wishPath + "$"));
			assertThat(page.locator(".notice")).containsText("感谢您的确认");
			assertThat(page.locator("#wish-state")).hasText("已圆梦");
			assertThat(page.locator("#thanks")).hasText("谢谢陈党员，周奶奶可高兴了！");
			assertThat(page.locator("#confirm-form")).hasCount(0);
			assertThat(page.locator("#timeline li")).hasCount(7);
			assertThat(page.locator("#timeline li[data-action=CONFIRM]")).containsText("确认圆梦");
			noSidewaysScroll(page);
			shot(page, "wish-4-confirmed");
		}

		// 5. the public wall: fulfilled, the member named only by his surname, nobody's personal data
		try (BrowserContext context = chromium.phone()) {
			Page page = context.newPage();
			page.navigate(publicWall);
			assertThat(page.locator("#open-wishes li").filter(new Locator.FilterOptions().setHasText(title))).hasCount(0);
			Locator done = page.locator("#fulfilled-wishes li").filter(new Locator.FilterOptions().setHasText(title));
			assertThat(done).hasCount(1);
			assertThat(done).containsText("已圆梦");
			assertThat(done).containsText("陈**");
			assertThat(done).not().containsText("陈党员");
			noPersonalData(page);
			noSidewaysScroll(page);
			shot(page, "wish-5-public");
		}
	}

	private static void noPersonalData(Page page) {
		String text = page.locator("body").innerText();
		org.assertj.core.api.Assertions.assertThat(text)
			.doesNotContain(BENEFICIARY, ADDRESS, PHONE, RESIDENT_NAME, "周奶奶家");
	}

	/** On a 390 px phone nothing may stick out sideways. */
	private static void noSidewaysScroll(Page page) {
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("sideways overflow on " + page.url())
			.isLessThanOrEqualTo(0);
	}

	private static void shot(Page page, String name) {
		// from the top, or the sticky top bar would be drawn across the middle of the full-page picture
		page.evaluate("() => window.scrollTo(0, 0)");
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

package org.zhizhi.deliberation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 12's journey on phones and a desk: 张居民 raises a topic about the stairwell light on his phone, two neighbours
 * co-sign and comment; 东城社区 puts it on the agenda and opens the vote; the three households vote on their phones;
 * the desk closes the vote, turns the decision into a task and marks it done; 张居民 rates the outcome. Screenshots go
 * to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class DeliberationJourneyBrowserTests {

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
	void residentsRaiseCosignVoteAndRateWhileTheDeskRunsTheTopic() {
		try (BrowserContext zhangPhone = chromium.phone(); BrowserContext liPhone = chromium.phone();
				BrowserContext wangPhone = chromium.phone(); BrowserContext deskContext = chromium.desk()) {
			// 提事 on the phone
			Page zhang = HeadlessChromium.signIn(zhangPhone, port, "jumin01");
			zhang.navigate(url("/m/topics"));
			zhang.locator("#raise-topic").click();
			zhang.locator("#title").fill("楼道声控灯坏了");
			zhang.locator("#description").fill("二单元三楼到六楼的声控灯坏了快一个月，晚上老人上下楼看不见，想请物业换成新的。");
			zhang.locator("#raise-form button[type=submit]").click();
			assertThat(zhang.locator("#topic-state")).hasText("提事·征集联名");
			assertThat(zhang.locator("#cosign-count")).hasText("1");
			String topicUrl = zhang.url();
			String id = topicUrl.substring(topicUrl.lastIndexOf('/') + 1);
			zhang.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("topic-raised-phone.png")));
			Object overflow = zhang
				.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
			Assertions.assertThat(((Number) overflow).intValue())
				.as("horizontal overflow in px; widest: %s", zhang.evaluate("() => [...document.querySelectorAll('section *')]"
						+ ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)"
						+ ".map(e => e.tagName + '.' + e.className).slice(0, 5).join(' ')"))
				.isLessThanOrEqualTo(0);

			// neighbours co-sign and say what they think
			Page li = HeadlessChromium.signIn(liPhone, port, "jumin02");
			li.navigate(url("/m/topics"));
			li.locator("#open-topics li[data-id='" + id + "'] a").click();
			li.locator("#cosign").click();
			assertThat(li.locator("#cosign-count")).hasText("2");
			li.locator("#comment-form textarea").fill("支持，换成声控 LED 灯更省电");
			li.locator("#comment-form button").click();
			assertThat(li.locator(".comment-list")).containsText("换成声控 LED 灯更省电");
			Page wang = HeadlessChromium.signIn(wangPhone, port, "jumin03");
			wang.navigate(url("/m/topics/" + id));
			wang.locator("#cosign").click();
			assertThat(wang.locator("#cosign-count")).hasText("3");

			// the desk puts it on the agenda and opens the vote
			Page desk = HeadlessChromium.signIn(deskContext, port, "dongcheng");
			desk.navigate(url("/topics"));
			desk.locator("#topics tr[data-id='" + id + "'] a").click();
			desk.locator("#admit").click();
			assertThat(desk.locator("#topic-state")).hasText("议事中");
			desk.locator("#open-voting select[name=rule]").selectOption("SIMPLE_MAJORITY");
			desk.locator("#open-voting button").click();
			assertThat(desk.locator("#topic-state")).hasText("表决中");
			assertThat(desk.locator("#paper-ballot select[name=householdId] option").first()).isAttached();

			// the households vote on their phones
			for (Page household : new Page[] { zhang, li, wang }) {
				household.navigate(url("/m/topics/" + id));
				household.locator("#vote-YES").click();
				assertThat(household.locator("#my-vote")).containsText("同意");
			}
			assertThat(wang.locator("#count-yes")).hasText("3");
			wang.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("topic-voting-phone.png")));

			// 决事, 执事
			desk.navigate(url("/topics/" + id));
			desk.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("topic-vote-desk.png")));
			desk.locator("#close-voting").click();
			assertThat(desk.locator("#topic-state")).hasText("已通过");
			desk.locator("#add-task input[name=title]").fill("更换二单元三至六楼声控灯");
			desk.locator("#add-task input[name=owner]").fill("东城红色物业");
			desk.locator("#add-task button").click();
			assertThat(desk.locator("#topic-state")).hasText("执事中");
			desk.locator(".task-list input[name=note]").fill("已更换 4 盏声控 LED 灯");
			desk.locator(".task-list button").click();
			assertThat(desk.locator(".task-list .badge.ok")).hasText("已完成");
			desk.locator("#finish").click();
			assertThat(desk.locator("#topic-state")).hasText("评事中");

			// 评事 on the phone
			zhang.navigate(url("/m/topics/" + id));
			zhang.locator("#rate-form input[name=comment]").fill("灯亮了，谢谢物业和社区");
			zhang.locator("#rate-form button").click();
			assertThat(zhang.locator("#rating-summary")).containsText("1 户评价");
			zhang.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("topic-rated-phone.png")));
		}
	}

	/**
	 * Done means: "as dongcheng put it on the agenda of 东城社区's next monthly representatives' meeting". The desk
	 * schedules the monthly meeting and tonight's 书记坝坝茶 on the page, puts a resident's topic on the agenda, and a
	 * resident signs in at tonight's tea with the code shown on the organiser's phone.
	 */
	@Test
	void theDeskSchedulesTheMonthlyMeetingPutsATopicOnItsAgendaAndResidentsSignInByCode() throws Exception {
		try (BrowserContext residentPhone = chromium.phone(); BrowserContext deskContext = chromium.desk()) {
			Page resident = HeadlessChromium.signIn(residentPhone, port, "jumin02");
			resident.navigate(url("/m/topics/new"));
			resident.locator("#title").fill("小区健身器材坏了");
			resident.locator("#description").fill("中心花园的两台健身器材松动，老人锻炼有危险，请大家商量怎么修。");
			resident.locator("input[name=placeKind][value=COMMUNITY]").check();
			resident.locator("#raise-form button[type=submit]").click();
			assertThat(resident.locator("#topic-state")).hasText("提事·征集联名");

			Page desk = HeadlessChromium.signIn(deskContext, port, "dongcheng");
			desk.navigate(url("/deliberation-meetings"));
			desk.locator("#schedule-meeting select[name=format]").selectOption("REPRESENTATIVES");
			desk.locator("#schedule-meeting select[name=place]").selectOption(new com.microsoft.playwright.options.SelectOption()
				.setLabel("东城社区"));
			desk.locator("#schedule-meeting input[name=title]").fill("东城社区居民代表议事协商会议");
			desk.locator("#schedule-meeting input[name=location]").fill("社区党群服务中心三楼会议室");
			desk.locator("#schedule-meeting input[name=monthly]").check();
			desk.locator("#schedule-meeting button").click();
			assertThat(desk.locator("#meeting-state")).hasText("待召开");
			desk.locator("#add-to-agenda select").selectOption(new com.microsoft.playwright.options.SelectOption()
				.setLabel("小区健身器材坏了 · 东城社区 · 提事·征集联名"));
			desk.locator("#add-to-agenda button").click();
			assertThat(desk.locator("#agenda ol")).containsText("小区健身器材坏了");
			assertThat(desk.locator("#agenda ol")).containsText("议事中");
			desk.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("deliberation-meeting-desk.png")));

			desk.navigate(url("/deliberation-meetings"));
			desk.locator("#schedule-meeting select[name=format]").selectOption("SECRETARY_TEA");
			desk.locator("#schedule-meeting input[name=title]").fill("书记坝坝茶");
			desk.locator("#schedule-meeting input[name=location]").fill("东城社区活动广场");
			desk.locator("#schedule-meeting input[name=date]").fill(desk.locator("#schedule-meeting input[name=date]")
				.getAttribute("min"));
			desk.locator("#schedule-meeting input[name=time]").fill("19:00");
			desk.locator("#schedule-meeting button").click();
			String code = desk.locator("#sign-in-code").textContent().strip();

			resident.navigate(url("/m/meeting-sign-in"));
			resident.locator("#code").fill(code);
			resident.locator("#sign-in-form button").click();
			assertThat(resident.getByText("已签到。")).isVisible();
			desk.reload();
			assertThat(desk.locator("#attendees")).containsText("手机签到");
			desk.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("deliberation-meeting-sign-in-desk.png")));
			assertThat(desk.locator("#open-incidents")).containsText("本社区未办结的事件");
			desk.navigate(url("/deliberation-meetings"));
			desk.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("deliberation-meetings-desk.png")));

			// 转议事: from an incident of the community that is everyone's matter to the desk's raise form
			String incident = IncidentsToDeliberate.triaged(new org.zhizhi.ApiClient(port), port,
					"6栋居民在院坝会上提出加装电梯，需征求全体住户意见 " + java.util.UUID.randomUUID(), "COMMUNITY").toString();
			desk.navigate(url("/incidents/" + incident));
			desk.locator("#to-deliberation").click();
			assertThat(desk.locator("h1")).hasText("提出议题");
			assertThat(desk.locator("#desk-raise input[name=incidentId]")).hasValue(incident);
			Assertions.assertThat(desk.locator("#desk-raise textarea[name=description]").inputValue())
				.as("the incident's words begin the topic").isNotBlank();
			desk.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("deliberation-from-incident-desk.png")));
		}
	}

	/** 居务公开 on a phone: the co-funded path of 走马二村 — its result, the work done and the accounts. */
	@Test
	void anEstatesPublicPageReadsOnAPhone() {
		org.zhizhi.ApiClient api = new org.zhizhi.ApiClient(port);
		String estate = api.get("/api/v1/estates?name=走马二村", api.tokenOf("banan")).json().get(0).path("id")
			.asString();
		try (BrowserContext phone = chromium.phone()) {
			Page page = phone.newPage();
			page.navigate(url("/public/estates/" + estate + "/deliberation"));
			assertThat(page.locator("h1")).hasText("走马二村 · 议事公开");
			assertThat(page.locator("#public-deliberation")).containsText("民泰基金");
			Object overflow = page
				.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
			Assertions.assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("deliberation-public-phone.png")));
		}
	}

	/** 钱佳花园's self-governance on the desk: its 四个一 complete, the supervision team, the adopted convention. */
	@Test
	void theDeskSeesAnEstatesFourOnesBodiesAndConventions() {
		try (BrowserContext deskContext = chromium.desk()) {
			Page desk = HeadlessChromium.signIn(deskContext, port, "mudong");
			desk.navigate(url("/topics"));
			desk.locator("#governance-link").click();
			desk.locator("#estates a", new Page.LocatorOptions().setHasText("钱佳花园")).first().click();
			assertThat(desk.locator("h1")).hasText("钱佳花园 · 自治组织与公约");
			assertThat(desk.locator("#four-ones li.ok")).hasCount(4);
			assertThat(desk.locator("#conventions")).containsText("钱佳花园居民自治公约");
			assertThat(desk.locator("#bodies")).containsText("钱佳花园居民监督队");
			desk.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(HeadlessChromium.SCREENSHOTS.resolve("deliberation-governance-desk.png")));
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

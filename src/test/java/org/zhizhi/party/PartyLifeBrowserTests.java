package org.zhizhi.party;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 17's organisational life on a desk and a phone: 东城社区's secretary schedules a theme day half an hour ahead
 * (a refused form first, its message beside the field); dangyuan01 signs in on his phone; the desk sees his own
 * sign-in on the sheet, records an absence with its reason and the minutes, and the meeting is held. The branch page
 * shows its rhythm and the duty page who stands at the gate post now. Screenshots go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class PartyLifeBrowserTests {

	private static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

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
	void theSecretarySchedulesAThemeDayAMemberSignsInOnHisPhoneAndTheMinutesAreRecorded() {
		String topic = "主题党日：楼道消防隐患排查 " + UUID.randomUUID().toString().substring(0, 4);
		String startsAt = clock.localNow().plusMinutes(30).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
		try (BrowserContext deskContext = chromium.desk(); BrowserContext phoneContext = chromium.phone()) {
			Page desk = HeadlessChromium.signIn(deskContext, port, "dongcheng");
			desk.navigate(url("/party/meetings"));
			desk.locator("#orgId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("东城社区党委"));
			desk.locator("#kind").selectOption("THEME_DAY");
			desk.locator("#place").fill("东城社区党群服务中心");
			desk.locator("#startsAt").fill(startsAt);
			desk.locator("#schedule-form button").click();
			// no topic: the form comes back with its message beside the field, the rest as typed
			assertThat(desk.locator("#topic + .field-error")).hasText("必填。");
			assertThat(desk.locator("#place")).hasValue("东城社区党群服务中心");
			desk.locator("#topic").fill(topic);
			desk.locator("#schedule-form button").click();
			assertThat(desk.locator("#meeting-topic")).hasText(topic);
			assertThat(desk.locator("#meeting-state")).hasText("待召开");
			String meetingUrl = desk.url();

			Page phone = HeadlessChromium.signIn(phoneContext, port, "dangyuan01");
			phone.navigate(url("/m/party"));
			var card = phone.locator("#my-meetings li:has-text('" + topic + "')");
			card.locator("button").click();
			assertThat(phone.locator("div.notice")).hasText("签到成功。");
			assertThat(phone.locator("#my-meetings li:has-text('" + topic + "') .badge.good")).hasText("已签到");
			screenshot(phone, "party-sign-in-phone.png");

			desk.navigate(meetingUrl);
			assertThat(desk.locator("#sheet .badge.good")).hasText("本人签到");
			var someone = desk.locator("#sheet tbody tr:has(input[name=absenceReason])").first();
			someone.locator("input[name=absenceReason]").fill("外出务工");
			someone.locator("button:has-text('登记请假')").click();
			assertThat(desk.locator("#attendance-counts")).containsText("实到 1 人，请假 1 人");

			clock.advance(java.time.Duration.ofMinutes(90));
			desk.navigate(meetingUrl);
			desk.locator("#minutes-input").fill("重温入党誓词，分组排查楼道堆物和电动车充电隐患 12 处，当场清理 9 处。");
			desk.locator("#hold-form button").click();
			assertThat(desk.locator("#meeting-state")).hasText("已召开");
			assertThat(desk.locator("#minutes")).containsText("排查楼道堆物");
			screenshot(desk, "party-meeting-held-desk.png");

			desk.navigate(url("/party/meetings"));
			screenshot(desk, "party-meetings-desk.png");
			desk.locator("#behind a:has-text('东城社区党委')").click();
			assertThat(desk.locator("#rhythm")).containsText("主题党日");
			screenshot(desk, "party-branch-rhythm-desk.png");

			desk.navigate(url("/party/duty"));
			desk.locator("#duty-posts a:has-text('东城公租房1栋党员示范岗')").click();
			assertThat(desk.locator("#on-duty li")).hasCount(1);
			screenshot(desk, "party-duty-post-desk.png");
		}
	}

	@Test
	void qianjiasSecretaryReadsLastYearsAppraisalAndTheAssessmentForm() {
		try (BrowserContext deskContext = chromium.desk()) {
			Page desk = HeadlessChromium.signIn(deskContext, port, "mudong");
			desk.navigate(url("/party/appraisals"));
			assertThat(desk.locator("#assessments")).containsText("86 / 100");
			desk.locator("#appraisals a").first().click();
			assertThat(desk.locator("#appraisal-state")).hasText("已结束");
			assertThat(desk.locator("#appraisal-counts")).containsText("基本合格 1");
			screenshot(desk, "party-appraisal-desk.png");

			desk.navigate(url("/party/assessments/new"));
			assertThat(desk.locator("#criteria tbody tr:has(input[type=radio])")).hasCount(15);
			desk.locator("#assess-form button[type=submit]").click();
			// no branch chosen: told beside the field, the marks kept
			assertThat(desk.locator("#orgId + .field-error")).hasText("必填。");
			screenshot(desk, "party-assessment-form-desk.png");
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve(name))
			.setFullPage(true));
	}
}

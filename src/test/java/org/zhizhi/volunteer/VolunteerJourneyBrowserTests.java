package org.zhizhi.volunteer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 13's volunteer journey on two phones: 张居民 signs up for 睦邻's activity; on the day the organiser's phone
 * shows the code of the moment; 张居民's phone, at the venue, checks in with it and later out; the organiser approves
 * his hours and 张居民 sees them. Screenshots go to {@code target/screenshots}.
 */
@ZhizhiIntegrationTest
class VolunteerJourneyBrowserTests {

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
	void aResidentSignsUpChecksInWithTheOrganisersCodeAndGetsHisHoursApproved() {
		ApiClient api = new ApiClient(port);
		double[] venue = api.centroid("东城社区第1网格");
		String team = api.get("/api/v1/volunteer/teams", api.tokenOf("dongcheng")).list()
			.stream()
			.filter(t -> t.path("name").asString().equals("睦邻志愿服务队"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("teamId", team);
		activity.put("title", "清理 3 栋楼道杂物");
		activity.put("description", "清理楼道堆放的纸箱和旧家具，带手套");
		activity.put("place", "东城公租房 3 栋楼下");
		activity.put("lat", venue[0]);
		activity.put("lng", venue[1]);
		activity.put("startsAt", clock.instant().plus(Duration.ofHours(1)).toString());
		activity.put("endsAt", clock.instant().plus(Duration.ofHours(3)).toString());
		activity.put("slots", 10);
		String id = api.post("/api/v1/volunteer/activities", api.tokenOf("dangyuan01"), activity).json()
			.path("activity").path("id").asString();

		try (BrowserContext zhangPhone = chromium.phone(venue[0], venue[1]);
				BrowserContext organiserPhone = chromium.phone(venue[0], venue[1])) {
			Page zhang = HeadlessChromium.signIn(zhangPhone, port, "jumin01");
			zhang.navigate(url("/m/volunteer"));
			zhang.locator("#activities a[href$='" + id + "']").click();
			zhang.locator("#my-part button.primary").click();
			assertThat(zhang.locator("#my-part .badge")).hasText("已报名");
			screenshot(zhang, "volunteer-signed-up-phone.png");

			// on the day: the organiser's phone shows the code, 张居民's phone at the venue checks in with it
			clock.advance(Duration.ofHours(1));
			Page organiser = HeadlessChromium.signIn(organiserPhone, port, "dangyuan01");
			organiser.navigate(url("/m/volunteer/activities/" + id));
			String code = organiser.locator("#organiser-code .code").textContent().strip();
			screenshot(organiser, "volunteer-organiser-code-phone.png");
			zhang.navigate(url("/m/volunteer/activities/" + id));
			checkInOrOut(zhang, code);
			assertThat(zhang.locator("#my-part .badge")).hasText("已签到");

			clock.advance(Duration.ofMinutes(60));
			organiser.navigate(url("/m/volunteer/activities/" + id));
			checkInOrOut(zhang, organiser.locator("#organiser-code .code").textContent().strip());
			assertThat(zhang.locator("#my-part .badge")).hasText("已签退");

			organiser.navigate(url("/m/volunteer/activities/" + id));
			organiser.locator("#participants button.primary").click();
			assertThat(organiser.locator("#participants .badge").first()).hasText("时长已审核");
			screenshot(organiser, "volunteer-hours-approved-phone.png");
			zhang.navigate(url("/m/volunteer/activities/" + id));
			assertThat(zhang.locator("#my-part")).containsText("服务 60 分钟");
			screenshot(zhang, "volunteer-hours-phone.png");

			// his certificate of the hours he served with 睦邻, these 60 minutes included, as a PDF to print
			zhang.navigate(url("/m/volunteer#certificates"));
			zhang.locator("#served-teams li:has-text('睦邻志愿服务队') button").click();
			assertThat(zhang.locator("div.notice")).containsText("证明已出具");
			JsonNode issued = api.get("/api/v1/volunteer/certificates", api.tokenOf("jumin01")).list().getFirst();
			org.assertj.core.api.Assertions.assertThat(issued.path("content").asString()).contains("清理 3 栋楼道杂物 1 次");
			screenshot(zhang, "volunteer-certificate-phone.png");
			Download download = zhang.waitForDownload(() -> zhang.locator("#my-certificates a").first().click());
			String text;
			try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
				text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			org.assertj.core.api.Assertions.assertThat(text)
				.contains("志愿服务记录证明", issued.path("number").asString(), issued.path("hours").asString() + "小时",
						"清理3栋楼道杂物1次", "东城社区睦邻志愿服务队");
		}
	}

	/** Types the code once the phone has filled in its position, and sends the form. */
	private static void checkInOrOut(Page page, String code) {
		page.waitForFunction("() => { const f = document.querySelector('[data-spot] [data-lat]'); return f && f.value; }");
		page.locator("[data-spot] input[name=code]").fill(code);
		page.locator("[data-spot] button").click();
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(HeadlessChromium.SCREENSHOTS.resolve(name)));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

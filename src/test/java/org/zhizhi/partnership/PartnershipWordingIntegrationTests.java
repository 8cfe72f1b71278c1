package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * How the partnership pages read to a new user: a need of which a unit pledged a part is 部分认领, not 待认领; every
 * rate is written one way, with one decimal; the count beside a list and the count of needs nobody claimed say what
 * they count; the meetings page's years are a pager apart from the link to the year's joint activities.
 */
@ZhizhiIntegrationTest
class PartnershipWordingIntegrationTests {

	private static final Pattern RATE = Pattern.compile("\\d+(\\.\\d+)?%");

	/** The big figure of a stat. */
	private static final Pattern FIGURE = Pattern.compile("<div class=\"num\"[^>]*>([^<]*)</div>");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Test
	void aNeedOfWhichAUnitPledgedAPartIsPartlyClaimedNotToBeClaimed() {
		ApiClient api = new ApiClient(port);
		UUID jinyinqiao = api.orgUnitId("金银桥社区");
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		String title = "院坝座椅 " + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> published = mudong.submit("/partnership/lists", "/partnership/lists",
				Map.of("communityId", jinyinqiao.toString(), "kind", "NEED", "title", title, "category",
						"INFRASTRUCTURE", "description", "院坝需要座椅", "quantity", "3000", "measure", "YUAN",
						"periodStart", clock.today().toString(), "periodEnd", clock.today().plusMonths(2).toString()));
		String itemPath = WebSession.location(published);
		assertThat(between(mudong.get(itemPath).body(), "id=\"item-status\">", "<")).isEqualTo("待认领");

		WebSession school = new WebSession(port).loggedInAs("mudong-school", ApiClient.DEMO_PASSWORD);
		school.submit(itemPath, itemPath + "/claim",
				Map.of("amount", "1000", "dueOn", clock.today().plusMonths(1).toString()));

		assertThat(between(mudong.get(itemPath).body(), "id=\"item-status\">", "<")).isEqualTo("部分认领");
		String list = mudong.get("/partnership/lists?communityId=" + jinyinqiao + "&kind=NEED").body();
		String row = list.substring(list.indexOf(title));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("部分认领").doesNotContain("待认领");
	}

	@Test
	void everyRateOfTheListsIsWrittenWithOneDecimalAndTheCountsSayWhatTheyCount() {
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		String page = mudong.get("/partnership/lists").body();
		String stats = between(page, "id=\"rates\"", "id=\"list-tabs\"");

		List<String> rates = FIGURE.matcher(stats)
			.results()
			.map(m -> m.group(1))
			.filter(figure -> figure.endsWith("%"))
			.toList();
		assertThat(rates).as("the match rate, the completion rate and the share claimed within 14 days").hasSize(3)
			.allMatch(r -> r.matches("\\d+\\.\\d%"), "one decimal");
		assertThat(stats).contains("尚无人认领的需求").doesNotContain("待认领需求");
		assertThat(page).contains("id=\"open-count-hint\"", "仍可认领（含部分认领）的事项数");

		String district = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD)
			.get("/partnership/lists")
			.body();
		String table = between(district, "id=\"community-rates\"", "</table>");
		assertThat(RATE.matcher(table).results().map(java.util.regex.MatchResult::group).toList()).isNotEmpty()
			.allMatch(r -> r.matches("\\d+\\.\\d%"), "one decimal");
	}

	@Test
	void theMeetingsPageSeparatesTheYearPagerFromTheJointActivities() {
		int year = clock.today().getYear();
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		String page = mudong.get("/partnership/meetings?year=" + year).body();

		String pager = between(page, "id=\"meeting-years\">", "</p>");
		assertThat(pager).contains("‹ " + (year - 1) + "年", (year + 1) + "年 ›").doesNotContain("共建活动");
		assertThat(between(page, "id=\"meeting-links\">", "</nav>")).contains(year + "年共建活动");
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("contains " + start).isGreaterThanOrEqualTo(0);
		from += start.length();
		return text.substring(from, text.indexOf(end, from));
	}
}

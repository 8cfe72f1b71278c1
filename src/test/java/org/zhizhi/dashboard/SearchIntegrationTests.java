package org.zhizhi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The header's search (issue 15) on the demo district: an incident by words and by its number, an estate and its
 * buildings, a partner unit and a need — each within the reader's scope and opening its page; nothing of another
 * community; a resident gets no search; too short a text asks nobody. Residents are {@code PeopleSearchIntegrationTests}'.
 */
@ZhizhiIntegrationTest
class SearchIntegrationTests {

	private static final Pattern RESULT = Pattern.compile("<a href=\"([^\"]+)\" class=\"search-result\"");

	@LocalServerPort
	int port;

	private WebSession as(String account) {
		return new WebSession(port).loggedInAs(account, ApiClient.DEMO_PASSWORD);
	}

	private static String search(WebSession session, String text) {
		HttpResponse<String> page = session.get("/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
		assertThat(page.statusCode()).as("/search?q=%s", text).isEqualTo(200);
		return page.body();
	}

	/** The result links of a page, in order. */
	private static Set<String> results(String html) {
		Set<String> hrefs = new LinkedHashSet<>();
		Matcher m = RESULT.matcher(html);
		while (m.find()) {
			hrefs.add(m.group(1));
		}
		return hrefs;
	}

	/** The result links of one kind. */
	private static Set<String> results(String html, String kindKey) {
		int start = html.indexOf("data-kind=\"" + kindKey + "\"");
		if (start < 0) {
			return Set.of();
		}
		int end = html.indexOf("data-kind=", start + 10);
		return results(html.substring(start, end < 0 ? html.length() : end));
	}

	@Test
	void findsAnIncidentByWordsAndByItsNumberWithinTheScopeOnly() throws Exception {
		String token = "搜索" + UUID.randomUUID().toString().substring(0, 6);
		String id = report("楼下垃圾桶满溢 " + token + " 请尽快清运");

		WebSession community = as("dongcheng");
		String byWords = search(community, "垃圾桶 " + token);
		assertThat(results(byWords, "search.kind.incident")).containsExactly("/incidents/" + id);
		assertThat(byWords).contains("楼下垃圾桶满溢");
		assertThat(results(search(community, id.substring(0, 18)), "search.kind.incident"))
			.contains("/incidents/" + id);
		assertThat(results(search(community, id.toUpperCase()), "search.kind.incident"))
			.containsExactly("/incidents/" + id);
		assertThat(community.get("/incidents/" + id).statusCode()).isEqualTo(200);
		assertThat(results(search(as("dongcheng-g01"), token))).containsExactly("/incidents/" + id);

		for (String other : List.of("mudong", "dongcheng-g02")) {
			WebSession session = as(other);
			assertThat(results(search(session, token))).as(other).isEmpty();
			assertThat(results(search(session, id))).as(other).isEmpty();
		}
	}

	@Test
	void findsAnEstateAndItsBuildingsByNameAndEachOpens() {
		WebSession community = as("dongcheng");
		String html = search(community, "东城公租房");
		Set<String> estates = results(html, "search.kind.estate");
		assertThat(estates).hasSize(1).allMatch(h -> h.startsWith("/territory/estates/"));
		Set<String> buildings = results(html, "search.kind.building");
		assertThat(buildings).isNotEmpty().allMatch(h -> h.startsWith("/territory/buildings/"));
		assertThat(html).contains("东城公租房 1栋");
		// its 32 buildings are more than a kind shows: the page says so rather than listing them all
		assertThat(buildings).hasSize(10);
		assertThat(html).contains("还有更多", "只列出前 10 条");
		// an estate's building written as one word, as people type it
		assertThat(results(search(community, "东城公租房1栋"), "search.kind.building")).isNotEmpty();
		for (String href : List.of(estates.iterator().next(), buildings.iterator().next())) {
			assertThat(community.get(href).statusCode()).as(href).isEqualTo(200);
		}

		assertThat(results(search(as("mudong"), "东城公租房"))).as("another community's estate").isEmpty();
		assertThat(results(search(as("mudong"), "钱佳花园"), "search.kind.estate")).hasSize(1);
		assertThat(results(search(community, "钱佳花园"))).isEmpty();
	}

	@Test
	void findsAPartnerUnitAndANeedOfTheCommunity() {
		WebSession community = as("dongcheng");
		Set<String> units = results(search(community, "鹿角供电所"), "search.kind.unit");
		assertThat(units).hasSize(1).allMatch(h -> h.startsWith("/partnership/partners/"));
		assertThat(community.get(units.iterator().next()).statusCode()).isEqualTo(200);
		Set<String> needs = results(search(community, "楼道灯"), "search.kind.need");
		assertThat(needs).hasSize(1).allMatch(h -> h.startsWith("/partnership/items/"));
		assertThat(community.get(needs.iterator().next()).statusCode()).isEqualTo(200);

		assertThat(results(search(as("mudong"), "鹿角供电所"))).isEmpty();
		assertThat(results(search(as("mudong"), "楼道灯"))).isEmpty();
		// a unit's liaison finds his own unit, not the others of his community
		WebSession school = as("mudong-school");
		assertThat(results(search(school, "木洞小学"), "search.kind.unit")).hasSize(1);
		assertThat(results(search(school, "国药控股"), "search.kind.unit")).isEmpty();
	}

	@Test
	void nothingOutsideTheReadersScope() {
		// what 东城社区 finds of its own name is all 东城's; 金银桥社区 finds none of it, and the other way round
		Set<String> dongcheng = results(search(as("dongcheng"), "东城"));
		Set<String> mudong = results(search(as("mudong"), "东城"));
		assertThat(dongcheng).isNotEmpty();
		assertThat(mudong).doesNotContainAnyElementsOf(dongcheng);
		Set<String> mudongOwn = results(search(as("mudong"), "木洞"));
		assertThat(mudongOwn).isNotEmpty();
		assertThat(results(search(as("dongcheng"), "木洞"))).doesNotContainAnyElementsOf(mudongOwn);
		// the street above 东城社区 sees its estate too
		assertThat(results(search(as("jieshi"), "东城公租房"), "search.kind.estate"))
			.isEqualTo(results(search(as("dongcheng"), "东城公租房"), "search.kind.estate"));
	}

	@Test
	void theHeaderHasTheSearchBoxForStaffAndNotForAResident() {
		String staff = as("dongcheng").get("/").body();
		assertThat(staff).contains("id=\"header-search\"", "action=\"/search\"", "name=\"q\"");
		WebSession resident = as("jumin01");
		assertThat(resident.get("/").body()).doesNotContain("id=\"header-search\"");
		String page = search(resident, "东城公租房");
		assertThat(page).contains("id=\"search-none-for-role\"");
		assertThat(results(page)).isEmpty();
	}

	@Test
	void aTooShortOrTooLongTextAsksNobodyAndSaysSo() {
		WebSession community = as("dongcheng");
		String shortOne = search(community, "东");
		assertThat(shortOne).contains("id=\"search-hint\"", "请至少输入 2 个字");
		assertThat(results(shortOne)).isEmpty();
		String longOne = search(community, "东".repeat(51));
		assertThat(longOne).contains("id=\"search-hint\"", "最多 50 个字");
		String empty = search(community, "  ");
		assertThat(empty).contains("id=\"search-q\"").doesNotContain("id=\"search-hint\"")
			.doesNotContain("id=\"search-empty\"");
		// a wildcard is a character like any other
		assertThat(results(search(community, "%%"))).isEmpty();
		assertThat(search(community, "不存在的名字xyz")).contains("id=\"search-empty\"");
	}

	private String report(String description) throws Exception {
		return new ApiClient(port).reportAsResident("jumin01", "东城社区第1网格", "SANITATION_BLACKSPOT", description);
	}
}

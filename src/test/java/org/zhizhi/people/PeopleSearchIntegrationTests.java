package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.people.PeopleFixture.Place;

/**
 * Residents in the header's search (issue 15): by a whole phone or ID number (their keyed hashes) and by the
 * beginning of the name, masked for every reader as the register's lists are, within the reader's scope only; a part
 * of a number finds nothing; a unit's liaison and a resident find no residents.
 */
@ZhizhiIntegrationTest
class PeopleSearchIntegrationTests {

	private static final String GIVEN = "甲乙丙丁戊己庚辛壬癸";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private String page(String account, String text) {
		HttpResponse<String> page = new WebSession(port).loggedInAs(account, ApiClient.DEMO_PASSWORD)
			.get("/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
		assertThat(page.statusCode()).as("%s searches %s", account, text).isEqualTo(200);
		return page.body();
	}

	/** The residents' group of the page ("" when there is none): what was typed is echoed above it, not in it. */
	private static String residents(String html) {
		int start = html.indexOf("data-kind=\"search.kind.resident\"");
		if (start < 0) {
			return "";
		}
		int end = html.indexOf("data-kind=", start + 10);
		return html.substring(start, end < 0 ? html.indexOf("</section>", start) : end);
	}

	@Test
	void aResidentIsFoundByHerWholePhoneIdNumberOrNameMaskedAndOnlyWithinTheScope() {
		ApiClient api = new ApiClient(port);
		Place place = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		String token = api.tokenOf("dongcheng");
		String householdId = api.post("/api/v1/households", token, PeopleFixture.household(place.dwellingId()))
			.json()
			.path("household")
			.path("id")
			.asString();
		String idCard = PeopleFixture.idCardNumber();
		String phone = PeopleFixture.phone();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String name = "欧阳" + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()));
		String id = api.post("/api/v1/residents", token,
				PeopleFixture.resident(UUID.fromString(householdId), name, idCard, phone, "HEAD"))
			.json()
			.path("id")
			.asString();
		String link = "href=\"/residents/" + id + "\"";
		String maskedPhone = phone.substring(0, 3) + "****" + phone.substring(7);

		String byPhone = residents(page("dongcheng", phone));
		assertThat(byPhone).contains(link, PersonalData.maskName(name), maskedPhone)
			.doesNotContain(phone)
			.doesNotContain(name)
			.doesNotContain(idCard);
		assertThat(residents(page("dongcheng", "+86 " + phone.substring(0, 3) + "-" + phone.substring(3))))
			.as("a phone as people write it").contains(link);
		assertThat(residents(page("dongcheng", idCard.toLowerCase()))).contains(link).doesNotContain(idCard);
		assertThat(residents(page("dongcheng", name))).contains(link);
		assertThat(residents(page("dongcheng-g01", name.substring(0, 3)))).as("the beginning of the name")
			.contains(link);
		// a party member reads residents masked, as on the register
		assertThat(residents(page("dangyuan01", phone))).contains(link, PersonalData.maskName(name))
			.doesNotContain(name);

		// a part of a number finds nothing: only a whole one has a hash to compare
		assertThat(residents(page("dongcheng", phone.substring(0, 7)))).doesNotContain(link);
		assertThat(residents(page("dongcheng", idCard.substring(0, 10)))).doesNotContain(link);

		// another community, another grid of the same community, a unit's liaison, a resident: nothing
		for (String other : List.of("mudong", "dongcheng-g02", "gongdian", "jumin01")) {
			for (String text : List.of(phone, idCard, name)) {
				String html = page(other, text);
				assertThat(html).as("%s searches %s", other, text).doesNotContain(link);
				assertThat(residents(html)).as("%s searches %s", other, text).isEmpty();
			}
		}
	}
}

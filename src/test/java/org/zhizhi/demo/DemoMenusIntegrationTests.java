package org.zhizhi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.Role;

/**
 * Every demo account's side menu leads only to pages it may open: signed in as each, every link of the menu answers
 * neither 403 nor a server error. The menu and the pages ask the same rules, so a rule that changes on one side
 * only fails here.
 */
@ZhizhiIntegrationTest
class DemoMenusIntegrationTests {

	private static final Pattern NAV = Pattern.compile("<nav class=\"sidenav\"[^>]*>(.*?)</nav>", Pattern.DOTALL);

	private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)\"");

	@LocalServerPort
	int port;

	static Stream<String> accounts() {
		return DemoAccounts.ALL.stream().map(DemoAccounts.DemoAccount::username);
	}

	@ParameterizedTest
	@MethodSource("accounts")
	void everyMenuLinkOpensForTheAccount(String username) {
		WebSession session = new WebSession(port).loggedInAs(username, DemoAccounts.PASSWORD);
		List<String> links = menuOf(session);
		assertThat(links).as("the menu of %s", username).isNotEmpty();

		SoftAssertions softly = new SoftAssertions();
		for (String link : links) {
			HttpResponse<String> page = session.get(link);
			softly.assertThat(page.statusCode())
				.as("%s opens %s from the menu", username, link)
				.isNotEqualTo(403)
				.isNotEqualTo(404)
				.isLessThan(500);
		}
		softly.assertAll();
	}

	static Stream<String> residents() {
		return DemoAccounts.ALL.stream()
			.filter(account -> account.role() == Role.RESIDENT)
			.map(DemoAccounts.DemoAccount::username);
	}

	/** Residents work on their phone pages; the staff's tree, map and register and the API's documents are not theirs. */
	@ParameterizedTest
	@MethodSource("residents")
	void residentsAreOfferedNeitherTheStaffTreeNorTheApiDocuments(String username) {
		List<String> links = menuOf(new WebSession(port).loggedInAs(username, DemoAccounts.PASSWORD));
		assertThat(links).as("the menu of resident %s", username)
			.contains("/m/report", "/m/reports")
			.doesNotContain("/territory", "/territory/map", "/territory/estates", "/api/docs");
		WebSession session = new WebSession(port).loggedInAs(username, DemoAccounts.PASSWORD);
		assertThat(session.get("/territory").statusCode()).as("the tree refuses what the menu does not offer")
			.isEqualTo(403);
		assertThat(session.get("/territory/estates").statusCode()).isEqualTo(403);
	}

	/** The links of the side menu on the page the sign-in lands on (the auditor's lands on his audit trail). */
	private static List<String> menuOf(WebSession session) {
		HttpResponse<String> home = session.get("/");
		String body = home.body();
		if (home.statusCode() == 302 || home.statusCode() == 403) {
			body = session.get("/audit").body();
		}
		Matcher nav = NAV.matcher(body);
		assertThat(nav.find()).as("a side menu on the landing page").isTrue();
		Set<String> links = new LinkedHashSet<>();
		Matcher href = HREF.matcher(nav.group(1));
		while (href.find()) {
			links.add(href.group(1).replace("&amp;", "&"));
		}
		return new ArrayList<>(links);
	}
}

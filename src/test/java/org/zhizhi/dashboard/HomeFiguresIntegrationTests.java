package org.zhizhi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/** The workbench shows the registries' figures of the scope to those who work with people, and to nobody else. */
@ZhizhiIntegrationTest
class HomeFiguresIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theCommunityWorkerSeesHisHouseholdsResidentsAndPartyMembers() {
		String home = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD).get("/").body();
		// other tests may add residents to 东城社区; the seed's figures are the floor
		assertThat(figure(home, "households")).isGreaterThanOrEqualTo(4993);
		assertThat(figure(home, "residents")).isGreaterThanOrEqualTo(11940);
		assertThat(figure(home, "partyMembers")).isGreaterThanOrEqualTo(63);
	}

	@Test
	void theSecurityAdminSeesNoFiguresOfPeople() {
		String home = new WebSession(port).loggedInAs("security", ApiClient.DEMO_PASSWORD).get("/").body();
		assertThat(home).doesNotContain("data-count=\"households\"", "data-count=\"residents\"");
	}

	private static long figure(String html, String name) {
		Matcher matcher = Pattern.compile("data-count=\"" + name + "\">(\\d+)<").matcher(html);
		assertThat(matcher.find()).as("figure %s on the workbench", name).isTrue();
		return Long.parseLong(matcher.group(1));
	}
}

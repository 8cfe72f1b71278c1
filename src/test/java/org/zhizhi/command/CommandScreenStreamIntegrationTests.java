package org.zhizhi.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.command.screen.ScreenFeed;

/**
 * The live stream: every new report reaches every open screen of a scope that holds it, and no screen of another
 * scope; a screen that reconnects with its last event's id is replayed what it missed; a screen outside the viewer's
 * scope is not found.
 */
@ZhizhiIntegrationTest
class CommandScreenStreamIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ScreenFeed feed;

	@Autowired
	TestClock clock;

	@Test
	void everyNewReportReachesTheOpenScreensOfItsScopeAndNoOther() {
		ApiClient api = new ApiClient(port);
		String district = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD).sessionCookie();
		String jinyinqiao = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD).sessionCookie();
		try (ScreenStreamClient banan = ScreenStreamClient.open(port, district, "", null);
				ScreenStreamClient street = ScreenStreamClient.open(port, district,
						"?scope=" + api.orgUnitId("界石镇"), null);
				ScreenStreamClient mudong = ScreenStreamClient.open(port, jinyinqiao, "", null)) {
			assertThat(List.of(banan.status(), street.status(), mudong.status())).containsOnly(200);
			await().atMost(Duration.ofSeconds(10)).until(() -> feed.openScreens() >= 3);
			List<String> reported = new ArrayList<>();
			for (int k = 0; k < 5; k++) {
				reported.add(api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "大屏实时：第 " + k + " 条"));
			}
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(banan.incidents()).containsAll(reported);
				assertThat(street.incidents()).containsAll(reported);
			});
			assertThat(mudong.incidents()).as("金银桥社区's screen holds none of 东城社区's reports")
				.doesNotContainAnyElementsOf(reported);
		}
	}

	@Test
	void aScreenThatReconnectsIsReplayedWhatItMissed() {
		ApiClient api = new ApiClient(port);
		String session = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD).sessionCookie();
		String last;
		try (ScreenStreamClient first = ScreenStreamClient.open(port, session, "", null)) {
			String seen = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "大屏重连：断开前");
			await().atMost(Duration.ofSeconds(10)).until(() -> first.incidents().contains(seen));
			last = first.lastEventId();
		}
		List<String> missed = new ArrayList<>();
		for (int k = 0; k < 3; k++) {
			missed.add(api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "大屏重连：断开时 " + k));
		}
		try (ScreenStreamClient again = ScreenStreamClient.open(port, session, "", last)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> again.incidents().containsAll(missed));
		}
	}

	@Test
	void aClockThatStepsBackDoesNotHideTheReportsAfterIt() {
		ApiClient api = new ApiClient(port);
		String session = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD).sessionCookie();
		try (ScreenStreamClient screen = ScreenStreamClient.open(port, session, "", null)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> feed.openScreens() >= 1);
			// a report stamped ahead (a clock that ran fast, or another node's), then the clock back where it was: ten
			// minutes is far beyond the feed's look-back, and within the sessions' and tokens' lifetimes
			clock.advance(Duration.ofMinutes(10));
			String ahead = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "大屏时钟：超前的一条");
			await().atMost(Duration.ofSeconds(10)).until(() -> screen.incidents().contains(ahead));
			clock.reset();
			String after = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "大屏时钟：回拨之后");
			await().atMost(Duration.ofSeconds(10)).until(() -> screen.incidents().contains(after));
		}
	}

	@Test
	void aScreenOutsideTheViewersScopeIsNotFound() {
		ApiClient api = new ApiClient(port);
		WebSession jieshi = new WebSession(port).loggedInAs("jieshi", ApiClient.DEMO_PASSWORD);
		String mudong = api.orgUnitId("木洞镇").toString();
		assertThat(jieshi.get("/command/screen/stream?scope=" + mudong).statusCode()).isEqualTo(404);
		assertThat(jieshi.get("/command/screen/streets/" + mudong).statusCode()).isEqualTo(404);
		assertThat(jieshi.get("/command/screen/snapshot.json?scope=" + mudong).statusCode()).isEqualTo(404);
		assertThat(jieshi.get("/command/screen/communities/" + api.orgUnitId("东城社区")).statusCode()).isEqualTo(200);
		assertThat(jieshi.get("/command/screen").statusCode()).isEqualTo(200);
		assertThat(jieshi.get("/command/screen/communities/" + api.orgUnitId("界石镇")).statusCode())
			.as("a street is no community").isEqualTo(404);
	}
}

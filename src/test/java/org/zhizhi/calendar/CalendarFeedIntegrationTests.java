package org.zhizhi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 19: {@code mudong} subscribes to 金银桥社区's joint meetings in a phone calendar — a private URL, parsed back
 * here as RFC 5545 with ical4j: his community's meetings in Asia/Shanghai, a cancelled one marked cancelled, another
 * community's absent; a new URL stops the old one, and switching it off stops both.
 */
@ZhizhiIntegrationTest
class CalendarFeedIntegrationTests {

	private static final Pattern FEED_URL = Pattern.compile("http://localhost:\\d+/calendar/zf_[A-Za-z0-9_-]+\\.ics");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Test
	void aCommunityWorkerSubscribesToHisCommunitysMeetings() throws Exception {
		ApiClient api = new ApiClient(port);
		Instant nextAt = clock.instant().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
		String next = schedule(api, "mudong", "QUARTERLY", nextAt, "社区二楼会议室");
		String dropped = schedule(api, "mudong", "HALF_YEAR", clock.instant().plus(Duration.ofDays(33)), "社区广场");
		assertThat(api.post("/api/v1/joint-meetings/" + dropped + "/cancel", api.tokenOf("mudong"),
				Map.of("reason", "与防汛演练冲突")).status()).isEqualTo(200);
		String elsewhere = schedule(api, "dongcheng", "QUARTERLY", clock.instant().plus(Duration.ofDays(25)),
				"东城社区会议室");

		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		String url = issue(mudong);
		HttpResponse<String> fetched = fetch(url);
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(fetched.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");

		Calendar calendar = new CalendarBuilder().build(new StringReader(fetched.body()));
		assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
		assertThat(fetched.body()).contains("TZID:Asia/Shanghai");
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		VEvent meeting = event(events, next);
		assertThat(meeting.getLocation().getValue()).isEqualTo("社区二楼会议室");
		assertThat(meeting.getDescription().getValue()).isEqualTo("季度协商议事会");
		DtStart<?> start = meeting.getDateTimeStart();
		assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Shanghai");
		assertThat(Instant.from(start.getDate())).isEqualTo(nextAt);
		assertThat(meeting.getStatus().getValue()).isEqualTo("CONFIRMED");
		assertThat(event(events, dropped).getStatus().getValue()).isEqualTo("CANCELLED");
		assertThat(events).noneMatch(e -> e.getUid().orElseThrow().getValue().startsWith(elsewhere));
		assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();

		// the page shows what the feed holds — its first upcoming meetings, whatever other tests scheduled in 金银桥
		// (the preview is the feed's first eight, not every meeting) — and the URL only on the answer that made it
		String page = mudong.get("/account/calendar").body();
		List<VEvent> upcoming = events.stream()
			.filter(e -> e.getStatus().getValue().equals("CONFIRMED"))
			.filter(e -> Instant.from(e.getDateTimeStart().getDate()).isAfter(clock.instant()))
			.sorted(java.util.Comparator.comparing((VEvent e) -> Instant.from(e.getDateTimeStart().getDate())))
			.limit(8)
			.toList();
		assertThat(upcoming).isNotEmpty();
		for (VEvent e : upcoming) {
			assertThat(page).contains(e.getSummary().getValue());
		}
		assertThat(page).doesNotContain("zf_");

		String replaced = issue(mudong);
		assertThat(fetch(url).statusCode()).as("the old URL stops at once").isEqualTo(404);
		assertThat(fetch(replaced).statusCode()).isEqualTo(200);
		mudong.submit("/account/calendar", "/account/calendar/feed/revoke", Map.of());
		assertThat(fetch(replaced).statusCode()).isEqualTo(404);
	}

	@Test
	void aResidentsFeedHoldsNoMeetingAndAnUnknownTokenIsNotFound() throws Exception {
		String url = issue(new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD));
		HttpResponse<String> fetched = fetch(url);
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(new CalendarBuilder().build(new StringReader(fetched.body())).getComponents(Component.VEVENT))
			.isEmpty();
		assertThat(fetch("http://localhost:" + port + "/calendar/zf_not-a-feed.ics").statusCode()).isEqualTo(404);
		assertThat(fetch("http://localhost:" + port + "/calendar/whatever.ics").statusCode()).isEqualTo(404);
	}

	private static VEvent event(List<VEvent> events, String meetingId) {
		return events.stream()
			.filter(e -> e.getUid().orElseThrow().getValue().equals(meetingId + "@zhizhi"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no event for meeting " + meetingId));
	}

	private static String issue(WebSession browser) {
		HttpResponse<String> page = browser.submit("/account/calendar", "/account/calendar/feed", Map.of());
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher url = FEED_URL.matcher(page.body());
		assertThat(url.find()).as("the page shows the new URL").isTrue();
		return url.group();
	}

	private static HttpResponse<String> fetch(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String schedule(ApiClient api, String user, String kind, Instant at, String place) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", kind);
		body.put("scheduledAt", at.toString());
		body.put("place", place);
		ApiClient.Response response = api.post("/api/v1/joint-meetings", api.tokenOf(user), body);
		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		return response.json().path("meeting").path("id").asString();
	}
}

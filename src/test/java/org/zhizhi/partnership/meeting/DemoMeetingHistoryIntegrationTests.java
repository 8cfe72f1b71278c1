package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.PlatformZone;

import tools.jackson.databind.JsonNode;

/**
 * The demo's past joint meetings of 金银桥社区 carry the times their steps happened, not the moment the demo was loaded:
 * the minuted 年初双向认领会 (held at least 20 days before the load) was planned before its day, held and decided on
 * it and minuted a day or two after — through the API and on the meeting's page; every held one was held at the time
 * it was scheduled for.
 */
@ZhizhiIntegrationTest
class DemoMeetingHistoryIntegrationTests {

	/** The demo's own rooms: meetings other tests schedule for 金银桥社区 are elsewhere or nowhere. */
	private static final Set<String> DEMO_PLACES = Set.of("金银桥社区党群服务中心会议室", "钱佳花园功能型党支部活动室");

	@LocalServerPort
	int port;

	@Test
	void theMinutedMeetingsStepsLieOnItsOwnDayOrJustAfter() {
		ApiClient api = new ApiClient(port);
		String token = api.tokenOf("mudong");
		JsonNode meeting = demoMeetings(api, token).stream()
			.filter(m -> m.path("kind").asString().equals("CLAIMING") && m.path("state").asString().equals("MINUTED"))
			.findFirst()
			.orElseThrow();
		Instant scheduled = Instant.parse(meeting.path("scheduledAt").asString());
		LocalDate day = day(scheduled);
		JsonNode detail = api.get("/api/v1/joint-meetings/" + meeting.path("id").asString(), token).json();

		List<String> actions = new ArrayList<>();
		detail.path("steps").forEach(s -> actions.add(s.path("action").asString()));
		assertThat(actions).containsExactly("SCHEDULE", "HOLD", "MINUTE");
		Instant planned = at(detail.path("steps").get(0));
		Instant held = at(detail.path("steps").get(1));
		Instant minuted = at(detail.path("steps").get(2));
		assertThat(planned).as("planned before its day").isBefore(scheduled);
		assertThat(day(held)).as("held on its day").isEqualTo(day);
		assertThat(held).isAfterOrEqualTo(scheduled);
		assertThat(day(minuted)).as("minuted a day or two after, not at load time").isAfter(day)
			.isBeforeOrEqualTo(day.plusDays(3));
		assertThat(Instant.parse(detail.path("meeting").path("updatedAt").asString())).isEqualTo(minuted);
		assertThat(detail.path("decisions")).hasSize(3);
		detail.path("decisions").forEach(d -> {
			assertThat(day(Instant.parse(d.path("createdAt").asString()))).as("decided at the meeting").isEqualTo(day);
			if (!d.path("doneAt").isNull()) {
				assertThat(Instant.parse(d.path("doneAt").asString())).isAfter(minuted.minus(Duration.ofSeconds(1)));
			}
		});
		assertThat(detail.path("decisions").findValues("doneAt").stream().filter(d -> !d.isNull())).hasSize(1);
		assertThat(detail.path("agenda")).hasSize(3);

		String page = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD)
			.get("/partnership/meetings/" + meeting.path("id").asString())
			.body();
		String steps = page.substring(page.indexOf("id=\"meeting-steps\""));
		steps = steps.substring(0, steps.indexOf("</ul>"));
		assertThat(steps).contains(minute(minuted), minute(held), "形成纪要");
		assertThat(minute(minuted)).startsWith(day.plusDays(2).toString());
	}

	@Test
	void everyHeldDemoMeetingWasHeldAtItsScheduledTime() {
		ApiClient api = new ApiClient(port);
		List<JsonNode> held = demoMeetings(api, api.tokenOf("mudong")).stream()
			.filter(m -> Set.of("HELD", "MINUTED").contains(m.path("state").asString()))
			.toList();
		assertThat(held).extracting(m -> m.path("kind").asString()).contains("CLAIMING", "HALF_YEAR");
		for (JsonNode m : held) {
			assertThat(m.path("heldAt").asString()).as(m.path("title").asString())
				.isEqualTo(m.path("scheduledAt").asString());
		}
	}

	/** The meetings the demo loaded for 金银桥社区 this year: by the demo's organiser and in the demo's rooms. */
	private static List<JsonNode> demoMeetings(ApiClient api, String token) {
		String mudong = api.get("/api/v1/me", token).json().path("id").asString();
		List<JsonNode> meetings = new ArrayList<>();
		api.get("/api/v1/joint-meetings/overview", token).json().path("meetings").forEach(m -> {
			if (m.path("createdBy").asString().equals(mudong) && DEMO_PLACES.contains(m.path("place").asString())) {
				meetings.add(m);
			}
		});
		return meetings;
	}

	private static Instant at(JsonNode step) {
		return Instant.parse(step.path("at").asString());
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, PlatformZone.DEFAULT);
	}

	private static String minute(Instant at) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(PlatformZone.DEFAULT));
	}
}

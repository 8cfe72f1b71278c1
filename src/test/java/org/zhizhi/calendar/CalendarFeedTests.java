package org.zhizhi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/** The feed as RFC 5545 without Spring: written by ical4j, read back by it, valid, in the platform's zone. */
class CalendarFeedTests {

	private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	private static final Actor SOMEONE = new Actor(UUID.randomUUID(), "mudong", "金银桥社区工作站",
			Set.of(Role.COMMUNITY_STAFF), new DataScope(UUID.randomUUID(), "/1/"));

	@Test
	void eventsOfEverySourceInTheWindowOldestFirstValidAndInShanghaiTime() throws Exception {
		CalendarSource meetings = (actor, from, to) -> {
			assertThat(from).isEqualTo(NOW.minus(CalendarFeed.PAST));
			assertThat(to).isEqualTo(NOW.plus(CalendarFeed.AHEAD));
			return List.of(
					new CalendarEvent("b@zhizhi", "季度协商议事会", "季度协商议事会", "社区二楼会议室",
							Instant.parse("2026-12-10T06:30:00Z"), Duration.ofHours(2), false, 0),
					new CalendarEvent("a@zhizhi", "年终总结表彰会", null, null, Instant.parse("2026-12-08T01:00:00Z"),
							Duration.ofHours(2), true, 3));
		};
		CalendarSource empty = (actor, from, to) -> List.of();
		CalendarFeed feed = new CalendarFeed(List.of(empty, meetings), ZoneId.of("Asia/Shanghai"),
				Clock.fixed(NOW, ZoneOffset.UTC));

		String ics = feed.ics(SOMEONE, "智治日程 · 金银桥社区工作站");

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue()).containsExactly("a@zhizhi", "b@zhizhi");
		assertThat(events.get(0).getStatus().getValue()).isEqualTo("CANCELLED");
		assertThat(events.get(0).getSequence().getSequenceNo()).isEqualTo(3);
		assertThat(events.get(1).getStatus().getValue()).isEqualTo("CONFIRMED");
		assertThat(ics).contains("DTSTART;TZID=Asia/Shanghai:20261210T143000")
			.contains("DTEND;TZID=Asia/Shanghai:20261210T163000")
			.contains("DTSTAMP:20261206T020000Z")
			.contains("X-WR-CALNAME:智治日程 · 金银桥社区工作站");
	}
}

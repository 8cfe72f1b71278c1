package org.zhizhi.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.Tier;
import org.zhizhi.incident.TimelineDetail;
import org.zhizhi.incident.TimelineEntry;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.UrgeCard;
import org.zhizhi.incident.WhistleType;

/**
 * The timeline in words from its typed detail, without Spring's context: the choice in Chinese, then the person's
 * note — and a note that looks like a choice stays a note. The API's {@code detail} text keeps its first format.
 */
class TimelineLinesTests {

	private IncidentPages pages;

	@BeforeEach
	void chinesePages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		pages = new IncidentPages(null, null, messages, null, ZoneId.of("Asia/Shanghai"));
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aNoteThatLooksLikeAChoiceStaysANote() {
		TimelineEntry note = entry(IncidentAction.NOTE, "PUBLIC: 业主说明天再来", null);
		assertThat(line(note)).isEqualTo("PUBLIC: 业主说明天再来");
		TimelineEntry triage = entry(IncidentAction.TRIAGE, "PUBLIC: 交物业", new TimelineDetail.Triaged(Triage.PUBLIC));
		assertThat(line(triage)).startsWith("大事").endsWith("：PUBLIC: 交物业");
		assertThat(triage.detail()).as("the API's text, as it always was").isEqualTo("PUBLIC: PUBLIC: 交物业");
	}

	@Test
	void eachChoiceInWordsAndTheApiTextUnchanged() {
		TimelineEntry whistle = entry(IncidentAction.WHISTLE, "尽快",
				new TimelineDetail.Whistled(WhistleType.QUICK, DispatchMode.OPEN_CALL));
		assertThat(line(whistle)).isEqualTo("快捷哨 · 抢单：尽快");
		assertThat(whistle.detail()).isEqualTo("QUICK: OPEN_CALL: 尽快");

		Instant due = Instant.parse("2026-06-10T02:30:00Z");
		TimelineEntry raised = entry(IncidentAction.ESCALATE, null,
				new TimelineDetail.Escalated(Tier.GRID, Tier.COMMUNITY, due));
		assertThat(line(raised)).contains("网格", "社区", "2026-06-10 10:30");
		assertThat(raised.detail()).isEqualTo("GRID→COMMUNITY: AUTO respond overdue 2026-06-10T02:30:00Z");

		TimelineEntry carded = entry(IncidentAction.URGE, null,
				new TimelineDetail.Urged(UrgeCard.RED, TimelineDetail.Deadline.RESOLVE, due));
		assertThat(line(carded)).contains("红牌", "2026-06-10 10:30");
		assertThat(carded.detail()).isEqualTo("RED: AUTO resolve overdue 2026-06-10T02:30:00Z");

		TimelineEntry checkIn = entry(IncidentAction.CHECK_IN, "到了", new TimelineDetail.CheckedIn(523.4, true));
		assertThat(line(checkIn)).contains("523").endsWith("：到了");
		assertThat(checkIn.detail()).isEqualTo("FLAGGED 523 m: 到了");

		TimelineEntry decided = entry(IncidentAction.EXTENSION_APPROVE, null,
				new TimelineDetail.ExtensionDecided(48, due));
		assertThat(line(decided)).contains("48", "2026-06-10 10:30");
		assertThat(decided.detail()).isEqualTo("48h → 2026-06-10T02:30:00Z");

		TimelineEntry report = entry(IncidentAction.REPORT, null, new TimelineDetail.Reported(Channel.RESIDENT_APP));
		assertThat(line(report)).isEqualTo("居民随手拍");
		assertThat(report.detail()).isEqualTo("RESIDENT_APP");
	}

	@Test
	void anEntryWrittenBeforeTheTypedDetailShowsItsTextAsItWas() {
		TimelineEntry old = new TimelineEntry(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, null, "张三", "GRID_WORKER",
				IncidentAction.TRIAGE, IncidentState.ACCEPTED, IncidentState.TRIAGED, null, null, "PUBLIC: 交物业", null,
				false, List.of(), null, null);
		assertThat(line(old)).isEqualTo("PUBLIC: 交物业");
	}

	private String line(TimelineEntry entry) {
		return pages.lines(List.of(entry)).get(0).detail();
	}

	private static TimelineEntry entry(IncidentAction action, String note, TimelineDetail detail) {
		return TimelineEntry.of(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, UUID.randomUUID(), "李网格长",
				"GRID_WORKER", action, IncidentState.ACCEPTED, IncidentState.ACCEPTED, null, null, note, detail, null,
				false, List.of());
	}
}

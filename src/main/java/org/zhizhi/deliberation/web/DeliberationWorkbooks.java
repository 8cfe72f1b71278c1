package org.zhizhi.deliberation.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.zhizhi.deliberation.DeliberationMeetingView;
import org.zhizhi.deliberation.FundView;
import org.zhizhi.deliberation.TopicView;
import org.zhizhi.shared.spreadsheet.Xlsx;

/**
 * The .xlsx of deliberation: a meeting's minutes (the meeting, its agenda, who signed in) for the community's files,
 * and a topic's co-funding ledger (the summary and every line with its receipt) for the public accounts board.
 */
@Component
class DeliberationWorkbooks {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final ZoneId zone;

	DeliberationWorkbooks(MessageSource messages, ZoneId zone) {
		this.messages = messages;
		this.zone = zone;
	}

	private String m(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}

	byte[] minutes(DeliberationMeetingView meeting) {
		return Xlsx.workbook(book -> {
			Sheet sheet = book.createSheet(m("deliberation.field.minutes"));
			Xlsx.header(sheet, this::m, "deliberation.meetings.title", "deliberation.meetings.format",
					"deliberation.field.place", "deliberation.meetings.when", "deliberation.meetings.location",
					"deliberation.field.state", "deliberation.field.minutes");
			Xlsx.row(sheet, 1, meeting.title(), m("deliberation.format." + meeting.format()), meeting.placeName(),
					WHEN.format(meeting.scheduledAt().atZone(zone)), meeting.location(),
					m("deliberation.meetingState." + meeting.state()), meeting.minutes());
			Sheet agenda = book.createSheet(m("deliberation.meetings.agenda"));
			Xlsx.header(agenda, this::m, "deliberation.field.title", "deliberation.field.state");
			int r = 1;
			for (var item : meeting.agenda()) {
				Xlsx.row(agenda, r++, item.title(), m("deliberation.state." + item.state()));
			}
			Sheet attendees = book.createSheet(m("deliberation.meetings.attendance"));
			Xlsx.header(attendees, this::m, "deliberation.meetings.tickName", "deliberation.meetings.when");
			r = 1;
			for (var attendee : meeting.attendees()) {
				Xlsx.row(attendees, r++, attendee.name(), WHEN.format(attendee.signedAt().atZone(zone)));
			}
		});
	}

	byte[] ledger(TopicView topic) {
		FundView fund = topic.fund();
		return Xlsx.workbook(book -> {
			Sheet summary = book.createSheet(m("deliberation.fund.heading"));
			Xlsx.header(summary, this::m, "deliberation.field.title", "deliberation.fund.target",
					"deliberation.fund.pledged", "deliberation.fund.paid", "deliberation.fund.spent",
					"deliberation.fund.balance");
			Xlsx.row(summary, 1, topic.title(), fund.target(), fund.pledged(), fund.paid(), fund.spent(),
					fund.balance());
			Sheet lines = book.createSheet(m("deliberation.fund.lines"));
			Xlsx.header(lines, this::m, "deliberation.meetings.when", "deliberation.fund.kind",
					"deliberation.fund.sourceName", "deliberation.fund.amount", "deliberation.fund.receipt");
			int r = 1;
			for (FundView.Line line : fund.lines()) {
				Xlsx.row(lines, r++, WHEN.format(line.recordedAt().atZone(zone)),
						m("deliberation.fund.kind." + line.kind()), line.sourceName(), line.amount(), line.receipt());
			}
		});
	}
}

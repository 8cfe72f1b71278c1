package org.zhizhi.party;

import java.time.LocalDate;

/**
 * How often an organisation of a level holds a kind of meeting: once every {@code months} calendar months (1: each
 * month, 3: each quarter), and how many days before a period's end a kind still without a meeting flags it. Rows of
 * {@code party.meeting_rhythm}, not code.
 */
public record MeetingRhythm(MeetingKind kind, PartyLevel level, int months, int warnDays) {

	/** The first day of the period holding the day: the month, the quarter … counted from January. */
	public LocalDate periodStart(LocalDate day) {
		int firstMonth = (day.getMonthValue() - 1) / months * months + 1;
		return LocalDate.of(day.getYear(), firstMonth, 1);
	}

	/** The first day after the period holding the day. */
	public LocalDate periodEnd(LocalDate day) {
		return periodStart(day).plusMonths(months);
	}
}

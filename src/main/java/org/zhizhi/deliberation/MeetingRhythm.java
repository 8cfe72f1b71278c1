package org.zhizhi.deliberation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a monthly format meets: on its day of the month, moved to the next working day when that day falls on a
 * weekend (逢四说事 "on the 4th, or the next working day"). Public holidays are not known to the platform: the desk
 * moves a meeting that falls on one. A day past the month's end is its last day.
 */
public final class MeetingRhythm {

	private MeetingRhythm() {
	}

	/** The meeting day of a month. */
	public static LocalDate dayIn(YearMonth month, int dayOfMonth) {
		LocalDate day = month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** The first meeting day on or after {@code from}. */
	public static LocalDate nextOnOrAfter(LocalDate from, int dayOfMonth) {
		LocalDate inMonth = dayIn(YearMonth.from(from), dayOfMonth);
		return inMonth.isBefore(from) ? dayIn(YearMonth.from(from).plusMonths(1), dayOfMonth) : inMonth;
	}
}

package org.zhizhi.incident.deadline;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The start-up check that the working calendar knows this year's and next year's public holidays. Without them every
 * deadline would run straight through 春节 and 国庆 as if they were working days, and nobody would notice until the
 * cards came; a deadline of 30 working days set in December already reaches into next year.
 */
final class HolidayYears {

	private HolidayYears() {
	}

	/**
	 * Refuses a calendar without holidays for the year it is now (in the calendar's zone, by the platform's clock) or
	 * for the next one, naming the missing year and the property to set.
	 */
	static void requireThisAndNextYear(WorkingCalendar calendar, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
			if (!calendar.hasHolidaysIn(year)) {
				throw new IllegalStateException("The working calendar has no public holidays for " + year + " (today is "
						+ today + " in " + calendar.zone() + "), so deadlines would run through them. Add " + year
						+ "'s holidays to zhizhi.incident.calendar.holidays and its 调休 days to "
						+ "zhizhi.incident.calendar.adjusted-working-days, from 国务院办公厅关于" + year
						+ "年部分节假日安排的通知 (or, until it is published, the statutory days of 全国年节及纪念日放假办法).");
			}
		}
	}
}

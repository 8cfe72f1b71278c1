package org.zhizhi.incident.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working calendar as configured under {@code zhizhi.incident.calendar.*} (defaults in application.properties).
 * Dates are ISO ({@code 2026-10-01}); a run of days is written {@code 2026-10-01..2026-10-07}, the way the State
 * Council's notice announces them.
 *
 * @param zone the zone office hours are read in; left out, the platform's ({@code zhizhi.zone})
 * @param workingDays the weekdays that are working days unless they are holidays
 * @param hours the office hours of a working day, e.g. {@code 09:00-12:00,14:00-18:00}
 * @param holidays public holidays (法定节假日 and the rest days moved next to them), single days or runs
 * @param adjustedWorkingDays 调休: rest days (usually a Saturday or Sunday) that are worked
 */
@ConfigurationProperties("zhizhi.incident.calendar")
public record CalendarProperties(ZoneId zone, Set<DayOfWeek> workingDays, List<String> hours, List<String> holidays,
		List<String> adjustedWorkingDays) {

	/** The calendar, in this configuration's zone or else the platform's. */
	public WorkingCalendar toCalendar(ZoneId platformZone) {
		return new WorkingCalendar(zone != null ? zone : platformZone, workingDays,
				hours == null ? List.of() : hours.stream().map(WorkingCalendar.Hours::parse).toList(), days(holidays),
				days(adjustedWorkingDays));
	}

	private static Set<LocalDate> days(List<String> entries) {
		Set<LocalDate> days = new LinkedHashSet<>();
		for (String entry : entries == null ? List.<String>of() : entries) {
			String[] range = entry.strip().split("\\.\\.");
			LocalDate first = LocalDate.parse(range[0].strip());
			LocalDate last = range.length > 1 ? LocalDate.parse(range[1].strip()) : first;
			if (range.length > 2 || last.isBefore(first)) {
				throw new IllegalArgumentException("a day or a run of days like 2026-10-01..2026-10-07, not " + entry);
			}
			first.datesUntil(last.plusDays(1)).forEach(days::add);
		}
		return days;
	}
}

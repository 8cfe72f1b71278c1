package org.zhizhi.incident.deadline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.deadline.WorkingCalendar.Hours;
import org.zhizhi.shared.PlatformZone;

/** The start-up check on the calendar's years, without Spring: a clock and a calendar are all it needs. */
class HolidayYearsTests {

	private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-10T02:00:00Z"), ZoneOffset.UTC);

	@Test
	void passesWhenThisYearAndNextYearHaveHolidays() {
		assertThatCode(() -> HolidayYears.requireThisAndNextYear(calendar("2026-10-01", "2027-01-01"), JUNE_2026))
			.doesNotThrowAnyException();
	}

	@Test
	void refusesWithoutNextYearNamingItAndTheProperty() {
		assertThatIllegalStateException()
			.isThrownBy(() -> HolidayYears.requireThisAndNextYear(calendar("2026-10-01"), JUNE_2026))
			.withMessageContaining("no public holidays for 2027")
			.withMessageContaining("zhizhi.incident.calendar.holidays");
	}

	@Test
	void refusesWithoutThisYearNamingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> HolidayYears.requireThisAndNextYear(calendar("2027-01-01", "2028-01-01"), JUNE_2026))
			.withMessageContaining("no public holidays for 2026");
	}

	@Test
	void anAdjustedWorkingDayAloneDoesNotMakeAYear() {
		WorkingCalendar calendar = new WorkingCalendar(PlatformZone.DEFAULT, EnumSet.range(DayOfWeek.MONDAY,
				DayOfWeek.FRIDAY), List.of(Hours.parse("09:00-18:00")), days("2026-10-01"), days("2027-02-20"));
		assertThatIllegalStateException().isThrownBy(() -> HolidayYears.requireThisAndNextYear(calendar, JUNE_2026))
			.withMessageContaining("2027");
	}

	@Test
	void theYearIsTheCalendarsNotUtcs() {
		// 2026-12-31 16:30 UTC is already 2027-01-01 00:30 in Chongqing: now 2027 and 2028 are needed
		Clock newYearInChongqing = Clock.fixed(Instant.parse("2026-12-31T16:30:00Z"), ZoneOffset.UTC);
		assertThatIllegalStateException()
			.isThrownBy(() -> HolidayYears.requireThisAndNextYear(calendar("2026-10-01", "2027-01-01"),
					newYearInChongqing))
			.withMessageContaining("no public holidays for 2028");
	}

	@Test
	void theShippedCalendarCoversTheTestClockAndTheRestOf2026() {
		WorkingCalendar shipped = DeadlineDefaults.calendar();
		assertThatCode(() -> HolidayYears.requireThisAndNextYear(shipped, JUNE_2026)).doesNotThrowAnyException();
		assertThatCode(() -> HolidayYears.requireThisAndNextYear(shipped,
				Clock.fixed(Instant.parse("2026-12-31T15:59:59Z"), ZoneOffset.UTC)))
			.doesNotThrowAnyException();
	}

	private static WorkingCalendar calendar(String... holidays) {
		return new WorkingCalendar(PlatformZone.DEFAULT, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				List.of(Hours.parse("09:00-18:00")), days(holidays), Set.of());
	}

	private static Set<LocalDate> days(String... days) {
		return Stream.of(days).map(LocalDate::parse).collect(Collectors.toSet());
	}
}

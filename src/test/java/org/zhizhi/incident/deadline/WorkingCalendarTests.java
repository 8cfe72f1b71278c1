package org.zhizhi.incident.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.deadline.WorkingCalendar.Hours;
import org.zhizhi.shared.PlatformZone;

/**
 * The working calendar at its edges, on the configured defaults (office hours 09:00–12:00 and 14:00–18:00, Monday to
 * Friday, Asia/Shanghai, the 2026 holidays and 调休 days). Every instant is fixed; nothing reads the system clock.
 */
class WorkingCalendarTests {

	static final ZoneId SHANGHAI = PlatformZone.DEFAULT;

	private final WorkingCalendar calendar = DeadlineDefaults.calendar();

	/** A wall-clock time in Shanghai, e.g. {@code "2026-03-02T09:00"} (a Monday). */
	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	// --- adding office time ------------------------------------------------------------------------------------------

	@Test
	void beforeOfficeHoursTheClockStartsAtNine() {
		assertThat(calendar.addWorkingTime(at("2026-03-02T07:30"), Duration.ofHours(1))).isEqualTo(at("2026-03-02T10:00"));
		assertThat(calendar.addWorkingTime(at("2026-03-02T00:00"), Duration.ofMinutes(1)))
			.isEqualTo(at("2026-03-02T09:01"));
	}

	@Test
	void withinOfficeHoursTimeSimplyRuns() {
		assertThat(calendar.addWorkingTime(at("2026-03-02T09:30"), Duration.ofHours(2))).isEqualTo(at("2026-03-02T11:30"));
		assertThat(calendar.addWorkingTime(at("2026-03-02T14:00"), Duration.ofHours(4))).isEqualTo(at("2026-03-02T18:00"));
	}

	@Test
	void anAmountEndingExactlyAtLunchIsDueAtNoonNotAfterLunch() {
		assertThat(calendar.addWorkingTime(at("2026-03-02T09:00"), Duration.ofHours(3))).isEqualTo(at("2026-03-02T12:00"));
	}

	@Test
	void theLunchBreakDoesNotCount() {
		assertThat(calendar.addWorkingTime(at("2026-03-02T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-02T15:00"));
		assertThat(calendar.addWorkingTime(at("2026-03-02T11:59"), Duration.ofMinutes(2)))
			.isEqualTo(at("2026-03-02T14:01"));
	}

	@Test
	void workHandedOverDuringLunchStartsAtTwo() {
		assertThat(calendar.addWorkingTime(at("2026-03-02T12:00"), Duration.ofMinutes(30)))
			.isEqualTo(at("2026-03-02T14:30"));
		assertThat(calendar.addWorkingTime(at("2026-03-02T13:59"), Duration.ofMinutes(30)))
			.isEqualTo(at("2026-03-02T14:30"));
	}

	@Test
	void afterOfficeHoursTheClockWaitsForTheNextMorning() {
		assertThat(calendar.addWorkingTime(at("2026-03-02T18:30"), Duration.ofHours(1))).isEqualTo(at("2026-03-03T10:00"));
		assertThat(calendar.addWorkingTime(at("2026-03-02T18:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-03T10:00"));
		assertThat(calendar.addWorkingTime(at("2026-03-02T17:30"), Duration.ofHours(1))).isEqualTo(at("2026-03-03T09:30"));
	}

	@Test
	void fridayEveningRunsOnToMondayMorning() {
		assertThat(calendar.addWorkingTime(at("2026-03-06T17:30"), Duration.ofHours(1))).isEqualTo(at("2026-03-09T09:30"));
		assertThat(calendar.addWorkingTime(at("2026-03-07T11:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-09T10:00"));
	}

	@Test
	void aWholeWeekOfOfficeHoursIsThirtyFiveHours() {
		assertThat(calendar.addWorkingTime(at("2026-03-02T09:00"), Duration.ofHours(35))).isEqualTo(at("2026-03-06T18:00"));
		assertThat(calendar.addWorkingTime(at("2026-03-02T09:00"), Duration.ofHours(36))).isEqualTo(at("2026-03-09T10:00"));
	}

	@Test
	void aHolidaySpanningDaysIsSkippedWhole() {
		// 清明节: Saturday 4 to Monday 6 April 2026
		assertThat(calendar.addWorkingTime(at("2026-04-03T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-04-07T10:00"));
		// 国庆节: Thursday 1 to Wednesday 7 October 2026; Thursday 8 is a working day again
		assertThat(calendar.addWorkingTime(at("2026-09-30T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-08T10:00"));
		// 春节: Sunday 15 to Monday 23 February 2026
		assertThat(calendar.addWorkingTime(at("2026-02-15T10:00"), Duration.ofHours(1))).isEqualTo(at("2026-02-24T10:00"));
	}

	@Test
	void anAdjustedWorkingSaturdayOrSundayCounts() {
		// 调休: Saturday 10 October and Sunday 20 September 2026 are worked
		assertThat(calendar.addWorkingTime(at("2026-10-09T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-10T10:00"));
		assertThat(calendar.addWorkingTime(at("2026-09-19T10:00"), Duration.ofHours(1))).isEqualTo(at("2026-09-20T10:00"));
		// Saturday 14 February is worked, then the Spring Festival holiday runs to the 23rd
		assertThat(calendar.addWorkingTime(at("2026-02-13T17:00"), Duration.ofHours(8))).isEqualTo(at("2026-02-14T18:00"));
		assertThat(calendar.addWorkingTime(at("2026-02-13T17:00"), Duration.ofHours(9))).isEqualTo(at("2026-02-24T10:00"));
	}

	@Test
	void workingDaysFollowTheNoticeOfTheStateCouncil() {
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-02"))).as("a Monday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-07"))).as("a Saturday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-01"))).as("元旦").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-04"))).as("调休 Sunday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("调休 Saturday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-23"))).as("春节 Monday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).as("调休 Saturday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-05"))).as("劳动节 Tuesday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-09"))).as("调休 Saturday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-06-19"))).as("端午节 Friday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-25"))).as("中秋节 Friday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-07"))).as("国庆节 Wednesday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-08"))).as("after 国庆节").isTrue();
	}

	@Test
	void in2027TheStatutoryHolidaysAreDaysOffUntilTheNoticeAddsItsRuns() {
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).as("元旦 Friday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-05"))).as("除夕 Friday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-08"))).as("正月初三 Monday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-09"))).as("正月初四 Tuesday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-04-05"))).as("清明节 Monday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-06-09"))).as("端午节 Wednesday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-09-15"))).as("中秋节 Wednesday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-01"))).as("国庆节 Friday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-04"))).as("Monday after 国庆节, no notice yet")
			.isTrue();
	}

	@Test
	void workingTimeIsInsideOfficeHoursOnly() {
		assertThat(calendar.isWorkingTime(at("2026-03-02T09:00"))).isTrue();
		assertThat(calendar.isWorkingTime(at("2026-03-02T11:59"))).isTrue();
		assertThat(calendar.isWorkingTime(at("2026-03-02T12:00"))).isFalse();
		assertThat(calendar.isWorkingTime(at("2026-03-02T08:59"))).isFalse();
		assertThat(calendar.isWorkingTime(at("2026-03-02T18:00"))).isFalse();
		assertThat(calendar.isWorkingTime(at("2026-03-07T10:00"))).isFalse();
	}

	@Test
	void zeroIsDueAtOnceWhereverItStarts() {
		assertThat(calendar.addWorkingTime(at("2026-03-02T10:00"), Duration.ZERO)).isEqualTo(at("2026-03-02T10:00"));
		assertThat(calendar.addWorkingTime(at("2026-03-07T23:00"), Duration.ZERO)).isEqualTo(at("2026-03-07T23:00"));
		assertThat(calendar.addOnWorkingDays(at("2026-10-03T23:00"), Duration.ZERO)).isEqualTo(at("2026-10-03T23:00"));
	}

	@Test
	void aNegativeAmountIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> calendar.addWorkingTime(at("2026-03-02T10:00"), Duration.ofMinutes(-1)));
	}

	// --- measuring office time -----------------------------------------------------------------------------------------

	@Test
	void workingTimeBetweenCountsOnlyOfficeHours() {
		assertThat(calendar.workingTimeBetween(at("2026-03-02T08:00"), at("2026-03-02T20:00"))).isEqualTo(Duration.ofHours(7));
		assertThat(calendar.workingTimeBetween(at("2026-03-02T12:10"), at("2026-03-02T13:50"))).isZero();
		assertThat(calendar.workingTimeBetween(at("2026-03-02T11:30"), at("2026-03-02T14:30")))
			.isEqualTo(Duration.ofHours(1));
		assertThat(calendar.workingTimeBetween(at("2026-03-06T17:00"), at("2026-03-09T10:00")))
			.isEqualTo(Duration.ofHours(2));
		assertThat(calendar.workingTimeBetween(at("2026-09-30T09:00"), at("2026-10-08T18:00")))
			.isEqualTo(Duration.ofHours(14));
		assertThat(calendar.workingTimeBetween(at("2026-10-09T09:00"), at("2026-10-10T18:00")))
			.as("调休 Saturday").isEqualTo(Duration.ofHours(14));
	}

	@Test
	void workingTimeBetweenIsZeroForOneInstantAndNegativeBackwards() {
		assertThat(calendar.workingTimeBetween(at("2026-03-02T10:00"), at("2026-03-02T10:00"))).isZero();
		assertThat(calendar.workingTimeBetween(at("2026-03-09T10:00"), at("2026-03-06T17:00")))
			.isEqualTo(Duration.ofHours(-2));
	}

	@Test
	void addingAndMeasuringAgreeEveryHalfHourOfAHolidayFortnight() {
		List<Duration> amounts = List.of(Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofHours(2),
				Duration.ofHours(3), Duration.ofHours(7), Duration.ofHours(24), Duration.ofHours(40));
		for (Instant start = at("2026-09-28T00:00"); start.isBefore(at("2026-10-12T00:00")); start = start
			.plus(Duration.ofMinutes(30))) {
			for (Duration amount : amounts) {
				Instant due = calendar.addWorkingTime(start, amount);
				assertThat(calendar.workingTimeBetween(start, due)).as("%s + %s", start, amount).isEqualTo(amount);
				assertThat(calendar.isWorkingTime(due.minusNanos(1))).as("due %s just before is worked", due).isTrue();
				Instant onDays = calendar.addOnWorkingDays(start, amount);
				assertThat(calendar.timeOnWorkingDaysBetween(start, onDays)).as("%s + %s", start, amount)
					.isEqualTo(amount);
			}
		}
	}

	// --- whole working days (节假日顺延) -----------------------------------------------------------------------------

	@Test
	void onWorkingDaysTheClockRunsAllDayButStopsOverWeekendsAndHolidays() {
		assertThat(calendar.addOnWorkingDays(at("2026-03-02T20:00"), Duration.ofHours(24))).isEqualTo(at("2026-03-03T20:00"));
		assertThat(calendar.addOnWorkingDays(at("2026-03-06T17:00"), Duration.ofHours(24))).isEqualTo(at("2026-03-09T17:00"));
		assertThat(calendar.addOnWorkingDays(at("2026-03-07T10:00"), Duration.ofHours(24))).isEqualTo(at("2026-03-10T00:00"));
		assertThat(calendar.addOnWorkingDays(at("2026-09-30T10:00"), Duration.ofHours(24))).isEqualTo(at("2026-10-08T10:00"));
		assertThat(calendar.addOnWorkingDays(at("2026-10-09T10:00"), Duration.ofHours(24)))
			.as("调休 Saturday").isEqualTo(at("2026-10-10T10:00"));
		assertThat(calendar.timeOnWorkingDaysBetween(at("2026-03-06T17:00"), at("2026-03-09T17:00")))
			.isEqualTo(Duration.ofHours(24));
	}

	// --- the zone ------------------------------------------------------------------------------------------------------

	@Test
	void shanghaiKeepsOneOffsetAllYearSoNineOClockIsOneUtcWhenEuropeChangesItsClocks() {
		assertThat(calendar.zone()).isEqualTo(SHANGHAI);
		for (String day : List.of("2026-01-05", "2026-03-30", "2026-07-06", "2026-10-26")) {
			assertThat(calendar.addWorkingTime(LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant(),
					Duration.ofMinutes(1)))
				.as(day).isEqualTo(Instant.parse(day + "T01:01:00Z"));
		}
		// the weekend Europe moves to summer time changes nothing here: two office hours are two real hours apart
		assertThat(calendar.addWorkingTime(at("2026-03-27T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-30T10:00"));
	}

	@Test
	void inAZoneWithSummerTimeTheShortDayIsShortAndOfficeHoursStayOnTheWallClock() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		WorkingCalendar everyDay = new WorkingCalendar(berlin, EnumSet.allOf(DayOfWeek.class),
				List.of(Hours.parse("09:00-12:00")), Set.of(), Set.of());
		Instant saturdayNoon = LocalDateTime.parse("2026-03-28T12:00").atZone(berlin).toInstant();
		// Sunday 29 March 2026 has 23 hours: 24 real hours from Saturday noon end at 13:00 on Sunday's wall clock
		assertThat(everyDay.addOnWorkingDays(saturdayNoon, Duration.ofHours(24)))
			.isEqualTo(LocalDateTime.parse("2026-03-29T13:00").atZone(berlin).toInstant());
		assertThat(everyDay.addWorkingTime(saturdayNoon, Duration.ofHours(1)))
			.isEqualTo(LocalDateTime.parse("2026-03-29T10:00").atZone(berlin).toInstant());
	}

	// --- configuration -------------------------------------------------------------------------------------------------

	@Test
	void overlappingHoursNoWeekdaysOrADayThatIsBothHolidayAndWorkdayAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkingCalendar(SHANGHAI,
				EnumSet.of(DayOfWeek.MONDAY), List.of(Hours.parse("09:00-12:00"), Hours.parse("11:00-13:00")),
				Set.of(), Set.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkingCalendar(SHANGHAI,
				EnumSet.noneOf(DayOfWeek.class), List.of(Hours.parse("09:00-12:00")), Set.of(), Set.of()));
		LocalDate day = LocalDate.parse("2026-10-01");
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkingCalendar(SHANGHAI,
				EnumSet.of(DayOfWeek.MONDAY), List.of(Hours.parse("09:00-12:00")), Set.of(day), Set.of(day)));
		assertThatIllegalArgumentException().isThrownBy(() -> Hours.parse("18:00-09:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> Hours.parse("09:00"));
	}

	@Test
	void holidayRunsAreReadDayByDay() {
		CalendarProperties properties = new CalendarProperties(SHANGHAI, EnumSet.of(DayOfWeek.MONDAY),
				List.of("09:00-12:00"), List.of("2026-03-02..2026-03-04", "2026-03-09"), List.of());
		WorkingCalendar mondays = properties.toCalendar(SHANGHAI);
		assertThat(mondays.isWorkingDay(LocalDate.parse("2026-03-02"))).isFalse();
		assertThat(mondays.isWorkingDay(LocalDate.parse("2026-03-09"))).isFalse();
		assertThat(mondays.isWorkingDay(LocalDate.parse("2026-03-16"))).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new CalendarProperties(SHANGHAI,
				EnumSet.of(DayOfWeek.MONDAY), List.of("09:00-12:00"), List.of("2026-03-04..2026-03-02"), List.of())
			.toCalendar(SHANGHAI));
	}
}

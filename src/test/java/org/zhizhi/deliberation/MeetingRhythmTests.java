package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** 逢四说事 on the 4th, or the next working day; a monthly day past the month's end is its last day. */
class MeetingRhythmTests {

	@Test
	void theFourthOnAWeekdayStaysAndOnAWeekendMovesToMonday() {
		assertThat(MeetingRhythm.dayIn(YearMonth.of(2026, 12), 4)).isEqualTo(LocalDate.of(2026, 12, 4)); // Friday
		assertThat(MeetingRhythm.dayIn(YearMonth.of(2026, 10), 4)).isEqualTo(LocalDate.of(2026, 10, 5)); // Sunday
		assertThat(MeetingRhythm.dayIn(YearMonth.of(2026, 7), 4)).isEqualTo(LocalDate.of(2026, 7, 6)); // Saturday
	}

	@Test
	void aDayPastTheMonthsEndIsItsLastDay() {
		assertThat(MeetingRhythm.dayIn(YearMonth.of(2026, 2), 31)).isEqualTo(LocalDate.of(2026, 3, 2))
			.as("28 February 2026 is a Saturday: the next working day");
		assertThat(MeetingRhythm.dayIn(YearMonth.of(2026, 4), 31)).isEqualTo(LocalDate.of(2026, 4, 30));
	}

	@Test
	void theNextMeetingIsThisMonthsIfItIsStillAheadElseNextMonths() {
		assertThat(MeetingRhythm.nextOnOrAfter(LocalDate.of(2026, 12, 4), 4)).isEqualTo(LocalDate.of(2026, 12, 4));
		assertThat(MeetingRhythm.nextOnOrAfter(LocalDate.of(2026, 12, 5), 4)).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(MeetingRhythm.nextOnOrAfter(LocalDate.of(2026, 6, 10), 25)).isEqualTo(LocalDate.of(2026, 6, 25));
		assertThat(MeetingRhythm.nextOnOrAfter(LocalDate.of(2026, 10, 5), 4)).as("the 4th moved to Monday the 5th")
			.isEqualTo(LocalDate.of(2026, 10, 5));
	}
}

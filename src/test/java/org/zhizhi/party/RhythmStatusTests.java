package org.zhizhi.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Periods of a rhythm and when an organisation is behind it, without Spring or today's date. */
class RhythmStatusTests {

	private static final MeetingRhythm MONTHLY = new MeetingRhythm(MeetingKind.THEME_DAY, PartyLevel.BRANCH, 1, 7);

	private static final MeetingRhythm QUARTERLY = new MeetingRhythm(MeetingKind.LECTURE, PartyLevel.BRANCH, 3, 15);

	private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

	private static LocalDate d(String day) {
		return LocalDate.parse(day);
	}

	@Test
	void periodsAreCalendarMonthsAndQuarters() {
		assertThat(MONTHLY.periodStart(d("2026-06-10"))).isEqualTo(d("2026-06-01"));
		assertThat(MONTHLY.periodEnd(d("2026-06-30"))).isEqualTo(d("2026-07-01"));
		assertThat(QUARTERLY.periodStart(d("2026-06-10"))).isEqualTo(d("2026-04-01"));
		assertThat(QUARTERLY.periodEnd(d("2026-06-10"))).isEqualTo(d("2026-07-01"));
		assertThat(QUARTERLY.periodStart(d("2026-12-31"))).isEqualTo(d("2026-10-01"));
		assertThat(QUARTERLY.periodEnd(d("2026-12-31"))).isEqualTo(d("2027-01-01"));
	}

	@Test
	void heldInTheLastPeriodAndEarlyInThisOneIsOnRhythm() {
		RhythmStatus status = RhythmStatus.of(MONTHLY, List.of(d("2026-05-20")), List.of(), LONG_AGO, d("2026-06-10"));
		assertThat(status.held()).isFalse();
		assertThat(status.missedLastPeriod()).isFalse();
		assertThat(status.behind()).isFalse();
	}

	@Test
	void aMissedLastPeriodIsBehindUntilAMeetingIsHeldInThisOne() {
		RhythmStatus missed = RhythmStatus.of(MONTHLY, List.of(d("2026-04-15")), List.of(d("2026-06-20")), LONG_AGO,
				d("2026-06-10"));
		assertThat(missed.missedLastPeriod()).isTrue();
		assertThat(missed.scheduled()).isTrue();
		assertThat(missed.behind()).isTrue();

		RhythmStatus caughtUp = RhythmStatus.of(MONTHLY, List.of(d("2026-04-15"), d("2026-06-05")), List.of(),
				LONG_AGO, d("2026-06-10"));
		assertThat(caughtUp.held()).isTrue();
		assertThat(caughtUp.missedLastPeriod()).isTrue();
		assertThat(caughtUp.behind()).isFalse();
	}

	@Test
	void nearThePeriodsEndWithNothingHeldOrScheduledIsBehind() {
		List<LocalDate> lastQuarter = List.of(d("2026-02-10"));
		assertThat(RhythmStatus.of(QUARTERLY, lastQuarter, List.of(), LONG_AGO, d("2026-06-15")).behind()).isFalse();
		assertThat(RhythmStatus.of(QUARTERLY, lastQuarter, List.of(), LONG_AGO, d("2026-06-16")).behind()).isTrue();
		assertThat(RhythmStatus.of(QUARTERLY, lastQuarter, List.of(d("2026-06-28")), LONG_AGO, d("2026-06-16"))
			.behind()).isFalse();
	}

	@Test
	void anOrganisationFoundedDuringTheLastPeriodDidNotMissIt() {
		RhythmStatus young = RhythmStatus.of(MONTHLY, List.of(), List.of(), d("2026-05-20"), d("2026-06-10"));
		assertThat(young.missedLastPeriod()).isFalse();
		assertThat(young.behind()).isFalse();
		RhythmStatus older = RhythmStatus.of(MONTHLY, List.of(), List.of(), d("2026-05-01"), d("2026-06-10"));
		assertThat(older.missedLastPeriod()).isTrue();
	}
}

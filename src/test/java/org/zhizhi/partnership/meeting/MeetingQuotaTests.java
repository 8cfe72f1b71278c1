package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The meetings due by a day: one by the end of each quarter, the quarter's last day still in time. */
class MeetingQuotaTests {

	@ParameterizedTest(name = "{0}: {1} due")
	@CsvSource({ "2026-01-01, 0", "2026-03-31, 0", "2026-04-01, 1", "2026-06-30, 1", "2026-07-01, 2",
			"2026-09-30, 2", "2026-10-01, 3", "2026-12-31, 3", "2027-01-01, 4", "2030-06-01, 4", "2025-12-31, 0" })
	void dueByTheEndOfEachQuarter(LocalDate day, int due) {
		assertThat(MeetingQuota.dueBy(2026, day)).isEqualTo(due);
	}

	@Test
	void aCommunityWithFewerHeldThanDueIsBehind() {
		MeetingQuota july = MeetingQuota.of(2026, LocalDate.of(2026, 7, 1), 1);
		assertThat(july.due()).isEqualTo(2);
		assertThat(july.behind()).isTrue();
		assertThat(july.missing()).isEqualTo(1);
	}

	@Test
	void holdingAheadOfTheCalendarIsNotBehindAndMissesNothing() {
		MeetingQuota march = MeetingQuota.of(2026, LocalDate.of(2026, 3, 31), 2);
		assertThat(march.behind()).isFalse();
		assertThat(march.missing()).isZero();
		assertThat(MeetingQuota.of(2026, LocalDate.of(2026, 10, 1), 3).behind()).isFalse();
	}
}

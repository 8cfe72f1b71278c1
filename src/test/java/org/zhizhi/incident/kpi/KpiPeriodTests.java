package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class KpiPeriodTests {

	private static KpiPeriod period(String from, String to) {
		return new KpiPeriod(LocalDate.parse(from), LocalDate.parse(to));
	}

	@Test
	void thisMonthSoFarIsComparedWithTheSameDaysOfTheMonthBefore() {
		KpiPeriod month = KpiPeriod.monthOf(LocalDate.parse("2026-11-23"));
		assertThat(month).isEqualTo(period("2026-11-01", "2026-11-23"));
		assertThat(month.previous()).isEqualTo(period("2026-10-01", "2026-10-23"));
		assertThat(month.yearEarlier()).isEqualTo(period("2025-11-01", "2025-11-23"));
	}

	@Test
	void aWholeMonthIsComparedWithTheWholeMonthBefore() {
		assertThat(period("2026-03-01", "2026-03-31").previous()).isEqualTo(period("2026-02-01", "2026-02-28"));
		assertThat(period("2026-02-01", "2026-02-28").previous()).isEqualTo(period("2026-01-01", "2026-01-31"));
		assertThat(period("2026-03-01", "2026-03-30").previous()).isEqualTo(period("2026-02-01", "2026-02-28"));
	}

	@Test
	void anyOtherPeriodIsComparedWithTheEquallyLongStretchJustBefore() {
		assertThat(period("2026-03-05", "2026-03-14").previous()).isEqualTo(period("2026-02-23", "2026-03-04"));
		KpiPeriod year = KpiPeriod.yearOf(LocalDate.parse("2026-11-23"));
		assertThat(year).isEqualTo(period("2026-01-01", "2026-11-23"));
		assertThat(year.previous().days()).isEqualTo(year.days());
		assertThat(year.previous().to()).isEqualTo(LocalDate.parse("2025-12-31"));
	}

	@Test
	void theTwentyNinthOfFebruaryFallsBackAYearEarlier() {
		assertThat(period("2028-02-01", "2028-02-29").yearEarlier()).isEqualTo(period("2027-02-01", "2027-02-28"));
	}

	@Test
	void wholePastMonthsOfAPeriodAreReadFromTheMonthlyRollup() {
		LocalDate today = LocalDate.parse("2026-11-23");
		assertThat(KpiRollups.wholeMonths(LocalDate.parse("2026-02-15"), LocalDate.parse("2026-04-05"), today))
			.containsExactly(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"));
		assertThat(KpiRollups.wholeMonths(LocalDate.parse("2026-01-01"), today, today))
			.as("this year: January to October, November from the days")
			.containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-11-01"));
		assertThat(KpiRollups.wholeMonths(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), today))
			.as("the current month is never read as a whole")
			.containsExactly(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01"));
		assertThat(KpiRollups.wholeMonths(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-14"), today))
			.as("no whole month")
			.containsExactly(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-01"));
	}
}

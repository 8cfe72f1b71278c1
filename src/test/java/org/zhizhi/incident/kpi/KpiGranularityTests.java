package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;

class KpiGranularityTests {

	private static KpiPeriod period(String from, String to) {
		return new KpiPeriod(LocalDate.parse(from), LocalDate.parse(to));
	}

	@Test
	void monthsAreCalendarMonthsCutToThePeriod() {
		List<KpiPeriod> months = KpiGranularity.MONTH.buckets(period("2026-01-15", "2026-04-10"));
		assertThat(months).containsExactly(period("2026-01-15", "2026-01-31"), period("2026-02-01", "2026-02-28"),
				period("2026-03-01", "2026-03-31"), period("2026-04-01", "2026-04-10"));
		assertThat(months.stream().map(KpiGranularity.MONTH::key)).containsExactly("2026-01", "2026-02", "2026-03",
				"2026-04");
	}

	@Test
	void weeksRunMondayToSundayAndAreNamedByTheirIsoWeek() {
		// 2026-06-10 is a Wednesday of ISO week 24; 2025-12-29 (a Monday) begins week 1 of 2026
		List<KpiPeriod> weeks = KpiGranularity.WEEK.buckets(period("2026-05-27", "2026-06-10"));
		assertThat(weeks).containsExactly(period("2026-05-27", "2026-05-31"), period("2026-06-01", "2026-06-07"),
				period("2026-06-08", "2026-06-10"));
		assertThat(weeks.stream().map(KpiGranularity.WEEK::key)).containsExactly("2026-W22", "2026-W23", "2026-W24");
		assertThat(KpiGranularity.WEEK.key(period("2025-12-29", "2026-01-04"))).isEqualTo("2026-W01");
		assertThat(KpiGranularity.WEEK.key(period("2027-01-01", "2027-01-03"))).isEqualTo("2026-W53");
	}

	@Test
	void theBucketsCoverThePeriodDayByDayAndAreCountedWithoutBeingMade() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 2000; i++) {
			LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1200));
			KpiPeriod period = new KpiPeriod(from, from.plusDays(random.nextInt(IncidentKpis.MAX_DAYS)));
			for (KpiGranularity cut : KpiGranularity.values()) {
				List<KpiPeriod> buckets = cut.buckets(period);
				assertThat(cut.count(period)).as("%s %s", cut, period).isEqualTo(buckets.size());
				assertThat(buckets.getFirst().from()).isEqualTo(period.from());
				assertThat(buckets.getLast().to()).isEqualTo(period.to());
				for (int k = 1; k < buckets.size(); k++) {
					assertThat(buckets.get(k).from()).isEqualTo(buckets.get(k - 1).to().plusDays(1));
				}
				assertThat(buckets.stream().mapToLong(KpiPeriod::days).sum()).isEqualTo(period.days());
			}
		}
	}

	@Test
	void overTwoMonthsTheDefaultIsByMonthOtherwiseByWeek() {
		assertThat(KpiGranularity.defaultFor(period("2026-01-01", "2026-06-10"))).isEqualTo(KpiGranularity.MONTH);
		assertThat(KpiGranularity.defaultFor(period("2026-01-01", "2026-03-04"))).isEqualTo(KpiGranularity.MONTH);
		assertThat(KpiGranularity.defaultFor(period("2026-01-01", "2026-03-03"))).isEqualTo(KpiGranularity.WEEK);
		assertThat(KpiGranularity.defaultFor(period("2026-06-01", "2026-06-10"))).isEqualTo(KpiGranularity.WEEK);
	}

	@Test
	void aGranularityIsReadFromTextAndAnythingElseNamesTheField() {
		assertThat(KpiGranularity.parse(" week ")).isEqualTo(KpiGranularity.WEEK);
		assertThat(KpiGranularity.parse("")).isNull();
		assertThat(KpiGranularity.parse(null)).isNull();
		assertThatThrownBy(() -> KpiGranularity.parse("DAY")).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.fieldProblems()).extracting(DomainException.FieldProblem::field)
					.containsExactly("granularity"));
	}
}

package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KpiFiguresTests {

	/** reported … basically satisfied, in the order of the rollup's counters. */
	private static KpiRollups.KpiSums sums(long... counters) {
		return new KpiRollups.KpiSums(counters, KpiHistogram.empty(), KpiHistogram.empty(), KpiHistogram.empty());
	}

	@Test
	void basicallySatisfiedCountsAsSatisfiedOnlyWhenConfigured() {
		KpiRollups.KpiSums sums = sums(10, 10, 8, 8, 8, 8, 2, 6, 6, 8, 5, 5, 3, 1);
		assertThat(KpiFigures.of(sums, true).satisfactionRate()).isEqualTo(4 / 5.0);
		assertThat(KpiFigures.of(sums, false).satisfactionRate()).isEqualTo(3 / 5.0);
	}

	@Test
	void everyRateHasItsOwnNumeratorAndDenominator() {
		KpiFigures f = KpiFigures.of(sums(10, 10, 8, 8, 8, 6, 3, 5, 4, 8, 2, 5, 3, 1), true);
		assertThat(f.handlingRate()).isEqualTo(6 / 8.0);
		assertThat(f.closureRate()).isEqualTo(5 / 8.0);
		assertThat(f.onTimeClosureRate()).isEqualTo(2 / 8.0);
		assertThat(f.reworkRate()).isEqualTo(3 / 6.0);
		assertThat(f.selfHandledRate()).isEqualTo(4 / 5.0);
	}

	@Test
	void aRateWithoutDenominatorIsNullNotZero() {
		KpiFigures f = KpiFigures.of(sums(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), true);
		assertThat(f.handlingRate()).isNull();
		assertThat(f.closureRate()).isNull();
		assertThat(f.satisfactionRate()).isNull();
		assertThat(f.timeToClose()).isNull();
	}
}

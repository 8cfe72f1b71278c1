package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class KpiFiguresTests {

	/**
	 * reported … basically satisfied, then dispatched-and-handled, handled-and-reworked, due-and-closed, in the order
	 * of the rollup's counters; and how many of the dispatched were handled after the period's end.
	 */
	private static KpiRollups.KpiSums sums(long handledAfterEnd, long... counters) {
		return new KpiRollups.KpiSums(counters, handledAfterEnd, KpiHistogram.empty(), KpiHistogram.empty(),
				KpiHistogram.empty());
	}

	@Test
	void basicallySatisfiedCountsAsSatisfiedOnlyWhenConfigured() {
		KpiRollups.KpiSums sums = sums(0, 10, 10, 8, 8, 8, 8, 2, 6, 6, 8, 5, 5, 3, 1, 8, 2, 6);
		assertThat(KpiFigures.of(sums, true).satisfactionRate()).isEqualTo(4 / 5.0);
		assertThat(KpiFigures.of(sums, false).satisfactionRate()).isEqualTo(3 / 5.0);
	}

	@Test
	void everyRateCountsItsOwnCohort() {
		// 8 whistled, 6 of them handled (and 7 handled in the period, one whistled before it); 8 due, 5 of them closed
		KpiFigures f = KpiFigures.of(sums(2, 10, 10, 8, 8, 8, 7, 3, 5, 4, 8, 2, 5, 3, 1, 6, 3, 5), true);
		assertThat(f.handlingRate()).isEqualTo(6 / 8.0);
		assertThat(f.dispatchedHandledByEnd()).isEqualTo(4);
		assertThat(f.handlingRateByEnd()).isEqualTo(4 / 8.0);
		assertThat(f.closureRate()).isEqualTo(5 / 8.0);
		assertThat(f.onTimeClosureRate()).isEqualTo(2 / 8.0);
		assertThat(f.reworkRate()).isEqualTo(3 / 7.0);
		assertThat(f.selfHandledRate()).isEqualTo(4 / 5.0);
	}

	@Test
	void handledInThePeriodButWhistledBeforeItDoesNotRaiseTheHandlingRate() {
		// the old definition, handled ÷ dispatched of the period, gave 9 / 8
		KpiFigures f = KpiFigures.of(sums(0, 10, 10, 8, 8, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0), true);
		assertThat(f.handled()).isEqualTo(9);
		assertThat(f.handlingRate()).isEqualTo(1.0);
	}

	@Test
	void aNumeratorOutsideItsCohortIsABugNotARate() {
		assertThatIllegalStateException().isThrownBy(() -> KpiFigures.rate(9, 8));
		assertThatIllegalStateException().isThrownBy(() -> KpiFigures.rate(-1, 8));
		assertThat(KpiFigures.rate(8, 8)).isEqualTo(1.0);
		assertThat(KpiFigures.rate(0, 0)).isNull();
	}

	@Test
	void aRateWithoutDenominatorIsNullNotZero() {
		KpiFigures f = KpiFigures.of(sums(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), true);
		assertThat(f.handlingRate()).isNull();
		assertThat(f.handlingRateByEnd()).isNull();
		assertThat(f.closureRate()).isNull();
		assertThat(f.satisfactionRate()).isNull();
		assertThat(f.timeToClose()).isNull();
	}
}

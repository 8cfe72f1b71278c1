package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.kpi.KpiHistogram.Median;

class KpiHistogramTests {

	@Test
	void anEmptyHistogramHasNoMedian() {
		assertThat(KpiHistogram.empty().median()).isNull();
	}

	@Test
	void aSingleDurationIsItsOwnMedianBucket() {
		assertThat(KpiHistogram.of(100).median()).isEqualTo(new Median(90, 120, 1));
	}

	@Test
	void theMedianOfAnOddCountIsTheMiddleDuration() {
		assertThat(KpiHistogram.of(3, 7, 100, 2000, 2100).median()).isEqualTo(new Median(90, 120, 5));
	}

	@Test
	void theMedianOfAnEvenCountIsTheLowerMiddleDuration() {
		// 4 durations: the 2nd smallest (12 minutes) is the median, never a value between two buckets
		assertThat(KpiHistogram.of(1.5, 12, 700, 800).median()).isEqualTo(new Median(10, 15, 4));
	}

	@Test
	void boundsBelongToTheBucketTheyOpen() {
		assertThat(KpiHistogram.bucketOf(0)).isZero();
		assertThat(KpiHistogram.bucketOf(0.99)).isZero();
		assertThat(KpiHistogram.bucketOf(1)).isEqualTo(1);
		assertThat(KpiHistogram.bucketOf(59.999)).isEqualTo(KpiHistogram.BOUNDS_MINUTES.indexOf(45));
		assertThat(KpiHistogram.bucketOf(60)).isEqualTo(KpiHistogram.BOUNDS_MINUTES.indexOf(60));
		assertThat(KpiHistogram.bucketOf(-5)).as("clocks set apart").isZero();
	}

	@Test
	void theLastBucketIsOpenEnded() {
		assertThat(KpiHistogram.of(60 * 24 * 45, 60 * 24 * 90, 1).median()).isEqualTo(new Median(43200, null, 3));
	}

	@Test
	void summedHistogramsGiveTheMedianOfAllTheirDurations() {
		KpiHistogram grid1 = KpiHistogram.of(5, 6, 7);
		KpiHistogram grid2 = KpiHistogram.of(300, 400, 500, 600);
		// 7 durations: the 4th smallest is 300
		assertThat(grid1.plus(grid2).median()).isEqualTo(new Median(240, 360, 7));
		assertThat(grid1.plus(grid2)).isEqualTo(KpiHistogram.of(5, 6, 7, 300, 400, 500, 600));
	}

	@Test
	void aHistogramHasExactlyTheBucketsOfTheBounds() {
		assertThatThrownBy(() -> new KpiHistogram(new long[3])).isInstanceOf(IllegalArgumentException.class);
	}
}

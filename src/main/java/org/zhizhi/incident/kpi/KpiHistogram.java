package org.zhizhi.incident.kpi;

import java.util.Arrays;
import java.util.List;

/**
 * A duration histogram as the rollups keep it: counts of durations in minutes in the buckets [b(k), b(k+1)) of
 * {@link #BOUNDS_MINUTES}, the last bucket open-ended. The database's {@code incident.kpi_bucket} uses the same bounds.
 * Summing histograms of many grids and days is exact, so the median of any scope and period comes out of the rollups
 * — to the bucket: it is reported as the bucket that holds it.
 */
public record KpiHistogram(long[] counts) {

	/** 0, 1, 2, 5, 10 … minutes up to 30 days: fine where handling is fast, coarse where it takes days. */
	public static final List<Integer> BOUNDS_MINUTES = List.of(0, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240,
			360, 480, 720, 1080, 1440, 2160, 2880, 4320, 5760, 7200, 10080, 14400, 20160, 30240, 43200);

	public KpiHistogram {
		if (counts.length != BOUNDS_MINUTES.size()) {
			throw new IllegalArgumentException("a histogram has " + BOUNDS_MINUTES.size() + " buckets");
		}
		counts = counts.clone();
	}

	public static KpiHistogram empty() {
		return new KpiHistogram(new long[BOUNDS_MINUTES.size()]);
	}

	/** The histogram of single durations, for tests and the bucket a duration falls in. */
	public static KpiHistogram of(double... minutes) {
		long[] counts = new long[BOUNDS_MINUTES.size()];
		for (double m : minutes) {
			counts[bucketOf(m)]++;
		}
		return new KpiHistogram(counts);
	}

	/** The zero-based bucket of a duration; negative durations (clocks set apart) count in the first. */
	public static int bucketOf(double minutes) {
		int bucket = 0;
		for (int k = 0; k < BOUNDS_MINUTES.size(); k++) {
			if (minutes >= BOUNDS_MINUTES.get(k)) {
				bucket = k;
			}
		}
		return bucket;
	}

	public long total() {
		return Arrays.stream(counts).sum();
	}

	/**
	 * The bucket holding the median, or null for an empty histogram. The median of n durations is the ⌈n/2⌉-th
	 * smallest (the lower median for an even n), so it is always one of the durations counted.
	 */
	public Median median() {
		long n = total();
		if (n == 0) {
			return null;
		}
		long rank = (n + 1) / 2;
		long seen = 0;
		for (int k = 0; k < counts.length; k++) {
			seen += counts[k];
			if (seen >= rank) {
				return new Median(BOUNDS_MINUTES.get(k), k + 1 < BOUNDS_MINUTES.size() ? BOUNDS_MINUTES.get(k + 1) : null,
						n);
			}
		}
		throw new IllegalStateException("unreachable");
	}

	public KpiHistogram plus(KpiHistogram other) {
		long[] sum = counts.clone();
		for (int k = 0; k < sum.length; k++) {
			sum[k] += other.counts[k];
		}
		return new KpiHistogram(sum);
	}

	@Override
	public long[] counts() {
		return counts.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KpiHistogram h && Arrays.equals(counts, h.counts);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(counts);
	}

	@Override
	public String toString() {
		return Arrays.toString(counts);
	}

	/**
	 * The median as the bucket that holds it: at least {@code fromMinutes}, below {@code toMinutes} (null for the last,
	 * open-ended bucket), out of {@code count} durations.
	 */
	public record Median(int fromMinutes, Integer toMinutes, long count) {
	}
}

package org.zhizhi.shared.jobs;

/**
 * The arithmetic of a job's progress, apart from where it is kept: how much is done of how much, as a percentage,
 * and when the count has moved far enough to be worth writing down. A job of 20,000 rows must not write 20,000 rows of
 * progress; the page polls every 2 s, so about one write per percent (or per second when the total is not known yet)
 * is all anyone sees.
 */
public final class JobProgress {

	/** Without a total, every this many items (or {@link #MAX_SILENCE_MILLIS}) is written. */
	static final long UNKNOWN_TOTAL_STEP = 100;

	static final long MAX_SILENCE_MILLIS = 1_000;

	private Long total;

	private long done;

	private long writtenDone = -1;

	private Long writtenTotal;

	private long writtenAtMillis;

	/** How much there is in all; known once the work has counted it (a sheet read, a list counted). */
	public synchronized void total(long total) {
		if (total < 0) {
			throw new IllegalArgumentException("a total cannot be negative: " + total);
		}
		this.total = total;
		this.done = Math.min(done, total);
	}

	/** Counts items done; never beyond the total, so the bar never shows more than 100 %. */
	public synchronized void advance(long items) {
		if (items < 0) {
			throw new IllegalArgumentException("progress only goes forward: " + items);
		}
		done = total == null ? done + items : Math.min(total, done + items);
	}

	public synchronized Long total() {
		return total;
	}

	public synchronized long done() {
		return done;
	}

	/** 0–100, or -1 while the total is unknown (the page then shows a bar without a figure). */
	public synchronized int percent() {
		return percent(done, total);
	}

	static int percent(long done, Long total) {
		if (total == null) {
			return -1;
		}
		if (total == 0) {
			return 100; // nothing to do is all done
		}
		return (int) Math.min(100, done * 100 / total);
	}

	/**
	 * Whether the count has moved enough since it was last written: a percent more (at least one item), a total now
	 * known, everything done, or a second gone by with anything new.
	 */
	synchronized boolean worthWriting(long nowMillis) {
		boolean newTotal = total != null && !total.equals(writtenTotal);
		if (done == writtenDone && !newTotal) {
			return false;
		}
		if (writtenDone < 0 || newTotal || total != null && done == total || nowMillis - writtenAtMillis >= MAX_SILENCE_MILLIS) {
			return true;
		}
		long step = total == null ? UNKNOWN_TOTAL_STEP : Math.max(1, total / 100);
		return done - writtenDone >= step;
	}

	synchronized void written(long nowMillis) {
		writtenDone = done;
		writtenTotal = total;
		writtenAtMillis = nowMillis;
	}
}

package org.zhizhi.partnership.meeting;

import java.time.LocalDate;

/**
 * How many joint meetings a community must have held by a day: one by the end of each quarter of the year. On a day of
 * Q1 none is due yet (the claiming meeting is due by 31 March, inclusive); from 1 April one, from 1 July two (with
 * the half-year meeting), from 1 October three, and for a year that is over, four. A future year has none due.
 * Held means HELD or MINUTED with the day it was held inside the year and not after the day asked about; cancelled
 * and planned meetings never count, and any kind counts (two quarterly meetings make up for a late claiming one).
 */
public record MeetingQuota(int year, LocalDate asOf, int due, int held) {

	public static final int PER_YEAR = 4;

	public static int dueBy(int year, LocalDate day) {
		if (day.getYear() < year) {
			return 0;
		}
		if (day.getYear() > year) {
			return PER_YEAR;
		}
		// quarters wholly past: a quarter's meeting may still be held on its last day
		return (day.getMonthValue() - 1) / 3;
	}

	public static MeetingQuota of(int year, LocalDate asOf, int held) {
		return new MeetingQuota(year, asOf, dueBy(year, asOf), held);
	}

	/** Fewer held than due: the community is flagged (会议不足). */
	public boolean behind() {
		return held < due;
	}

	public int missing() {
		return Math.max(0, due - held);
	}
}

package org.zhizhi.incident.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A period of whole days in Asia/Shanghai, both ends included, with the two periods it is compared with.
 */
public record KpiPeriod(LocalDate from, LocalDate to) {

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** This month up to today. */
	public static KpiPeriod monthOf(LocalDate today) {
		return new KpiPeriod(today.withDayOfMonth(1), today);
	}

	/** This year up to today. */
	public static KpiPeriod yearOf(LocalDate today) {
		return new KpiPeriod(today.withDayOfYear(1), today);
	}

	/** 同比: the same days a year earlier (29 February falls back to the 28th). */
	public KpiPeriod yearEarlier() {
		return new KpiPeriod(from.minusYears(1), to.minusYears(1));
	}

	/**
	 * 环比: the period of the same length just before. A period inside one month that starts on the 1st (this month so
	 * far, or a whole month) is compared with the same days of the month before — 1–23 November with 1–23 October, a
	 * whole month with the whole month before, 1–30 March with 1–28 February — as months are compared in reports; any
	 * other period with the equally long stretch of days right before it.
	 */
	public KpiPeriod previous() {
		if (from.getDayOfMonth() == 1 && from.getMonth() == to.getMonth() && from.getYear() == to.getYear()) {
			LocalDate start = from.minusMonths(1);
			LocalDate end = to.getDayOfMonth() == to.lengthOfMonth() ? start.withDayOfMonth(start.lengthOfMonth())
					: to.minusMonths(1);
			return new KpiPeriod(start, end);
		}
		return new KpiPeriod(from.minusDays(days()), from.minusDays(1));
	}
}

package org.zhizhi.incident.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * How a KPI trend cuts its period: into calendar months or ISO weeks (Monday to Sunday), the first and last clipped to
 * the period, so that the points' days are exactly the period's days.
 */
public enum KpiGranularity {

	MONTH, WEEK;

	/** Periods longer than about two months are drawn by month, shorter ones by week. */
	public static final int WEEKS_UP_TO_DAYS = 62;

	/** The default for a period: {@link #MONTH} over {@value #WEEKS_UP_TO_DAYS} days, {@link #WEEK} otherwise. */
	public static KpiGranularity defaultFor(KpiPeriod period) {
		return period.days() > WEEKS_UP_TO_DAYS ? MONTH : WEEK;
	}

	/** The granularity a person asked for, as text; blank: null (the default). Anything else names the field. */
	public static KpiGranularity parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainException.invalid(List.of(new FieldProblem("granularity", "kpi.chart.badGranularity")));
		}
	}

	/** The buckets of a period in order: whole months or weeks, the first and last cut to the period's ends. */
	public List<KpiPeriod> buckets(KpiPeriod period) {
		List<KpiPeriod> buckets = new ArrayList<>();
		LocalDate start = period.from();
		while (!start.isAfter(period.to())) {
			LocalDate end = this == MONTH ? start.with(TemporalAdjusters.lastDayOfMonth())
					: start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
			if (end.isAfter(period.to())) {
				end = period.to();
			}
			buckets.add(new KpiPeriod(start, end));
			start = end.plusDays(1);
		}
		return buckets;
	}

	/** How many buckets a period has, without making them. */
	public long count(KpiPeriod period) {
		if (this == MONTH) {
			return (period.to().getYear() - period.from().getYear()) * 12L + period.to().getMonthValue()
					- period.from().getMonthValue() + 1;
		}
		LocalDate firstMonday = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate lastMonday = period.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return java.time.temporal.ChronoUnit.WEEKS.between(firstMonday, lastMonday) + 1;
	}

	/** The bucket's name for machines: "2026-03" for a month, "2026-W10" for an ISO week (its week-based year). */
	public String key(KpiPeriod bucket) {
		LocalDate day = bucket.from();
		if (this == MONTH) {
			return String.format(Locale.ROOT, "%04d-%02d", day.getYear(), day.getMonthValue());
		}
		return String.format(Locale.ROOT, "%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
				day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}
}

package org.zhizhi.incident.kpi.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.zhizhi.incident.kpi.KpiHistogram;
import org.zhizhi.incident.kpi.KpiHistogram.Median;

/**
 * Durations of the KPI page in words: a median as the bucket that holds it ("1 小时–2 小时", "30 天 以上") and a
 * histogram bucket as a chart's axis names it ("1–2 小时", "45 分钟–1 小时"). One place, so the medians on the page and
 * the buckets of the distribution chart read alike.
 */
@Component
class KpiDurations {

	private static final int HOUR = 60;

	private static final int DAY = 24 * HOUR;

	private final MessageSource messages;

	KpiDurations(MessageSource messages) {
		this.messages = messages;
	}

	/** A median as the bucket that holds it, "—" without one. */
	String span(Median median) {
		if (median == null) {
			return "—";
		}
		Locale locale = LocaleContextHolder.getLocale();
		if (median.toMinutes() == null) {
			return messages.getMessage("kpi.duration.over", new Object[] { duration(median.fromMinutes(), locale) },
					locale);
		}
		return messages.getMessage("kpi.duration.between", new Object[] { duration(median.fromMinutes(), locale),
				duration(median.toMinutes(), locale) }, locale);
	}

	/**
	 * The histogram bucket {@code k} for an axis: both ends in one unit when they share it ("1–2 小时", "1–1.5 天"),
	 * each with its own otherwise ("45 分钟–1 小时"); the last, open bucket "30 天以上".
	 */
	String bucket(int k) {
		Locale locale = LocaleContextHolder.getLocale();
		int from = KpiHistogram.BOUNDS_MINUTES.get(k);
		if (k + 1 >= KpiHistogram.BOUNDS_MINUTES.size()) {
			return messages.getMessage("kpi.duration.over", new Object[] { axis(from, locale) }, locale);
		}
		int to = KpiHistogram.BOUNDS_MINUTES.get(k + 1);
		String unit = axisUnit(to);
		if (from == 0 || unit.equals(axisUnit(from))) {
			return messages.getMessage("kpi.duration." + unit,
					new Object[] { in(from, unit) + "–" + in(to, unit) }, locale);
		}
		return messages.getMessage("kpi.duration.between", new Object[] { axis(from, locale), axis(to, locale) },
				locale);
	}

	private String axis(int minutes, Locale locale) {
		String unit = axisUnit(minutes);
		return messages.getMessage("kpi.duration." + unit, new Object[] { in(minutes, unit) }, locale);
	}

	/** On the axis a day and a half is "1.5 天", not "36 小时" as a median says it. */
	private static String axisUnit(int minutes) {
		return minutes >= DAY ? "days" : minutes >= HOUR ? "hours" : "minutes";
	}

	private static String in(int minutes, String unit) {
		int size = switch (unit) {
			case "days" -> DAY;
			case "hours" -> HOUR;
			default -> 1;
		};
		return minutes % size == 0 ? String.valueOf(minutes / size)
				: String.format(Locale.ROOT, "%.1f", minutes / (double) size);
	}

	/** As the medians have always said it: whole days in days, other durations from an hour on in hours. */
	private String duration(int minutes, Locale locale) {
		if (minutes >= DAY && minutes % DAY == 0) {
			return messages.getMessage("kpi.duration.days", new Object[] { minutes / DAY }, locale);
		}
		if (minutes >= HOUR && minutes % HOUR == 0) {
			return messages.getMessage("kpi.duration.hours", new Object[] { minutes / HOUR }, locale);
		}
		if (minutes >= HOUR) {
			return messages.getMessage("kpi.duration.hours",
					new Object[] { String.format(Locale.ROOT, "%.1f", minutes / (double) HOUR) }, locale);
		}
		return messages.getMessage("kpi.duration.minutes", new Object[] { minutes }, locale);
	}
}

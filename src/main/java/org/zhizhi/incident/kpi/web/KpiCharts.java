package org.zhizhi.incident.kpi.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.zhizhi.incident.kpi.KpiFigures;
import org.zhizhi.incident.kpi.KpiGranularity;
import org.zhizhi.incident.kpi.KpiHistogram;
import org.zhizhi.incident.kpi.KpiPeriod;
import org.zhizhi.incident.kpi.KpiReport;
import org.zhizhi.incident.kpi.KpiReport.GridRank;
import org.zhizhi.incident.kpi.KpiTrend;

/**
 * What the KPI page's charts draw, as the tables behind them: the trend of the six rates (sent to the page's script
 * as JSON), the distribution of the times to claim, arrive and close, and the grid ranking (both rendered in the page
 * as tables, which the script reads to draw). Every rate is written as the cards' formatter ({@code shared.web}'s
 * {@code PageFormat.rate}, which this module may not import) writes it — half up to one decimal of the exact decimal
 * of the share, "80.0%", "—" — and charted as that very number, so chart, table and cards never differ by a rounding
 * made in the browser ({@code KpiTrendIntegrationTests} holds the texts against the cards).
 */
@Component
class KpiCharts {

	/** The six rates in the cards' order, under the cards' keys. */
	static final List<Rate> RATES = List.of(
			new Rate("handling", KpiFigures::handlingRate, KpiFigures::dispatchedHandled, KpiFigures::dispatched),
			new Rate("closure", KpiFigures::closureRate, KpiFigures::dueClosed, KpiFigures::due),
			new Rate("onTime", KpiFigures::onTimeClosureRate, KpiFigures::closedOnTime, KpiFigures::due),
			new Rate("satisfaction", KpiFigures::satisfactionRate,
					f -> Math.round(f.satisfactionRate() == null ? 0 : f.satisfactionRate() * f.rated()),
					KpiFigures::rated),
			new Rate("rework", KpiFigures::reworkRate, KpiFigures::handledReworked, KpiFigures::handled),
			new Rate("selfHandled", KpiFigures::selfHandledRate, KpiFigures::selfHandled, KpiFigures::closed));

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MM-dd");

	private static final String NONE = "—";

	private final MessageSource messages;

	private final KpiDurations durations;

	KpiCharts(MessageSource messages, KpiDurations durations) {
		this.messages = messages;
		this.durations = durations;
	}

	record Rate(String key, Function<KpiFigures, Double> rate, ToLongFunction<KpiFigures> numerator,
			ToLongFunction<KpiFigures> denominator) {
	}

	// --- the trend --------------------------------------------------------------------------------------------------

	/**
	 * The trend as the page's script draws it and writes its table.
	 *
	 * @param labels one per point: "3月", "2025年12月", "第10周"
	 * @param days one per point: the bucket's days, "03-01 — 03-31"
	 * @param series one per rate, in the cards' order
	 */
	public record TrendChart(String scope, KpiPeriod period, KpiGranularity granularity, List<String> keys,
			List<String> labels, List<String> days, List<Series> series) {
	}

	/**
	 * One rate over the points.
	 *
	 * @param values percent with one decimal as the cards round it; null where the rate has no denominator
	 * @param texts the same as the cards write it: "80.0%", "—"
	 * @param fractions what it is made of, as the cards say it: "结案 48 / 应结 50"
	 */
	public record Series(String key, String name, List<BigDecimal> values, List<String> texts, List<String> fractions) {
	}

	TrendChart trend(KpiTrend trend) {
		Locale locale = LocaleContextHolder.getLocale();
		boolean oneYear = trend.period().from().getYear() == trend.period().to().getYear();
		List<String> keys = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		List<String> days = new ArrayList<>();
		for (KpiTrend.Point point : trend.points()) {
			keys.add(point.key());
			labels.add(label(trend.granularity(), point.period().from(), oneYear, locale));
			days.add(days(point.period(), oneYear));
		}
		List<Series> series = new ArrayList<>();
		for (Rate rate : RATES) {
			List<BigDecimal> values = new ArrayList<>();
			List<String> texts = new ArrayList<>();
			List<String> fractions = new ArrayList<>();
			for (KpiTrend.Point point : trend.points()) {
				KpiFigures f = point.figures();
				values.add(percent(rate.rate().apply(f)));
				texts.add(text(rate.rate().apply(f)));
				fractions.add(messages.getMessage("kpi.fraction." + rate.key(), new Object[] {
						rate.numerator().applyAsLong(f), rate.denominator().applyAsLong(f) }, locale));
			}
			series.add(new Series(rate.key(), messages.getMessage("kpi.rate." + rate.key(), null, locale), values,
					texts, fractions));
		}
		return new TrendChart(trend.scope().name(), trend.period(), trend.granularity(), keys, labels, days, series);
	}

	private String label(KpiGranularity granularity, LocalDate from, boolean oneYear, Locale locale) {
		if (granularity == KpiGranularity.MONTH) {
			// 3月 / 2025年12月 in Chinese, Mar / Dec 2025 in English
			String month = from.getMonth().getDisplayName(TextStyle.SHORT, locale);
			return oneYear ? messages.getMessage("kpi.chart.month", new Object[] { from.getMonthValue(), month },
					locale)
					: messages.getMessage("kpi.chart.yearMonth", new Object[] { String.valueOf(from.getYear()),
							from.getMonthValue(), month }, locale);
		}
		int week = from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		return oneYear ? messages.getMessage("kpi.chart.week", new Object[] { week }, locale)
				: messages.getMessage("kpi.chart.yearWeek", new Object[] {
						String.valueOf(from.get(IsoFields.WEEK_BASED_YEAR)), week }, locale);
	}

	private static String days(KpiPeriod bucket, boolean oneYear) {
		if (oneYear) {
			return SHORT_DAY.format(bucket.from()) + " — " + SHORT_DAY.format(bucket.to());
		}
		return bucket.from() + " — " + bucket.to();
	}

	/** A share as the percent the cards show, as a number: 0.8125 → 81.3 (PageFormat's rounding, half up). */
	static BigDecimal percent(Double share) {
		return share == null || share.isNaN() || share.isInfinite() ? null
				: new BigDecimal(share.toString()).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
	}

	/** A share as the cards write it: "81.3%", "—" without a denominator. */
	static String text(Double share) {
		BigDecimal percent = percent(share);
		return percent == null ? NONE : percent.toPlainString() + "%";
	}

	// --- the distribution of times ----------------------------------------------------------------------------------

	/** The three histograms bucket by bucket, from the first bucket with a count to the last. */
	public record TimesChart(List<TimesRow> rows, long claimTotal, long onSiteTotal, long closeTotal) {

		public boolean isEmpty() {
			return rows.isEmpty();
		}
	}

	/**
	 * One histogram bucket.
	 *
	 * @param claimMedian whether the median time to claim lies in this bucket (the card's median)
	 */
	public record TimesRow(String label, long claim, long onSite, long close, boolean claimMedian, boolean onSiteMedian,
			boolean closeMedian) {
	}

	TimesChart times(KpiFigures figures) {
		long[] claim = figures.claimTimes().counts();
		long[] onSite = figures.onSiteTimes().counts();
		long[] close = figures.closeTimes().counts();
		int first = -1;
		int last = -1;
		for (int k = 0; k < claim.length; k++) {
			if (claim[k] + onSite[k] + close[k] > 0) {
				first = first < 0 ? k : first;
				last = k;
			}
		}
		List<TimesRow> rows = new ArrayList<>();
		for (int k = Math.max(first, 0); first >= 0 && k <= last; k++) {
			int from = KpiHistogram.BOUNDS_MINUTES.get(k);
			rows.add(new TimesRow(durations.bucket(k), claim[k], onSite[k], close[k],
					holds(figures.timeToClaim(), from), holds(figures.timeToOnSite(), from),
					holds(figures.timeToClose(), from)));
		}
		return new TimesChart(rows, figures.claimTimes().total(), figures.onSiteTimes().total(),
				figures.closeTimes().total());
	}

	private static boolean holds(KpiHistogram.Median median, int fromMinutes) {
		return median != null && median.fromMinutes() == fromMinutes;
	}

	// --- the grid ranking -------------------------------------------------------------------------------------------

	/**
	 * A grid's bar: the best first, then the weakest from the weakest up.
	 *
	 * @param side "top" or "bottom"
	 * @param value the closure rate in percent as the ranking writes it, for the bar's length
	 */
	public record RankBar(String side, int place, String name, long closed, long due, BigDecimal value, String text,
			String onTime) {
	}

	List<RankBar> ranking(KpiReport report) {
		List<RankBar> bars = new ArrayList<>();
		add(bars, "top", report.top());
		add(bars, "bottom", report.bottom());
		return bars;
	}

	private void add(List<RankBar> bars, String side, List<GridRank> grids) {
		int place = 0;
		for (GridRank g : grids) {
			bars.add(new RankBar(side, ++place, g.name(), g.closed(), g.due(), percent(g.closureRate()),
					text(g.closureRate()), text(g.onTimeClosureRate())));
		}
	}
}

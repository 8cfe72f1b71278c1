package org.zhizhi.incident.kpi.web;

/**
 * One rate as the desk page shows it: its value in percent, what it is made of, and how it moved against the period
 * before (环比) and the year before (同比) in percentage points. Text is formatted here so the template stays simple.
 *
 * @param key the message key suffix of the rate's name and its definition
 * @param goodWhenHigher whether a rise is good news (a rework rate that rises is not)
 */
public record KpiCard(String key, Double rate, long numerator, long denominator, Double previous, Double yearEarlier,
		boolean goodWhenHigher) {

	public String momDelta() {
		return delta(previous);
	}

	public String yoyDelta() {
		return delta(yearEarlier);
	}

	public String momTone() {
		return tone(previous);
	}

	public String yoyTone() {
		return tone(yearEarlier);
	}

	/** Percentage points, signed; "—" when either side has no denominator. */
	private String delta(Double other) {
		if (rate == null || other == null) {
			return "—";
		}
		double points = (rate - other) * 100;
		if (Math.abs(points) < 0.05) {
			return "±0.0";
		}
		return String.format(java.util.Locale.ROOT, "%s%.1f", points > 0 ? "↑" : "↓", Math.abs(points));
	}

	private String tone(Double other) {
		if (rate == null || other == null || Math.abs(rate - other) < 0.0005) {
			return "";
		}
		return (rate > other) == goodWhenHigher ? "good" : "bad";
	}

	/** A rate the leaders watch closely is flagged below 90 % (above 10 % for reworks). */
	public String tone() {
		if (rate == null) {
			return "";
		}
		boolean fine = goodWhenHigher ? rate >= 0.9 : rate <= 0.1;
		return fine ? "good" : "warn";
	}
}

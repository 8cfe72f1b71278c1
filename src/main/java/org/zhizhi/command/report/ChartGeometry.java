package org.zhizhi.command.report;

import java.util.ArrayList;
import java.util.List;

import org.zhizhi.command.report.ReportDocument.Chart;

/**
 * Where a chart's parts go on a canvas of a given size (PDF points, origin bottom left): the value axis's ticks at
 * round steps, each category's slot, each bar. Kept apart from the drawing so that the scale can be tested.
 */
final class ChartGeometry {

	static final float LEFT = 42;

	static final float RIGHT = 8;

	static final float TOP = 24;

	static final float BOTTOM = 22;

	/** A gridline: its height and its label (a count, or a percentage on a chart of shares). */
	record Tick(float y, String label) {
	}

	record Bar(float x, float width, float height) {
	}

	private final Chart chart;

	private final float width;

	private final float height;

	private final double top;

	private final double step;

	ChartGeometry(Chart chart, float width, float height) {
		this.chart = chart;
		this.width = width;
		this.height = height;
		this.step = chart.percent() ? 0.2 : niceStep(chart.max() / 5);
		this.top = chart.percent() ? 1.0 : Math.ceil(chart.max() / step) * step;
	}

	/** A step of 1, 2 or 5 times a power of ten, at least 1 (counts are whole). */
	static double niceStep(double rough) {
		if (rough <= 1) {
			return 1;
		}
		double power = Math.pow(10, Math.floor(Math.log10(rough)));
		for (double m : new double[] { 1, 2, 5, 10 }) {
			if (m * power >= rough) {
				return m * power;
			}
		}
		return 10 * power;
	}

	double top() {
		return top;
	}

	List<Tick> ticks() {
		List<Tick> ticks = new ArrayList<>();
		int n = (int) Math.round(top / step);
		for (int i = 0; i <= n; i++) {
			double v = i * step;
			String label = chart.percent() ? Math.round(v * 100) + "%" : String.valueOf(Math.round(v));
			ticks.add(new Tick(y(v), label));
		}
		return ticks;
	}

	float y(double value) {
		double plot = height - TOP - BOTTOM;
		return (float) (BOTTOM + plot * Math.min(value, top) / top);
	}

	private float slot() {
		return (width - LEFT - RIGHT) / Math.max(1, chart.categories().size());
	}

	float centre(int category) {
		return LEFT + slot() * (category + 0.5f);
	}

	/** A bar of a series in its category's slot: the slot's middle 70 % shared by the series side by side. */
	Bar bar(int category, int series, Double value) {
		float each = slot() * 0.7f / chart.series().size();
		float x = LEFT + slot() * category + slot() * 0.15f + each * series;
		float h = value == null ? 0 : y(value) - BOTTOM;
		return new Bar(x, each, h);
	}
}

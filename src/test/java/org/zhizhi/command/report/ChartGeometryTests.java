package org.zhizhi.command.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhizhi.command.report.ReportDocument.Chart;
import org.zhizhi.command.report.ReportDocument.Series;

class ChartGeometryTests {

	private static Chart bars(Double... values) {
		return new Chart("t", Chart.Kind.BAR, List.of("a", "b", "c", "d").subList(0, values.length),
				List.of(new Series("s", List.of(values))), false);
	}

	@Test
	void stepsTheCountAxisAtOneTwoOrFiveTimesAPowerOfTen() {
		assertThat(ChartGeometry.niceStep(0.4)).isEqualTo(1);
		assertThat(ChartGeometry.niceStep(3.2)).isEqualTo(5);
		assertThat(ChartGeometry.niceStep(14)).isEqualTo(20);
		assertThat(ChartGeometry.niceStep(180)).isEqualTo(200);
	}

	@Test
	void topsTheCountAxisAtTheFirstStepAboveTheLargestBar() {
		ChartGeometry g = new ChartGeometry(bars(21.0, 3.0, 2.0, 14.0), 480, 210);
		assertThat(g.top()).isEqualTo(25);
		assertThat(g.ticks()).extracting(ChartGeometry.Tick::label).containsExactly("0", "5", "10", "15", "20", "25");
	}

	@Test
	void drawsBarsInProportionFromTheAxis() {
		ChartGeometry g = new ChartGeometry(bars(20.0, 10.0, 0.0), 480, 210);
		float plot = 210 - ChartGeometry.TOP - ChartGeometry.BOTTOM;
		assertThat(g.bar(0, 0, 20.0).height()).isCloseTo(plot, within(0.01f));
		assertThat(g.bar(1, 0, 10.0).height()).isCloseTo(plot / 2, within(0.01f));
		assertThat(g.bar(2, 0, 0.0).height()).isZero();
		assertThat(g.bar(1, 0, 10.0).x()).isGreaterThan(g.bar(0, 0, 20.0).x() + g.bar(0, 0, 20.0).width());
	}

	@Test
	void scalesSharesFromNoneToAll() {
		Chart shares = new Chart("t", Chart.Kind.LINE, List.of("2026-05"), List.of(new Series("s", List.of(0.5))),
				true);
		ChartGeometry g = new ChartGeometry(shares, 480, 210);
		assertThat(g.ticks()).extracting(ChartGeometry.Tick::label)
			.containsExactly("0%", "20%", "40%", "60%", "80%", "100%");
		assertThat(g.y(1.0)).isEqualTo(210 - ChartGeometry.TOP);
		assertThat(g.y(0)).isEqualTo(ChartGeometry.BOTTOM);
	}

	@Test
	void keepsAnAxisForAChartWithoutAnything() {
		ChartGeometry g = new ChartGeometry(bars(0.0, 0.0), 480, 210);
		assertThat(g.top()).isEqualTo(1);
		assertThat(g.ticks()).hasSize(2);
	}
}

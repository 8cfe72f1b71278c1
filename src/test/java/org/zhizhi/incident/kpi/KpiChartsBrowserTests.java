package org.zhizhi.incident.kpi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.HeadlessChromium;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * {@code banan} opens this year's KPIs in headless Chromium: the trend is drawn month by month from what the page's
 * endpoint answered, its table shows a month's rates exactly as the cards show them for that month, the other two
 * charts draw their tables, a chart exports as a PNG, and on a phone the charts fit the screen. "Today" is the
 * {@code TestClock}'s 2026-06-10, so this year is six months.
 */
@ZhizhiIntegrationTest
class KpiChartsBrowserTests {

	private static final List<String> RATES = List.of("handling", "closure", "onTime", "satisfaction", "rework",
			"selfHandled");

	private static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() throws IOException {
		chromium = HeadlessChromium.launch();
	}

	@AfterAll
	static void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theYearsTrendIsDrawnItsTableIsTheCardsOfEachMonthAndItExportsAsAPng() throws IOException {
		try (BrowserContext context = chromium.desk()) {
			Page page = HeadlessChromium.signIn(context, port, "banan");
			page.navigate(url("/incidents/kpi?preset=YEAR"));
			Locator trend = page.locator("#kpi-trend-chart");
			assertThat(trend.locator("canvas")).isVisible();
			assertThat(trend).hasAttribute("data-ready", "true");
			assertThat(trend).hasAttribute("data-granularity", "MONTH");

			// the chart draws exactly what the endpoint answered, and the table writes what the chart draws
			@SuppressWarnings("unchecked")
			Map<String, Object> drawn = (Map<String, Object>) page.evaluate("""
					async () => {
					  const element = document.getElementById('kpi-trend-chart');
					  const answer = await (await fetch(element.dataset.src)).json();
					  const option = echarts.getInstanceByDom(element).getOption();
					  return { answered: JSON.stringify(answer.series.map(s => s.values)),
					           drawn: JSON.stringify(option.series.map(s => s.data)),
					           labels: JSON.stringify(option.xAxis[0].data), names: JSON.stringify(answer.labels) };
					}""");
			assertThat(drawn.get("drawn")).isEqualTo(drawn.get("answered"));
			assertThat(drawn.get("labels")).isEqualTo(drawn.get("names"))
				.isEqualTo("[\"1月\",\"2月\",\"3月\",\"4月\",\"5月\",\"6月\"]");

			// 查看数据: the table behind the chart, one click away
			Locator table = page.locator("#kpi-trend-table");
			assertThat(table).isHidden();
			page.locator("#kpi-trend-data summary").click();
			assertThat(table).isVisible();
			assertThat(table.locator("tbody tr")).hasCount(6);
			Map<String, String> march = row(table.locator("tbody tr").nth(2));
			Map<String, String> june = row(table.locator("tbody tr").nth(5));
			assertThat(table.locator("tbody tr").nth(5).locator("td").first()).hasText("06-01 — 06-10");
			assertThat(june.values()).as("the demo district has incidents this June").anyMatch(t -> t.endsWith("%"));

			// the PNG: the chart under its title, downloaded
			Download download = page.waitForDownload(() -> page.locator("#kpi-trend .kpi-export").click());
			assertThat(download.suggestedFilename()).endsWith("各项指标趋势.png").contains("巴南区");
			byte[] png = Files.readAllBytes(download.path());
			assertThat(png).hasSizeGreaterThan(5_000);
			assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");

			// the other two charts draw their tables
			Locator times = page.locator("#kpi-times-chart");
			assertThat(times).hasAttribute("data-ready", "true");
			page.locator("#kpi-times summary").click();
			assertThat(page.locator("#kpi-times-table")).isVisible();
			assertThat(page.evaluate("""
					() => {
					  const rows = [...document.querySelectorAll('#kpi-times-table tbody tr')];
					  const table = [1, 2, 3].map(j => rows.map(r => Number(r.cells[j].textContent)));
					  const option = echarts.getInstanceByDom(document.getElementById('kpi-times-chart')).getOption();
					  return rows.length > 0 && JSON.stringify(option.series.map(s => s.data)) === JSON.stringify(table);
					}""")).isEqualTo(true);
			Locator ranking = page.locator("#kpi-rank-chart");
			assertThat(ranking).hasAttribute("data-ready", "true");
			page.locator("#kpi-rank-chart-card summary").click();
			assertThat(page.locator("#kpi-rank-table tbody tr").first()).isVisible();
			assertThat(page.evaluate("""
					() => {
					  const rates = [...document.querySelectorAll('#kpi-rank-table td[data-rate]')]
					    .map(td => parseFloat(td.textContent));
					  const option = echarts.getInstanceByDom(document.getElementById('kpi-rank-chart')).getOption();
					  return rates.length > 0 && JSON.stringify(option.series[0].data.map(d => d.value)) === JSON.stringify(rates);
					}""")).isEqualTo(true);
			page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve("kpi-charts.png"))
				.setFullPage(true));

			// each month's row is what the cards say for that month
			page.navigate(url("/incidents/kpi?from=2026-03-01&to=2026-03-31"));
			assertThat(cards(page)).isEqualTo(march);
			page.navigate(url("/incidents/kpi?from=2026-06-01&to=2026-06-10"));
			assertThat(cards(page)).isEqualTo(june);
		}
	}

	@Test
	void onAPhoneTheChartsFitTheScreenAndTheTrendGoesByWeekOnATap() {
		try (BrowserContext context = chromium.phone()) {
			Page page = HeadlessChromium.signIn(context, port, "banan");
			page.navigate(url("/incidents/kpi?preset=YEAR"));
			assertThat(page.locator("#kpi-trend-chart")).hasAttribute("data-ready", "true");
			assertThat(page.locator("#kpi-times-chart")).hasAttribute("data-ready", "true");
			assertThat(page.locator("#kpi-rank-chart")).hasAttribute("data-ready", "true");
			assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
			for (String chart : List.of("#kpi-trend-chart", "#kpi-times-chart", "#kpi-rank-chart")) {
				var box = page.locator(chart).boundingBox();
				assertThat(box.x).as(chart).isGreaterThanOrEqualTo(0);
				assertThat(box.x + box.width).as(chart).isLessThanOrEqualTo(390);
				// the canvas is a whole number of pixels in a box that may not be: within a pixel of it
				assertThat(page.locator(chart + " canvas").boundingBox().width).as(chart)
					.isLessThanOrEqualTo(box.width + 1);
			}
			page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve(
					"kpi-charts-phone.png")).setFullPage(true));

			// 按周: the same half year in ISO weeks, 2025-12-29's week to 2026-06-08's
			page.locator("#kpi-trend button[data-granularity=WEEK]").tap();
			assertThat(page.locator("#kpi-trend-chart")).hasAttribute("data-granularity", "WEEK");
			assertThat(page.locator("#kpi-trend button[data-granularity=WEEK]")).hasAttribute("aria-pressed", "true");
			assertThat(page.locator("#kpi-trend-table tbody tr")).hasCount(24);
			assertThat(page.locator("#kpi-trend-table tbody tr").first().locator("th")).hasText("第1周");
		}
	}

	/** A row of the trend's table: rate key → the text in its cell. */
	private static Map<String, String> row(Locator row) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String rate : RATES) {
			texts.put(rate, row.locator("td[data-kpi=" + rate + "]").textContent().strip());
		}
		return texts;
	}

	/** The six cards of the page: rate key → the value written on it. */
	private static Map<String, String> cards(Page page) {
		Map<String, String> texts = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (String rate : RATES) {
			Locator value = page.locator("#kpi-rates .kpi-card[data-kpi=" + rate + "] .kpi-value");
			if (value.count() == 0) {
				missing.add(rate);
			}
			texts.put(rate, value.textContent().strip());
		}
		assertThat(missing).isEmpty();
		return texts;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}

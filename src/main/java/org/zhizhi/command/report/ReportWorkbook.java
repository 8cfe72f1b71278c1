package org.zhizhi.command.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhizhi.command.report.ReportDocument.Chart;
import org.zhizhi.command.report.ReportDocument.Line;
import org.zhizhi.command.report.ReportDocument.Section;
import org.zhizhi.command.report.ReportDocument.Value;

/**
 * A report as an .xlsx: one sheet per section, its figures as numbers (shares as percentages, a share without a
 * denominator left blank rather than 0), and its chart as a native Excel chart (POI's XDDF) over the cells of the
 * sheet — so that the chart is Excel's own, restyled or copied like any other, and follows the cells if they change.
 */
final class ReportWorkbook {

	/** The column where a sheet's chart data begins: to the right of its figures and table. */
	private static final int CHART_COLUMN = 8;

	private ReportWorkbook() {
	}

	static byte[] write(ReportDocument report) {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Styles styles = new Styles(book);
			for (Section section : report.sections()) {
				section(book.createSheet(WorkbookUtil.createSafeSheetName(section.title())), report, section, styles);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void section(XSSFSheet sheet, ReportDocument report, Section section, Styles styles) {
		text(sheet, 0, 0, section.title(), styles.heading);
		text(sheet, 1, 0, report.title() + " · " + report.subtitle(), null);
		int r = 3;
		for (Line line : section.lines()) {
			text(sheet, r, 0, line.label(), null);
			value(row(sheet, r), 1, line.value(), styles);
			r++;
		}
		if (section.table() != null) {
			r = section.lines().isEmpty() ? r : r + 1;
			for (int c = 0; c < section.table().header().size(); c++) {
				text(sheet, r, c, section.table().header().get(c), styles.header);
			}
			r++;
			for (List<Value> row : section.table().rows()) {
				Row cells = row(sheet, r++);
				for (int c = 0; c < row.size(); c++) {
					value(cells, c, row.get(c), styles);
				}
			}
		}
		if (section.note() != null) {
			text(sheet, r + 1, 0, section.note(), null);
		}
		if (section.chart() != null) {
			chart(sheet, section.chart(), styles);
		}
		for (int c = 0; c < CHART_COLUMN; c++) {
			sheet.setColumnWidth(c, c == 0 ? 22 * 256 : 14 * 256);
		}
	}

	/** The chart's data beside the figures (categories down, one column per series), and the chart over them. */
	static XSSFChart chart(XSSFSheet sheet, Chart chart, Styles styles) {
		int first = 3;
		text(sheet, first - 1, CHART_COLUMN, chart.title(), styles.header);
		for (int s = 0; s < chart.series().size(); s++) {
			text(sheet, first - 1, CHART_COLUMN + 1 + s, chart.series().get(s).name(), styles.header);
		}
		for (int i = 0; i < chart.categories().size(); i++) {
			Row row = row(sheet, first + i);
			row.createCell(CHART_COLUMN).setCellValue(chart.categories().get(i));
			for (int s = 0; s < chart.series().size(); s++) {
				Double v = chart.series().get(s).values().get(i);
				Cell cell = row.createCell(CHART_COLUMN + 1 + s);
				if (v != null) {
					cell.setCellValue(v);
					cell.setCellStyle(chart.percent() ? styles.percent : styles.count);
				}
			}
		}
		int last = first + Math.max(0, chart.categories().size() - 1);
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		int top = last + 2;
		XSSFChart c = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, CHART_COLUMN, top, CHART_COLUMN + 9,
				top + 20));
		c.setTitleText(chart.title());
		c.setTitleOverlay(false);
		c.getOrAddLegend().setPosition(LegendPosition.TOP);
		XDDFCategoryAxis categories = c.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis values = c.createValueAxis(AxisPosition.LEFT);
		values.setCrosses(AxisCrosses.AUTO_ZERO);
		if (chart.percent()) {
			values.setMinimum(0);
			values.setMaximum(1);
			values.setNumberFormat("0%");
		}
		XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(first, last, CHART_COLUMN, CHART_COLUMN));
		XDDFChartData data = c.createData(chart.kind() == Chart.Kind.BAR ? ChartTypes.BAR : ChartTypes.LINE,
				categories, values);
		for (int s = 0; s < chart.series().size(); s++) {
			XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(first, last, CHART_COLUMN + 1 + s, CHART_COLUMN + 1 + s));
			XDDFChartData.Series series = data.addSeries(names, numbers);
			series.setTitle(chart.series().get(s).name(), null);
			if (series instanceof XDDFLineChartData.Series line) {
				line.setMarkerStyle(MarkerStyle.CIRCLE);
				line.setSmooth(false);
			}
		}
		if (data instanceof XDDFBarChartData bars) {
			bars.setBarDirection(BarDirection.COL);
			bars.setVaryColors(false);
		}
		c.plot(data);
		for (int col = CHART_COLUMN; col <= CHART_COLUMN + chart.series().size(); col++) {
			sheet.setColumnWidth(col, 14 * 256);
		}
		return c;
	}

	private static Row row(XSSFSheet sheet, int r) {
		Row row = sheet.getRow(r);
		return row == null ? sheet.createRow(r) : row;
	}

	private static void text(XSSFSheet sheet, int r, int c, String text, CellStyle style) {
		Cell cell = row(sheet, r).createCell(c);
		cell.setCellValue(text);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	/** A count as a whole number, a share as a percentage (blank without a denominator), words as text. */
	private static void value(Row row, int c, Value value, Styles styles) {
		Cell cell = row.createCell(c);
		switch (value) {
			case ReportDocument.Count count -> {
				cell.setCellValue(count.n());
				cell.setCellStyle(styles.count);
			}
			case ReportDocument.Share share -> {
				if (share.share() != null) {
					cell.setCellValue(share.share());
					cell.setCellStyle(styles.percent);
				}
			}
			case ReportDocument.Text text -> cell.setCellValue(text.text());
		}
	}

	/** The few styles a report uses, made once per workbook (a workbook holds at most 64,000). */
	static final class Styles {

		final CellStyle heading;

		final CellStyle header;

		final CellStyle count;

		final CellStyle percent;

		Styles(XSSFWorkbook book) {
			Font big = book.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			heading = book.createCellStyle();
			heading.setFont(big);
			Font bold = book.createFont();
			bold.setBold(true);
			header = book.createCellStyle();
			header.setFont(bold);
			count = book.createCellStyle();
			count.setDataFormat(book.createDataFormat().getFormat("#,##0"));
			percent = book.createCellStyle();
			percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
		}
	}
}

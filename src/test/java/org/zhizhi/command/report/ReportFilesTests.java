package org.zhizhi.command.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.zhizhi.shared.documents.ChineseFont;

/** The two files hold the laid-out report: the PDF its words, figures and chart labels, the workbook charts. */
class ReportFilesTests {

	private static final ChineseFont FONT = new ChineseFont("");

	private static final ReportDocument REPORT = ReportSections.layout(ReportFixtures.content(),
			(key, args) -> switch (key) {
				case "command.report.documentTitle" -> "巴南区 2026年6月 基层治理月度报告";
				case "whistleType.QUICK" -> "快捷哨";
				default -> ReportFixtures.words(key, args);
			}, ZoneId.of("Asia/Shanghai"));

	@Test
	void thePdfCarriesTheTitleTheFiguresAndTheChartsLabels() throws IOException {
		byte[] pdf = ReportPdf.write(REPORT, FONT.create());
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("巴南区 2026年6月 基层治理月度报告", "快捷哨", "75.0%", "50.0%", "92.5",
					"command.report.chart.whistles", "2026-05", "100%",
					"command.report.chart.points", "command.report.section.deliberation", "command.report.section.fees");
		}
	}

	@Test
	void theWorkbookHasASheetPerSectionNumbersAsNumbersAndNativeCharts() throws IOException {
		byte[] xlsx = ReportWorkbook.write(REPORT);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(REPORT.sections().size());
			List<String> charts = new ArrayList<>();
			for (int i = 0; i < book.getNumberOfSheets(); i++) {
				XSSFSheet sheet = book.getSheetAt(i);
				for (XSSFChart chart : sheet.getDrawingPatriarch() == null ? List.<XSSFChart>of()
						: sheet.getDrawingPatriarch().getCharts()) {
					charts.add(sheet.getSheetName() + ":" + chart.getChartSeries().getFirst().getClass().getSimpleName()
							+ ":" + chart.getChartSeries().getFirst().getSeriesCount());
				}
			}
			assertThat(charts).containsExactlyInAnyOrder("command.report.section.trend:XDDFLineChartData:3",
					"command.report.section.whistles:XDDFBarChartData:1",
					"command.report.section.points:XDDFBarChartData:2");
			XSSFSheet points = book.getSheet("command.report.section.points");
			// 本月获得积分, then 兑换消费: numbers; the chart's data beside them, earned and spent per kind of scheme
			assertThat(points.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(1730);
			assertThat(points.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(300);
			assertThat(points.getRow(3).getCell(9).getNumericCellValue()).isEqualTo(1250);
			assertThat(points.getRow(3).getCell(10).getNumericCellValue()).isEqualTo(300);
			XSSFSheet whistles = book.getSheet("command.report.section.whistles");
			// the first figure: 本月上报, a number the reader can sum, not text
			assertThat(whistles.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(40);
			XSSFSheet kpis = book.getSheet("command.report.section.kpis");
			// the table's header, then 上报: this month, the month before, a year earlier
			assertThat(kpis.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(40);
			assertThat(kpis.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(30);
		}
	}
}

package org.zhizhi.command.report;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.openpdf.text.BadElementException;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.zhizhi.command.report.ReportDocument.Chart;
import org.zhizhi.command.report.ReportDocument.Line;
import org.zhizhi.command.report.ReportDocument.Section;
import org.zhizhi.command.report.ReportDocument.Value;

/**
 * A report as an A4 PDF set in the platform's Chinese font: each section's figures and table, and its chart drawn with
 * OpenPDF's own lines and text (axis, gridlines, labels, a legend) — no chart library, the figures stay text that a
 * reader can copy and a test can read back.
 */
final class ReportPdf {

	/** The series' colours, in order (the big screen's palette). */
	private static final float[][] COLOURS = { { 0.20f, 0.45f, 0.80f }, { 0.90f, 0.55f, 0.10f },
			{ 0.20f, 0.65f, 0.35f }, { 0.75f, 0.20f, 0.25f } };

	private static final float CHART_WIDTH = 480;

	private static final float CHART_HEIGHT = 210;

	private ReportPdf() {
	}

	static byte[] write(ReportDocument report, BaseFont font) {
		Font title = new Font(font, 18, Font.BOLD);
		Font heading = new Font(font, 13, Font.BOLD);
		Font body = new Font(font, 10);
		Font small = new Font(font, 8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 48, 48);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.addTitle(report.title());
		document.addCreator("智治 基层智治平台");
		document.open();
		Paragraph head = new Paragraph(report.title(), title);
		head.setAlignment(Element.ALIGN_CENTER);
		document.add(head);
		Paragraph sub = new Paragraph(report.subtitle(), small);
		sub.setAlignment(Element.ALIGN_CENTER);
		sub.setSpacingAfter(12);
		document.add(sub);
		for (Section section : report.sections()) {
			Paragraph h = new Paragraph(section.title(), heading);
			h.setSpacingBefore(10);
			h.setSpacingAfter(6);
			document.add(h);
			if (!section.lines().isEmpty()) {
				document.add(lines(section.lines(), body));
			}
			if (section.table() != null && !section.table().rows().isEmpty()) {
				document.add(table(section.table(), body));
			}
			if (section.chart() != null) {
				document.add(chart(writer.getDirectContent(), section.chart(), font));
			}
			if (section.note() != null) {
				Paragraph note = new Paragraph(section.note(), small);
				note.setSpacingBefore(4);
				document.add(note);
			}
		}
		document.close();
		return out.toByteArray();
	}

	/** Figures two to a row: label, value, label, value. */
	private static PdfPTable lines(List<Line> lines, Font font) {
		PdfPTable t = new PdfPTable(new float[] { 2.2f, 1.3f, 2.2f, 1.3f });
		t.setWidthPercentage(100);
		for (Line line : lines) {
			t.addCell(cell(line.label(), font, Element.ALIGN_LEFT));
			t.addCell(cell(line.value().text(), font, Element.ALIGN_RIGHT));
		}
		if (lines.size() % 2 == 1) {
			t.addCell(cell("", font, Element.ALIGN_LEFT));
			t.addCell(cell("", font, Element.ALIGN_LEFT));
		}
		t.setSpacingAfter(6);
		return t;
	}

	private static PdfPTable table(ReportDocument.Table table, Font font) {
		PdfPTable t = new PdfPTable(table.header().size());
		t.setWidthPercentage(100);
		t.setHeaderRows(1);
		for (String h : table.header()) {
			PdfPCell c = cell(h, font, Element.ALIGN_CENTER);
			c.setGrayFill(0.9f);
			t.addCell(c);
		}
		for (List<Value> row : table.rows()) {
			for (Value v : row) {
				t.addCell(cell(v.text(), font, v instanceof ReportDocument.Text ? Element.ALIGN_LEFT
						: Element.ALIGN_RIGHT));
			}
		}
		t.setSpacingAfter(6);
		return t;
	}

	private static PdfPCell cell(String text, Font font, int align) {
		PdfPCell c = new PdfPCell(new Phrase(text, font));
		c.setHorizontalAlignment(align);
		c.setPadding(3);
		return c;
	}

	/** The chart drawn on a template of its own, placed in the flow like a picture. */
	static Image chart(PdfContentByte canvas, Chart chart, BaseFont font) {
		PdfTemplate t = canvas.createTemplate(CHART_WIDTH, CHART_HEIGHT);
		ChartGeometry g = new ChartGeometry(chart, CHART_WIDTH, CHART_HEIGHT);
		// title and legend
		t.beginText();
		t.setFontAndSize(font, 10);
		t.showTextAligned(Element.ALIGN_LEFT, chart.title(), ChartGeometry.LEFT, CHART_HEIGHT - 12, 0);
		t.setFontAndSize(font, 8);
		float legendX = CHART_WIDTH - ChartGeometry.RIGHT;
		for (int s = chart.series().size() - 1; s >= 0; s--) {
			String name = chart.series().get(s).name();
			legendX -= font.getWidthPoint(name, 8) + 18;
			t.endText();
			colour(t, s);
			t.rectangle(legendX, CHART_HEIGHT - 12, 8, 8);
			t.fill();
			t.beginText();
			t.setFontAndSize(font, 8);
			t.setRGBColorFillF(0, 0, 0);
			t.showTextAligned(Element.ALIGN_LEFT, name, legendX + 11, CHART_HEIGHT - 12, 0);
		}
		// axis labels on the gridlines
		for (ChartGeometry.Tick tick : g.ticks()) {
			t.showTextAligned(Element.ALIGN_RIGHT, tick.label(), ChartGeometry.LEFT - 4, tick.y() - 3, 0);
		}
		for (int i = 0; i < chart.categories().size(); i++) {
			t.showTextAligned(Element.ALIGN_CENTER, chart.categories().get(i), g.centre(i), ChartGeometry.BOTTOM - 12,
					0);
		}
		t.endText();
		t.setLineWidth(0.3f);
		t.setRGBColorStrokeF(0.8f, 0.8f, 0.8f);
		for (ChartGeometry.Tick tick : g.ticks()) {
			t.moveTo(ChartGeometry.LEFT, tick.y());
			t.lineTo(CHART_WIDTH - ChartGeometry.RIGHT, tick.y());
		}
		t.stroke();
		t.setLineWidth(0.8f);
		t.setRGBColorStrokeF(0.2f, 0.2f, 0.2f);
		t.moveTo(ChartGeometry.LEFT, CHART_HEIGHT - ChartGeometry.TOP);
		t.lineTo(ChartGeometry.LEFT, ChartGeometry.BOTTOM);
		t.lineTo(CHART_WIDTH - ChartGeometry.RIGHT, ChartGeometry.BOTTOM);
		t.stroke();
		for (int s = 0; s < chart.series().size(); s++) {
			List<Double> values = chart.series().get(s).values();
			colour(t, s);
			if (chart.kind() == Chart.Kind.BAR) {
				for (int i = 0; i < values.size(); i++) {
					ChartGeometry.Bar bar = g.bar(i, s, values.get(i));
					t.rectangle(bar.x(), ChartGeometry.BOTTOM, bar.width(), bar.height());
					t.fill();
				}
				// each bar's count above it: a reader of a printed report cannot hover
				t.beginText();
				t.setFontAndSize(font, 8);
				t.setRGBColorFillF(0, 0, 0);
				for (int i = 0; i < values.size(); i++) {
					ChartGeometry.Bar bar = g.bar(i, s, values.get(i));
					if (values.get(i) != null) {
						t.showTextAligned(Element.ALIGN_CENTER, String.valueOf(Math.round(values.get(i))),
								bar.x() + bar.width() / 2, ChartGeometry.BOTTOM + bar.height() + 3, 0);
					}
				}
				t.endText();
			}
			else {
				t.setLineWidth(1.5f);
				boolean drawing = false;
				for (int i = 0; i < values.size(); i++) {
					Double v = values.get(i);
					if (v == null) {
						drawing = false;
						continue;
					}
					float y = g.y(v);
					if (drawing) {
						t.lineTo(g.centre(i), y);
					}
					else {
						t.moveTo(g.centre(i), y);
					}
					drawing = true;
				}
				t.stroke();
				for (int i = 0; i < values.size(); i++) {
					if (values.get(i) != null) {
						t.circle(g.centre(i), g.y(values.get(i)), 2);
						t.fill();
					}
				}
			}
		}
		try {
			Image image = Image.getInstance(t);
			image.setAlignment(Element.ALIGN_CENTER);
			image.setSpacingBefore(4);
			return image;
		}
		catch (BadElementException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void colour(PdfContentByte t, int series) {
		float[] c = COLOURS[series % COLOURS.length];
		t.setRGBColorFillF(c[0], c[1], c[2]);
		t.setRGBColorStrokeF(c[0], c[1], c[2]);
	}
}

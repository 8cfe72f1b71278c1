package org.zhizhi.command.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * A month's report laid out once — titled sections of figures, tables and charts — for both files to write the same:
 * the PDF draws it, the workbook puts each section on a sheet. Nothing here is counted; every value was answered by a
 * module's query ({@link ReportSections} only places and names them).
 */
public record ReportDocument(String title, String subtitle, List<Section> sections) {

	/** A titled part: its figures (label and value), a table, a chart — each may be absent. */
	public record Section(String key, String title, List<Line> lines, Table table, Chart chart, String note) {
	}

	public record Line(String label, Value value) {
	}

	public record Table(List<String> header, List<List<Value>> rows) {
	}

	/** A bar chart of counts or a line chart of shares, one series per line or colour. */
	public record Chart(String title, Kind kind, List<String> categories, List<Series> series, boolean percent) {

		public enum Kind {
			BAR, LINE
		}

		/** The largest value drawn (1 at least, so an empty chart still has an axis). */
		public double max() {
			double max = 1;
			for (Series s : series) {
				for (Double v : s.values()) {
					if (v != null && v > max) {
						max = v;
					}
				}
			}
			return max;
		}
	}

	/** A named series; a null value is a bucket without a denominator (no rate), drawn as a gap. */
	public record Series(String name, List<Double> values) {
	}

	/** A figure as it is shown: a count, a share, or words. */
	public sealed interface Value {

		String text();

		static Value of(long n) {
			return new Count(n);
		}

		static Value share(Double share) {
			return new Share(share);
		}

		static Value of(String text) {
			return new Text(text == null ? "" : text);
		}
	}

	public record Count(long n) implements Value {

		@Override
		public String text() {
			return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
		}
	}

	/** A share 0..1, shown as a percentage with one decimal; null (no denominator) is shown as a dash, never 0. */
	public record Share(Double share) implements Value {

		@Override
		public String text() {
			return share == null ? "—"
					: new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(share * 100) + "%";
		}
	}

	public record Text(String text) implements Value {
	}
}

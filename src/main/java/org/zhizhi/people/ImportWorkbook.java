package org.zhizhi.people;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.zhizhi.people.ResidentImports.Column;
import org.zhizhi.people.ResidentImports.ImportProblem;

/**
 * The first sheet of an import workbook, read row by row with a SAX reader so that the sheet is never held as a
 * workbook; the header row says which column is which.
 */
final class ImportWorkbook {

	/** A data row: its number in the sheet (the header is row 1) and its values by column. */
	record Row(int number, Map<Column, String> values) {
	}

	private ImportWorkbook() {
	}

	static final class TooManyRows extends RuntimeException {
		TooManyRows() {
			super("too many rows", null, false, false);
		}
	}

	/**
	 * Adds the sheet's data rows to {@code rows}, blank ones left out; a column the header row lacks is the problem
	 * {@code missingColumn} answers. Past {@link ResidentImports#MAX_ROWS} rows it throws {@link TooManyRows}.
	 */
	static void read(InputStream xlsx, Map<String, Column> headerNames, Function<Column, ImportProblem> missingColumn,
			List<Row> rows, List<ImportProblem> problems)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		try (OPCPackage pkg = OPCPackage.open(xlsx)) {
			XSSFReader reader = new XSSFReader(pkg);
			var strings = new ReadOnlySharedStringsTable(pkg);
			var sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				return;
			}
			try (InputStream sheet = sheets.next()) {
				Map<Integer, Column> columns = new HashMap<>();
				SheetContentsHandler handler = new SheetContentsHandler() {
					private Map<Column, String> current;

					private int rowNumber;

					@Override
					public void startRow(int rowNum) {
						rowNumber = rowNum + 1;
						current = new EnumMap<>(Column.class);
					}

					@Override
					public void endRow(int rowNum) {
						if (rowNumber == 1) {
							for (Column c : Column.values()) {
								if (!columns.containsValue(c)) {
									problems.add(missingColumn.apply(c));
								}
							}
							return;
						}
						if (current.values().stream().allMatch(v -> v == null || v.isBlank())) {
							return;
						}
						if (rows.size() >= ResidentImports.MAX_ROWS) {
							throw new TooManyRows();
						}
						rows.add(new Row(rowNumber, current));
					}

					@Override
					public void cell(String ref, String formatted, XSSFComment comment) {
						int col = new CellReference(ref).getCol();
						if (rowNumber == 1) {
							Column c = headerNames.get(normalizeHeader(formatted));
							if (c != null) {
								columns.put(col, c);
							}
						}
						else if (columns.containsKey(col)) {
							current.put(columns.get(col), formatted == null ? null : formatted.strip());
						}
					}
				};
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, handler,
						new DataFormatter(Locale.ROOT), false));
				parser.parse(new InputSource(sheet));
			}
		}
	}

	/** A header as compared: without spaces, in lower case. */
	static String normalizeHeader(String text) {
		return text == null ? "" : text.strip().replace(" ", "").toLowerCase(Locale.ROOT);
	}
}

package org.zhizhi.shared.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The platform's .xlsx downloads (lists, contribution records, minutes, ledgers): a header row of translated column
 * names, one row per record — numbers as numbers, everything else as text — and the attachment answer.
 */
public final class Xlsx {

	public static final MediaType MEDIA_TYPE = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Xlsx() {
	}

	/** A workbook the caller fills, as bytes. */
	public static byte[] workbook(Consumer<XSSFWorkbook> fill) {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			fill.accept(book);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The first row: each key put in words by {@code words}. */
	public static void header(Sheet sheet, UnaryOperator<String> words, String... keys) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < keys.length; i++) {
			row.createCell(i).setCellValue(words.apply(keys[i]));
		}
	}

	public static void row(Sheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			if (v instanceof Number n) {
				row.createCell(i).setCellValue(n.doubleValue());
			}
			else if (v != null) {
				row.createCell(i).setCellValue(v.toString());
			}
		}
	}

	public static ResponseEntity<byte[]> download(byte[] bytes, String filename) {
		return ResponseEntity.ok()
			.contentType(MEDIA_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename(filename, java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(bytes);
	}
}

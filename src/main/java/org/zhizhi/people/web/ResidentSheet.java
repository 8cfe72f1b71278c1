package org.zhizhi.people.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleViews.ResidentSearch;
import org.zhizhi.shared.Actor;

/** The masked export of a resident list, streamed with SXSSF: only a window of rows is ever in memory. */
final class ResidentSheet {

	private static final String[] COLUMNS = { "people.name", "people.gender", "people.birthDate", "people.idCard",
			"people.phone", "people.relation", "people.dwelling", "people.tags", "people.kind" };

	private ResidentSheet() {
	}

	static void write(PeopleQueries queries, Actor actor, ResidentSearch search, MessageSource messages,
			Locale locale, OutputStream out) throws IOException {
		write(queries, actor, search, messages, locale, out, () -> {
		});
	}

	/** As {@link #write}, calling {@code eachRow} after each resident written: a background export counts them. */
	static void write(PeopleQueries queries, Actor actor, ResidentSearch search, MessageSource messages,
			Locale locale, OutputStream out, Runnable eachRow) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(messages.getMessage("people.residents", null, locale));
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.length; i++) {
				header.createCell(i).setCellValue(messages.getMessage(COLUMNS[i], null, locale));
			}
			int[] next = { 1 };
			queries.forEachMatch(actor, search, r -> {
				Row row = sheet.createRow(next[0]++);
				row.createCell(0).setCellValue(r.name());
				row.createCell(1).setCellValue(messages.getMessage("people.gender." + r.gender(), null, locale));
				row.createCell(2).setCellValue(r.birthYear());
				row.createCell(3).setCellValue(r.idCardNumber());
				row.createCell(4).setCellValue(r.phone() == null ? "" : r.phone());
				row.createCell(5).setCellValue(messages.getMessage("people.relation." + r.relation(), null, locale));
				row.createCell(6).setCellValue(r.dwellingLabel());
				row.createCell(7).setCellValue(r.tags()
					.stream()
					.map(t -> messages.getMessage("people.tag." + t, null, locale))
					.collect(Collectors.joining("、")));
				row.createCell(8).setCellValue(r.newEmploymentKind() == null ? ""
						: messages.getMessage("people.kind." + r.newEmploymentKind(), null, locale));
				eachRow.run();
			});
			workbook.write(out);
			workbook.dispose();
		}
	}
}

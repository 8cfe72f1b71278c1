package org.zhizhi.points.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.zhizhi.points.PointsQueries.Statement;
import org.zhizhi.shared.spreadsheet.Xlsx;

/** An account's statement as .xlsx: the account's figures, then every line of the ledger, newest first. */
@Component
class PointsWorkbooks {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final ZoneId zone;

	PointsWorkbooks(MessageSource messages, ZoneId zone) {
		this.messages = messages;
		this.zone = zone;
	}

	private String m(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}

	ResponseEntity<byte[]> statement(Statement statement) {
		byte[] bytes = Xlsx.workbook(book -> {
			Sheet summary = book.createSheet(m("points.account.heading"));
			Xlsx.header(summary, this::m, "points.field.scheme", "points.field.holder", "points.field.balance",
					"points.field.earned");
			Xlsx.row(summary, 1, statement.scheme().name(), statement.account().holderName(),
					statement.account().balance(), statement.account().earned());
			Sheet lines = book.createSheet(m("points.statement.heading"));
			Xlsx.header(lines, this::m, "points.field.when", "points.field.kind", "points.field.reason",
					"points.field.amount", "points.field.expiresOn", "points.field.by");
			int r = 1;
			for (var line : statement.lines()) {
				Xlsx.row(lines, r++, WHEN.format(line.at().atZone(zone)), m("points.movement." + line.kind()),
						line.reason(), line.amount(), line.expiresOn() == null ? "" : line.expiresOn().toString(),
						line.byName() == null ? "" : line.byName());
			}
		});
		return Xlsx.download(bytes, "statement-" + statement.account().id() + ".xlsx");
	}
}

package org.zhizhi.identity.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.zhizhi.identity.AuditEntry;
import org.zhizhi.identity.AuditLine;
import org.zhizhi.shared.spreadsheet.Xlsx;

/**
 * The audit trail as .xlsx, for the auditor's report: time, person and account, the entry in words, the outcome, the
 * object's id, the client's address and the detail — what the page shows, with what it keeps for the mouse.
 */
final class AuditWorkbook {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private AuditWorkbook() {
	}

	static byte[] of(List<AuditLine> lines, MessageSource messages, Locale locale, ZoneId zone) {
		return Xlsx.workbook(book -> {
			Sheet sheet = book.createSheet(messages.getMessage("audit.title", null, locale));
			Xlsx.header(sheet, key -> messages.getMessage(key, null, key, locale), "audit.time", "audit.person",
					"audit.account", "audit.entry", "audit.outcome", "audit.objectId", "audit.address",
					"audit.detail");
			int r = 1;
			for (AuditLine line : lines) {
				AuditEntry e = line.entry();
				Xlsx.row(sheet, r++, TIME.format(e.occurredAt().atZone(zone)), line.sentence().get(0).text(),
						e.username(), line.plain(), messages.getMessage("outcome." + e.outcome(), null, locale),
						e.objectId(), e.clientAddress(),
						line.detail() == null || line.detail().isBlank() ? e.detail() : line.detail());
			}
			sheet.setColumnWidth(3, 80 * 256);
		});
	}
}

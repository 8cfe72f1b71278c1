package org.zhizhi.property.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhizhi.property.SelfRunBooks;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.PlausibleYear;
import org.zhizhi.shared.spreadsheet.Xlsx;
import org.zhizhi.property.FeeEntry;
import org.zhizhi.property.MonthTotals;

/**
 * A self-run estate's book of a year as .xlsx, for the desk and the guardians (the group's monthly public account is
 * made from it): the months' totals, then every line with its receipt or voucher — no household's name.
 */
@Controller
class FeeWorkbooks {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SelfRunBooks books;

	private final MessageSource messages;

	private final ZoneId zone;

	FeeWorkbooks(SelfRunBooks books, MessageSource messages, ZoneId zone) {
		this.books = books;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping({ "/m/fees/{estateId}/book.xlsx", "/api/v1/estates/{estateId}/fees/book.xlsx" })
	ResponseEntity<byte[]> book(@AuthenticationPrincipal Actor actor, @PathVariable UUID estateId,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		int y = year == null ? books.thisMonth().getYear() : year;
		var lines = books.ledger(actor, estateId, y);
		var book = books.publicBook(estateId, y).orElseThrow(() -> DomainException.notFound("selfRun"));
		byte[] bytes = Xlsx.workbook(workbook -> {
			Sheet months = workbook.createSheet(m("property.fees.publicTitle"));
			Xlsx.header(months, this::m, "property.fees.month", "property.fees.income", "property.fees.spending",
					"property.fees.balance");
			int r = 1;
			for (MonthTotals t : book.months()) {
				Xlsx.row(months, r++, t.month().toString().substring(0, 7), t.incomeCents() / 100.0,
						t.spendingCents() / 100.0, t.balanceCents() / 100.0);
			}
			Sheet entries = workbook.createSheet(m("property.fees.ledger"));
			Xlsx.header(entries, this::m, "property.fees.month", "property.fees.recordedAt", "property.fees.kind",
					"property.fees.amountYuan", "property.fees.description", "property.fees.receiptOrVoucher",
					"property.fees.recordedBy");
			int e = 1;
			for (FeeEntry line : lines) {
				Xlsx.row(entries, e++, line.month().toString().substring(0, 7), WHEN.format(line.recordedAt().atZone(zone)),
						m("property.fees.entry." + line.kind()), line.amountCents() / 100.0, line.description(),
						line.receiptNo() != null ? line.receiptNo() : line.voucher(), line.recordedByName());
			}
		});
		return Xlsx.download(bytes, "self-run-book-" + y + ".xlsx");
	}

	private String m(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}

package org.zhizhi.servicepoint.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhizhi.servicepoint.Errands;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.spreadsheet.Xlsx;
import org.zhizhi.servicepoint.ErrandKind;

/**
 * The errands of the desk's scope as .xlsx — for the community's monthly report and the money's account: who asked,
 * for whom, what, who ran it, when it was done and confirmed, the money given, spent and handed back.
 */
@Controller
class ErrandWorkbook {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Errands errands;

	private final MessageSource messages;

	private final ZoneId zone;

	ErrandWorkbook(Errands errands, MessageSource messages, ZoneId zone) {
		this.errands = errands;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping({ "/servicepoint/errands.xlsx", "/api/v1/errands.xlsx" })
	ResponseEntity<byte[]> errands(@AuthenticationPrincipal Actor actor) {
		boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		Map<String, String> kinds = errands.kinds().stream()
			.collect(Collectors.toMap(ErrandKind::code, k -> en ? k.nameEn() : k.nameZh()));
		byte[] bytes = Xlsx.workbook(book -> {
			Sheet sheet = book.createSheet(m("servicepoint.errands"));
			Xlsx.header(sheet, this::m, "servicepoint.xlsx.requestedAt", "servicepoint.xlsx.kind",
					"servicepoint.xlsx.resident", "servicepoint.xlsx.dwelling", "servicepoint.xlsx.grid",
					"servicepoint.xlsx.details", "servicepoint.xlsx.channel", "servicepoint.xlsx.requestedBy",
					"servicepoint.xlsx.runner", "servicepoint.xlsx.state", "servicepoint.xlsx.doneAt",
					"servicepoint.xlsx.proof", "servicepoint.xlsx.received", "servicepoint.xlsx.spent",
					"servicepoint.xlsx.change", "servicepoint.xlsx.confirmedAt");
			int[] r = { 1 };
			errands.eachOfScope(actor, e -> Xlsx.row(sheet, r[0]++, when(e.requestedAt()), kinds.get(e.kind()),
					e.residentName(), nz(e.dwellingLabel()), e.orgUnitName(), e.details(),
					m("servicepoint.channel." + e.channel()), e.requestedByName(), nz(e.runnerName()),
					m("servicepoint.errandState." + e.state()), when(e.doneAt()), nz(e.proofNote()),
					e.moneyReceived() == null ? "" : e.moneyReceived().toPlainString(),
					e.moneySpent() == null ? "" : e.moneySpent().toPlainString(),
					e.change() == null ? "" : e.change().toPlainString(), when(e.confirmedAt())));
		});
		return Xlsx.download(bytes, "errands.xlsx");
	}

	private String when(Instant at) {
		return at == null ? "" : WHEN.format(at.atZone(zone));
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private String m(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}

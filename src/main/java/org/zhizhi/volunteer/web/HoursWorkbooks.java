package org.zhizhi.volunteer.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.spreadsheet.Xlsx;
import org.zhizhi.volunteer.Certificates;
import org.zhizhi.volunteer.HoursLine;

/**
 * Service hours as .xlsx: a volunteer's own (for his records, a school, an employer) and a team's, for its leader and
 * the desk (for the district's volunteer platform or the annual report). Approved hours only, the latest first.
 */
@Controller
class HoursWorkbooks {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Certificates certificates;

	private final MessageSource messages;

	private final ZoneId zone;

	HoursWorkbooks(Certificates certificates, MessageSource messages, ZoneId zone) {
		this.certificates = certificates;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping({ "/m/volunteer/hours.xlsx", "/api/v1/volunteer/hours.xlsx" })
	ResponseEntity<byte[]> mine(@AuthenticationPrincipal Actor actor) {
		return sheet(certificates.hoursOf(actor), "hours.xlsx");
	}

	@GetMapping({ "/m/volunteer/teams/{id}/hours.xlsx", "/api/v1/volunteer/teams/{id}/hours.xlsx" })
	ResponseEntity<byte[]> team(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return sheet(certificates.hoursOfTeam(actor, id), "team-hours-" + id + ".xlsx");
	}

	private ResponseEntity<byte[]> sheet(List<HoursLine> lines, String file) {
		byte[] bytes = Xlsx.workbook(book -> {
			Sheet sheet = book.createSheet(m("volunteer.hours.sheet"));
			Xlsx.header(sheet, this::m, "volunteer.hours.when", "volunteer.hours.activity", "volunteer.hours.team",
					"volunteer.hours.person", "volunteer.hours.minutes", "volunteer.hours.approvedBy");
			int r = 1;
			for (HoursLine line : lines) {
				Xlsx.row(sheet, r++, WHEN.format(line.startsAt().atZone(zone)), line.title(), line.teamName(),
						line.personName(), line.minutes(), line.approvedByName() == null ? "" : line.approvedByName());
			}
		});
		return Xlsx.download(bytes, file);
	}

	private String m(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}

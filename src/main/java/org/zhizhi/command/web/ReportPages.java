package org.zhizhi.command.web;

import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhizhi.command.report.MonthlyReports;
import org.zhizhi.command.report.ReportFormat;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/**
 * 月度报告: the form that orders a month's report of a node (his own, or a street or community one level down) as a
 * PDF or a workbook, and his report jobs of the last day. Ordering answers at once with the job's page, which shows
 * the progress and then the download.
 */
@Controller
class ReportPages {

	private final MonthlyReports reports;

	private final MessageSource messages;

	ReportPages(MonthlyReports reports, MessageSource messages) {
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping("/command/reports")
	String form(@AuthenticationPrincipal Actor actor, Model model) {
		prepare(actor, model, null, YearMonth.from(reports.today()).toString(), ReportFormat.PDF.name(),
				FormErrors.none());
		return "command/reports";
	}

	@PostMapping("/command/reports")
	String order(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String month, @RequestParam(required = false) String format,
			Locale locale, Model model) {
		try {
			UUID job = reports.start(actor, reports.check(actor, scope, month, format), locale);
			return "redirect:/jobs/" + job;
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			prepare(actor, model, scope, month, format, FormErrors.of(e, messages));
			return "command/reports";
		}
	}

	private void prepare(Actor actor, Model model, String scope, String month, String format, FormErrors errors) {
		if (!MonthlyReports.mayOrder(actor)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "ROLE_NOT_ALLOWED",
					"command.report.roleNotAllowed");
		}
		model.addAttribute("nodes", reports.nodes(actor));
		model.addAttribute("formScope", scope);
		model.addAttribute("formMonth", month);
		model.addAttribute("formFormat", format);
		model.addAttribute("maxMonth", YearMonth.from(reports.today()).toString());
		model.addAttribute("formats", ReportFormat.values());
		model.addAttribute("jobs", reports.recent(actor));
		model.addAttribute("errors", errors);
	}
}

package org.zhizhi.command.web;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.command.report.MonthlyReports;
import org.zhizhi.shared.Actor;

@RestController
@Tag(name = "command reports", description = "月度报告 — The command centre's monthly report of a district, street "
		+ "or community, as PDF or Excel with charts, written in the background")
class ReportApiController {

	private final MonthlyReports reports;

	ReportApiController(MonthlyReports reports) {
		this.reports = reports;
	}

	/** What the API takes: text, so that a bad value is a field problem naming it rather than an unreadable body. */
	record ReportRequest(@Schema(description = "org unit id: a district, street or community in the caller's scope; "
			+ "default: the caller's own scope node") String scope,
			@Schema(description = "the month, yyyy-MM; not one to come", example = "2026-06") String month,
			@Schema(description = "PDF or XLSX", example = "PDF") String format) {
	}

	record ReportStarted(UUID job, String progress, String file) {
	}

	@PostMapping("/api/v1/command/reports")
	@Operation(summary = "Starts a month's report (incident KPIs with the month before and the year's trend, whistles "
			+ "by type with overdue and carded, emergency whistles, partnership rates, property ratings, the "
			+ "sentinel's alerts by rule — each its module's own figures for the node and month) and answers 202 at "
			+ "once: Location is the job's page (its progress), file the download once it is done")
	ResponseEntity<ReportStarted> start(@AuthenticationPrincipal Actor actor, @RequestBody(required = false)
	ReportRequest request, Locale locale) {
		ReportRequest r = request == null ? new ReportRequest(null, null, null) : request;
		UUID job = reports.start(actor, reports.check(actor, r.scope(), r.month(), r.format()), locale);
		return ResponseEntity.accepted()
			.location(URI.create("/jobs/" + job))
			.body(new ReportStarted(job, "/jobs/" + job, "/jobs/" + job + "/file"));
	}
}

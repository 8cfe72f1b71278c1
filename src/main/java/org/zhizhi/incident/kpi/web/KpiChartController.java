package org.zhizhi.incident.kpi.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.incident.kpi.KpiGranularity;
import org.zhizhi.incident.kpi.KpiRequest;
import org.zhizhi.incident.kpi.KpiTrends;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.ProblemResponses;
import org.zhizhi.shared.ProblemResponses.FieldError;

/**
 * The trend chart's data for the KPI page's script, under the page's session (the API's twin,
 * {@code /api/v1/incident-kpis/trend}, takes tokens): the same trend, its rates written as the cards write them. A
 * refusal is a problem in JSON, as the API answers it, not an error page the script could not read.
 */
@Controller
class KpiChartController {

	private final KpiTrends trends;

	private final IncidentKpis kpis;

	private final KpiCharts charts;

	private final MessageSource messages;

	KpiChartController(KpiTrends trends, IncidentKpis kpis, KpiCharts charts, MessageSource messages) {
		this.trends = trends;
		this.kpis = kpis;
		this.charts = charts;
		this.messages = messages;
	}

	@GetMapping(value = "/incidents/kpi/trend.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	KpiCharts.TrendChart trend(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String orgUnitId,
			@RequestParam(required = false) String preset, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String granularity) {
		KpiRequest request = new KpiRequest(orgUnitId, preset, from, to);
		KpiGranularity cut = KpiGranularity.parse(granularity);
		return charts.trend(trends.trend(actor, request.orgUnit(), request.period(kpis.today()), cut));
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> refused(DomainException e, HttpServletRequest request) {
		HttpStatus status = switch (e.category()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
		};
		Locale locale = LocaleContextHolder.getLocale();
		List<FieldError> errors = e.fieldProblems()
			.stream()
			.map(p -> new FieldError(p.field(), messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
			.toList();
		String detail = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.problem(status, e.code(), detail, errors, request.getRequestURI(), locale,
					messages));
	}
}

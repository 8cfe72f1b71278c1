package org.zhizhi.incident.kpi.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.incident.kpi.KpiReport;
import org.zhizhi.incident.kpi.KpiRequest;
import org.zhizhi.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "incident KPIs", description = "Handling, closure, on-time closure, satisfaction, rework and self-handled "
		+ "rates and median times of any org unit in scope, read from per-grid daily rollups")
class IncidentKpiApiController {

	private final IncidentKpis kpis;

	IncidentKpiApiController(IncidentKpis kpis) {
		this.kpis = kpis;
	}

	@GetMapping("/api/v1/incident-kpis")
	@Operation(summary = "KPIs of an org unit for a period, with month-on-month (环比: the period just before, or the "
			+ "same days of the month before for a period that starts on the 1st) and year-on-year (同比: the same days "
			+ "a year earlier) comparison and the top and bottom 5 grids by closure rate. Rates are fractions 0–1, "
			+ "null without a denominator; medians are the histogram bucket [fromMinutes, toMinutes) that holds them. "
			+ "Each rate counts one cohort against itself, so no rate passes 1 (docs/kpis.md): handlingRate = "
			+ "dispatchedHandled/dispatched (of the incidents first whistled in the period, those handled by now; "
			+ "handlingRateByEnd: by the period's end), closureRate = dueClosed/due, onTimeClosureRate = "
			+ "closedOnTime/due, satisfactionRate = (satisfied + basicallySatisfied)/rated, reworkRate = "
			+ "handledReworked/handled, selfHandledRate = selfHandled/closed")
	KpiReport kpis(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "org unit (district, street, community or grid); default: the caller's scope node")
			@RequestParam(required = false) String orgUnitId,
			@Parameter(description = "MONTH (this month so far, the default) or YEAR (this year so far); ignored when "
					+ "from and to are given") @RequestParam(required = false) String preset,
			@Parameter(description = "first day, ISO date, Asia/Shanghai") @RequestParam(required = false) String from,
			@Parameter(description = "last day, included") @RequestParam(required = false) String to) {
		KpiRequest request = new KpiRequest(orgUnitId, preset, from, to);
		return kpis.report(actor, request.orgUnit(), request.period(kpis.today()));
	}
}

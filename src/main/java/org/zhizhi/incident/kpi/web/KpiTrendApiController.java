package org.zhizhi.incident.kpi.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.incident.kpi.KpiGranularity;
import org.zhizhi.incident.kpi.KpiRequest;
import org.zhizhi.incident.kpi.KpiTrend;
import org.zhizhi.incident.kpi.KpiTrends;
import org.zhizhi.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The KPI trend for API clients (bearer tokens); the desk page reads its twin under the session. */
@RestController
@Tag(name = "incident KPIs")
class KpiTrendApiController {

	private final KpiTrends trends;

	private final IncidentKpis kpis;

	KpiTrendApiController(KpiTrends trends, IncidentKpis kpis) {
		this.trends = trends;
		this.kpis = kpis;
	}

	@GetMapping("/api/v1/incident-kpis/trend")
	@Operation(summary = "The KPIs of an org unit over a period, month by month or ISO week by ISO week: each point "
			+ "holds the figures of its bucket's days (the first and last bucket cut to the period), exactly the "
			+ "figures GET /api/v1/incident-kpis answers for that bucket's from and to. Default granularity: MONTH for "
			+ "periods over 62 days, WEEK otherwise; at most 60 points (a 400 naming granularity beyond)")
	KpiTrend trend(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "org unit (district, street, community or grid); default: the caller's scope node")
			@RequestParam(required = false) String orgUnitId,
			@Parameter(description = "MONTH (this month so far, the default) or YEAR (this year so far); ignored when "
					+ "from and to are given") @RequestParam(required = false) String preset,
			@Parameter(description = "first day, ISO date, Asia/Shanghai") @RequestParam(required = false) String from,
			@Parameter(description = "last day, included") @RequestParam(required = false) String to,
			@Parameter(description = "MONTH (calendar months) or WEEK (ISO weeks, Monday to Sunday); default by the "
					+ "period's length") @RequestParam(required = false) String granularity) {
		KpiRequest request = new KpiRequest(orgUnitId, preset, from, to);
		KpiGranularity cut = KpiGranularity.parse(granularity);
		return trends.trend(actor, request.orgUnit(), request.period(kpis.today()), cut);
	}
}

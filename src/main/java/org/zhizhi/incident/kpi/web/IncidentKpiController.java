package org.zhizhi.incident.kpi.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.incident.kpi.KpiFigures;
import org.zhizhi.incident.kpi.KpiHistogram.Median;
import org.zhizhi.incident.kpi.KpiPeriod;
import org.zhizhi.incident.kpi.KpiReport;
import org.zhizhi.incident.kpi.KpiRequest;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The desk page of the incident KPIs (事件考核): one org unit, one period, the six rates with 环比 and 同比, the median
 * times, the counts, the units one level down, and the best and weakest grids. Pick a unit by walking up (the
 * breadcrumb) or down (the table of units below).
 */
@Controller
class IncidentKpiController {

	private final IncidentKpis kpis;

	private final OrgUnitQueries orgUnits;

	private final MessageSource messages;

	private final KpiDurations durations;

	private final KpiCharts charts;

	IncidentKpiController(IncidentKpis kpis, OrgUnitQueries orgUnits, MessageSource messages, KpiDurations durations,
			KpiCharts charts) {
		this.kpis = kpis;
		this.orgUnits = orgUnits;
		this.messages = messages;
		this.durations = durations;
		this.charts = charts;
	}

	@GetMapping("/incidents/kpi")
	String page(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String orgUnitId,
			@RequestParam(required = false) String preset, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		if (!IncidentKpis.mayRead(actor)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "ROLE_NOT_ALLOWED",
					"incident.roleNotAllowed");
		}
		KpiRequest request = new KpiRequest(orgUnitId, preset, from, to);
		model.addAttribute("preset", from == null || from.isBlank() ? (preset == null ? "MONTH" : preset.toUpperCase(
				Locale.ROOT)) : "CUSTOM");
		KpiReport report;
		try {
			report = kpis.report(actor, request.orgUnit(), request.period(kpis.today()));
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			// a bad date or unit: say so beside the form and show this month of the caller's own scope
			model.addAttribute("errors", FormErrors.of(e, messages));
			report = kpis.report(actor, null, KpiPeriod.monthOf(kpis.today()));
			model.addAttribute("preset", "CUSTOM");
		}
		OrgUnit unit = orgUnits.find(actor.scope(), report.scope().id()).orElseThrow();
		model.addAttribute("report", report);
		model.addAttribute("unit", unit);
		model.addAttribute("lineage", orgUnits.lineage(actor.scope(), unit.id()));
		model.addAttribute("cards", cards(report));
		model.addAttribute("medians", medians(report.figures()));
		model.addAttribute("counts", counts(report.figures()));
		// the charts: the trend comes by script after the page (trend.json); these two are drawn from their tables
		model.addAttribute("times", charts.times(report.figures()));
		model.addAttribute("rankBars", charts.ranking(report));
		model.addAttribute("today", kpis.today());
		List<OrgUnit> children = unit.level() == OrgLevel.GRID ? List.of()
				: orgUnits.list(actor.scope(), OrgUnitFilter.childrenOf(unit.id()));
		Map<OrgUnit, KpiFigures> below = new LinkedHashMap<>();
		for (OrgUnit child : children) {
			below.put(child, kpis.figures(child.scope(), report.period(), kpis.today()));
		}
		model.addAttribute("below", below);
		return "incident/kpi";
	}

	/** The six cards, of the rates the charts draw (one list of what each rate is made of: {@link KpiCharts#RATES}). */
	private static List<KpiCard> cards(KpiReport report) {
		KpiFigures now = report.figures();
		KpiFigures before = report.monthOnMonth().figures();
		KpiFigures yearAgo = report.yearOnYear().figures();
		List<KpiCard> cards = new ArrayList<>();
		for (KpiCharts.Rate r : KpiCharts.RATES) {
			// a rework rate that rises is bad news; every other rate rising is good
			cards.add(new KpiCard(r.key(), r.rate().apply(now), r.numerator().applyAsLong(now),
					r.denominator().applyAsLong(now), r.rate().apply(before), r.rate().apply(yearAgo),
					!"rework".equals(r.key())));
		}
		return cards;
	}

	/** The three median times as [message key, bucket text]. */
	private Map<String, String> medians(KpiFigures figures) {
		Map<String, String> medians = new LinkedHashMap<>();
		medians.put("claim", span(figures.timeToClaim()));
		medians.put("onSite", span(figures.timeToOnSite()));
		medians.put("close", span(figures.timeToClose()));
		return medians;
	}

	private String span(Median median) {
		return durations.span(median);
	}

	private static Map<String, Long> counts(KpiFigures f) {
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<String, ToLongFunction<KpiFigures>> fields = new LinkedHashMap<>();
		fields.put("reported", KpiFigures::reported);
		fields.put("accepted", KpiFigures::accepted);
		fields.put("dispatched", KpiFigures::dispatched);
		fields.put("claimed", KpiFigures::claimed);
		fields.put("onSite", KpiFigures::onSite);
		fields.put("handled", KpiFigures::handled);
		fields.put("closed", KpiFigures::closed);
		fields.put("rated", KpiFigures::rated);
		fields.forEach((name, field) -> counts.put(name, field.applyAsLong(f)));
		return counts;
	}
}

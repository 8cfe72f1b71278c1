package org.zhizhi.command.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.zhizhi.command.AlertAction;
import org.zhizhi.command.AlertState;
import org.zhizhi.command.CommandRoles;
import org.zhizhi.command.EmergencyKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.EmergencyLifecycle;
import org.zhizhi.command.screen.ScreenActions;
import org.zhizhi.command.screen.ScreenScope;
import org.zhizhi.command.screen.ScreenScopes;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.property.Grade;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.UrgeCard;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.shared.Actor;
import org.zhizhi.territory.GeoJsonRings;
import org.zhizhi.territory.MapProperties;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.wish.WishState;

/**
 * The big screen's pages: the viewer's own scope, a street of it, a community of it (the smaller layout). The page is
 * a frame; its panels come from {@code snapshot.json} and its live reports from {@code stream}, so that what the wall
 * shows is exactly what the API answers.
 */
@Controller
@RequestMapping("/command/screen")
class ScreenPageController {

	private final ScreenScopes scopes;

	private final MapProperties map;

	private final MessageSource messages;

	ScreenPageController(ScreenScopes scopes, MapProperties map, MessageSource messages) {
		this.scopes = scopes;
		this.map = map;
		this.messages = messages;
	}

	@GetMapping
	String own(@AuthenticationPrincipal Actor actor, Model model) {
		return page(actor, scopes.resolve(actor, null, null), model);
	}

	@GetMapping("/streets/{id}")
	String street(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		return page(actor, scopes.resolve(actor, id, OrgLevel.STREET), model);
	}

	@GetMapping("/communities/{id}")
	String community(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		return page(actor, scopes.resolve(actor, id, OrgLevel.COMMUNITY), model);
	}

	private String page(Actor actor, ScreenScope screen, Model model) {
		model.addAttribute("screen", screen);
		model.addAttribute("below", scopes.below(screen)
			.stream()
			.map(u -> new Link(u.name(), (u.level() == OrgLevel.STREET ? "/command/screen/streets/"
					: "/command/screen/communities/") + u.id()))
			.toList());
		List<MapGrid> grids = scopes.grids(screen)
			.stream()
			.map(g -> new MapGrid(g.id(), g.name(), g.boundary() == null ? null : GeoJsonRings.rfc7946(g.boundary())))
			.toList();
		Map<String, Object> data = new LinkedHashMap<>();
		String scope = screen.unit().id().toString();
		data.put("scope", scope);
		data.put("snapshotUrl", "/command/screen/snapshot.json?scope=" + scope);
		data.put("streamUrl", "/command/screen/stream?scope=" + scope);
		data.put("cardUrl", "/command/screen/incidents/");
		data.put("deskUrl", "/incidents/");
		data.put("emergencyBoardUrl", "/command/emergency/");
		data.put("alertsUrl", "/command/screen/alerts.json?scope=" + scope);
		data.put("alertCardUrl", "/command/screen/alerts/");
		data.put("alertPageUrl", "/command/alerts/");
		if (EmergencyLifecycle.leads(actor)) {
			// a grid on the map opens the emergency whistle's form with the grid ticked; the form's facade decides
			data.put("emergencyUrl", "/command/emergency/new");
		}
		data.put("grids", grids);
		data.put("labels", labels());
		model.addAttribute("data", data);
		model.addAttribute("tileUrl", map.tileUrl());
		model.addAttribute("tileAttribution", map.tileAttribution());
		return "command/screen";
	}

	/** The words the screen's script writes, in the viewer's language, from the bundles the desk uses too. */
	private Map<String, String> labels() {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> labels = new LinkedHashMap<>();
		List<String> keys = new ArrayList<>();
		Arrays.stream(IncidentState.values()).forEach(v -> keys.add("incidentState." + v));
		Arrays.stream(WhistleType.values()).forEach(v -> keys.add("whistleType." + v));
		Arrays.stream(UrgeCard.values()).forEach(v -> keys.add("urgeCard." + v));
		Arrays.stream(Triage.values()).forEach(v -> keys.add("triage." + v));
		Arrays.stream(WishState.values()).forEach(v -> keys.add("wishState." + v));
		Arrays.stream(Grade.values()).forEach(v -> keys.add("property.grade." + v));
		Arrays.stream(EmergencyKind.values()).forEach(v -> keys.add("command.emergencyKind." + v));
		keys.add("property.title");
		Arrays.stream(RuleKind.values()).forEach(v -> {
			keys.add("command.kind." + v);
			keys.add("command.measure." + v);
		});
		Arrays.stream(AlertState.values()).forEach(v -> keys.add("command.alertState." + v));
		Arrays.stream(AlertAction.values()).forEach(v -> keys.add("command.alertAction." + v));
		CommandRoles.ALERT_DESK.forEach(r -> keys.add("role." + r));
		ScreenActions.OFFERED.forEach(a -> keys.add("command.screen.action." + a));
		List.of("handling", "closure", "onTime", "satisfaction", "rework", "selfHandled")
			.forEach(r -> keys.add("kpi.rate." + r));
		List.of("liveOn", "liveOff", "reported", "dispatched", "closed", "overdueCount", "overdueNone", "matchRate",
				"needsPublished", "whistlesOpen", "open", "overdueShort", "alerts", "cardHint", "noActions",
				"openDesk", "done", "note", "unit", "unitNone", "type", "approve", "refuse", "submit",
				"gridIncidents", "updatedAt", "property", "state", "reportedAt", "total", "blowEmergency",
				"emergencyCounts", "onDutyLine", "riskAlerts", "alertsNone", "alertNoActions", "alertCard", "card", "late", "ageMinutes", "ageHours",
				"ageDays", "measure", "owner", "raisedAt", "adviceUnits", "advicePeople", "reason", "openAlert",
				"volunteerPosts", "volunteersNone", "volunteerLine", "feesNoBills", "feesDetail", "feesLast")
			.forEach(k -> keys.add("command.screen." + k));
		for (String key : keys) {
			labels.put(key, messages.getMessage(key, null, key, locale));
		}
		return labels;
	}

	/** A switch to a screen one level down. */
	record Link(String name, String href) {
	}

	/** A grid as the screen's map draws it. */
	record MapGrid(UUID id, String name, String boundary) {
	}
}

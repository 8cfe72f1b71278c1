package org.zhizhi.command.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.command.AnswerAction;
import org.zhizhi.command.EmergencyCommands.AnswerEmergency;
import org.zhizhi.command.EmergencyCommands.ArriveOnSite;
import org.zhizhi.command.EmergencyCommands.BlowEmergencyWhistle;
import org.zhizhi.command.EmergencyCommands.DrawnArea;
import org.zhizhi.command.EmergencyCommands.StandDown;
import org.zhizhi.command.EmergencyDetail;
import org.zhizhi.command.EmergencyForce;
import org.zhizhi.command.EmergencyKind;
import org.zhizhi.command.EmergencyLifecycle;
import org.zhizhi.command.EmergencyView;
import org.zhizhi.command.EmergencyWhistle;
import org.zhizhi.command.EmergencyWhistles;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.MapProperties;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 应急哨 on the pages: the leader's list, the form that blows one over grids of his scope, and the board that shows
 * who answered, who is coming, who is there (refreshed every few seconds while it calls); on the phone, the person
 * called answers and checks in. The buttons are {@code allowedActions} / {@code allowedAnswers}: the policy's answer.
 */
@Controller
class EmergencyPages {

	private final EmergencyWhistles whistles;

	private final OrgUnitQueries orgUnits;

	private final MessageSource messages;

	private final ZoneId zone;

	private final JsonMapper json;

	private final MapProperties map;

	EmergencyPages(EmergencyWhistles whistles, OrgUnitQueries orgUnits, MessageSource messages, ZoneId zone,
			JsonMapper json, MapProperties map) {
		this.json = json;
		this.map = map;
		this.whistles = whistles;
		this.orgUnits = orgUnits;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping("/command/emergency")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
		requireLeader(actor);
		model.addAttribute("whistles", whistles.ofScope(actor, page));
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("zone", zone);
		return "command/emergency-list";
	}

	/** The form; {@code gridId} (from a grid on the map) and {@code incidentId} (from an incident) come ticked. */
	@GetMapping("/command/emergency/new")
	String form(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) List<UUID> gridId,
			@RequestParam(required = false) UUID incidentId, Model model) {
		requireLeader(actor);
		prepare(actor, model, gridId == null ? List.of() : gridId, Set.of(EmergencyForce.ON_DUTY,
				EmergencyForce.GRID_TEAM, EmergencyForce.PARTY_MEMBERS), incidentId, null, null, null, FormErrors.none());
		return "command/emergency-form";
	}

	@PostMapping("/command/emergency")
	String blow(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) EmergencyKind kind,
			@RequestParam(required = false) String title, @RequestParam(required = false) String details,
			@RequestParam(required = false) List<UUID> gridIds, @RequestParam(required = false) Set<EmergencyForce> forces,
			@RequestParam(required = false) UUID incidentId, @RequestParam(required = false) String area, Model model,
			RedirectAttributes redirect) {
		try {
			EmergencyView blown = whistles.blow(actor, new BlowEmergencyWhistle(kind, title, details,
					gridIds == null ? List.of() : gridIds, forces == null ? Set.of() : forces, incidentId,
					drawnArea(area)));
			redirect.addFlashAttribute("notice", "command.notice.blown");
			return "redirect:/command/emergency/" + blown.id();
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			prepare(actor, model, gridIds == null ? List.of() : gridIds, forces == null ? Set.of() : forces,
					incidentId, kind, title, details, FormErrors.of(e, messages));
			model.addAttribute("drawnArea", area == null || area.isBlank() ? null : area);
			return "command/emergency-form";
		}
	}

	/**
	 * The form's preview, read again as the leader ticks grids or draws: the grids the area comes to and how many
	 * each force would call there; the area's problems in their place of a count.
	 */
	@GetMapping("/command/emergency/preview")
	String preview(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) List<UUID> gridIds,
			@RequestParam(required = false) String area, Model model) {
		requireLeader(actor);
		try {
			model.addAttribute("preview", whistles.preview(actor, gridIds == null ? List.of() : gridIds,
					drawnArea(area)));
			model.addAttribute("errors", FormErrors.none());
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			model.addAttribute("errors", FormErrors.of(e, messages));
		}
		return "command/emergency-form :: preview";
	}

	/**
	 * The drawn area the form's map put in its hidden field (a GeoJSON Polygon), null when nothing was drawn; text
	 * that is not one reaches the rules as an unreadable area, refused beside its field like any other.
	 */
	private DrawnArea drawnArea(String area) {
		if (area == null || area.isBlank()) {
			return null;
		}
		try {
			return json.readValue(area, DrawnArea.class);
		}
		catch (JacksonException e) {
			return new DrawnArea(null, null);
		}
	}

	@GetMapping("/command/emergency/{id}")
	String board(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		EmergencyDetail detail = whistles.detail(actor, id);
		model.addAttribute("detail", detail);
		model.addAttribute("zone", zone);
		// the area's grids as the leader's scope has them now, for the board's map (each grid of the whistle lies in
		// the scope of whoever may open its board as a leader)
		List<Map<String, String>> areaGrids = new ArrayList<>();
		for (EmergencyWhistle.AreaGrid grid : detail.whistle().area()) {
			orgUnits.find(actor.scope(), grid.gridId())
				.filter(g -> g.boundary() != null)
				.ifPresent(g -> areaGrids.add(Map.of("name", g.name(), "boundary", g.boundary())));
		}
		model.addAttribute("areaGrids", areaGrids);
		model.addAttribute("tileUrl", map.tileUrl());
		model.addAttribute("tileAttribution", map.tileAttribution());
		return "command/emergency";
	}

	/** The board's live part alone, for the page's refresh while the whistle calls. */
	@GetMapping("/command/emergency/{id}/answers")
	String answers(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("detail", whistles.detail(actor, id));
		model.addAttribute("zone", zone);
		return "command/emergency :: answers";
	}

	@PostMapping("/command/emergency/{id}/stand-down")
	String standDown(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String summary, RedirectAttributes redirect) {
		return FormErrors.step(redirect, "/command/emergency/" + id, "command.notice.stoodDown",
				() -> whistles.standDown(actor, id, new StandDown(summary)), messages, "command.emergencyState.",
				"command.emergencyStep.");
	}

	@GetMapping("/m/emergency")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("whistles", whistles.mine(actor));
		model.addAttribute("zone", zone);
		return "command/m-emergency-list";
	}

	@GetMapping("/m/emergency/{id}")
	String call(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("detail", whistles.detail(actor, id));
		model.addAttribute("zone", zone);
		return "command/m-emergency";
	}

	@PostMapping("/m/emergency/{id}/answer")
	String answer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) AnswerAction answer, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return FormErrors.step(redirect, "/m/emergency/" + id,
				answer == AnswerAction.CANNOT ? "command.notice.cannot" : "command.notice.coming",
				() -> whistles.answer(actor, id, new AnswerEmergency(answer, reason)), messages,
				"command.answerState.", "command.answerStep.");
	}

	@PostMapping("/m/emergency/{id}/arrive")
	String arrive(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
			RedirectAttributes redirect) {
		return FormErrors.step(redirect, "/m/emergency/" + id, "command.notice.arrived",
				() -> whistles.arrive(actor, id, new ArriveOnSite(lat, lng)), messages, "command.answerState.",
				"command.answerStep.");
	}

	private void prepare(Actor actor, Model model, List<UUID> gridIds, Set<EmergencyForce> forces, UUID incidentId,
			EmergencyKind kind, String title, String details, FormErrors errors) {
		Map<String, List<OrgUnit>> communities = gridsByCommunity(actor);
		model.addAttribute("communities", communities);
		// the same grids on the form's map, where the area may be drawn instead of ticked
		List<Map<String, String>> mapGrids = new ArrayList<>();
		communities.values().forEach(list -> list.stream().filter(g -> g.boundary() != null)
			.forEach(g -> mapGrids.add(Map.of("id", g.id().toString(), "name", g.name(), "boundary", g.boundary()))));
		model.addAttribute("mapGrids", mapGrids);
		model.addAttribute("drawnArea", null);
		model.addAttribute("tileUrl", map.tileUrl());
		model.addAttribute("tileAttribution", map.tileAttribution());
		model.addAttribute("gridIds", gridIds);
		model.addAttribute("forces", forces);
		model.addAttribute("incidentId", incidentId);
		model.addAttribute("formKind", kind);
		// not "title": the layout's fragment parameter of that name would shadow it
		model.addAttribute("formTitle", title);
		model.addAttribute("formDetails", details);
		model.addAttribute("kinds", EmergencyKind.values());
		model.addAttribute("allForces", EmergencyForce.values());
		model.addAttribute("errors", errors);
	}

	/** The grids of the leader's scope under their communities' names, in name order, for the area's boxes. */
	private Map<String, List<OrgUnit>> gridsByCommunity(Actor actor) {
		List<OrgUnit> grids = new ArrayList<>(orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, OrgLevel.GRID)));
		Map<UUID, String> communities = new LinkedHashMap<>();
		orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, OrgLevel.COMMUNITY))
			.forEach(c -> communities.put(c.id(), c.name()));
		grids.sort(Comparator.comparing((OrgUnit g) -> communities.getOrDefault(g.parentId(), ""))
			.thenComparing(OrgUnit::code, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(OrgUnit::name));
		Map<String, List<OrgUnit>> by = new LinkedHashMap<>();
		grids.forEach(g -> by.computeIfAbsent(communities.getOrDefault(g.parentId(), ""), k -> new ArrayList<>()).add(g));
		return by;
	}

	private static void requireLeader(Actor actor) {
		if (!actor.hasAny(EmergencyLifecycle.LEADERS)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
	}
}

package org.zhizhi.incident.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.incident.DeskFilter;
import org.zhizhi.incident.Incident;
import org.zhizhi.incident.IncidentDetail;
import org.zhizhi.incident.IncidentLists;
import org.zhizhi.incident.IncidentDispatch;
import org.zhizhi.incident.IncidentManagement;
import org.zhizhi.incident.IncidentSupervision;
import org.zhizhi.incident.IncidentPhotos;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentRow;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.Rating;
import org.zhizhi.incident.RejectReason;
import org.zhizhi.incident.StepRequest;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The desk of the whistle: the queue of the scope with its filters and counts per state, and one incident with its
 * map, photos, timeline and the steps its state allows, each a one-click form.
 */
@Controller
@RequestMapping("/incidents")
class IncidentDeskController {

	/**
	 * The action forms in the order the panel shows them; each is the fragment of the same name in
	 * {@code incident/actions.html}. A new step (assign, escalate, urge, extension) adds its fragment, its name here
	 * and its rule in {@link #actionsFor}.
	 */
	static final List<String> ACTIONS = List.of("accept", "reject", "triage", "whistle", "verify", "rework", "rate");

	private final IncidentQueries queries;

	private final IncidentLists lists;

	private final IncidentManagement management;

	private final IncidentDispatch dispatch;

	private final IncidentSupervision supervision;

	private final IncidentPhotos photos;

	private final IncidentPages pages;

	private final OrgUnitQueries orgUnits;

	private final MessageSource messages;

	private final String tileUrl;

	private final String tileAttribution;

	private final Clock clock;

	IncidentDeskController(IncidentQueries queries, IncidentLists lists, IncidentManagement management,
			IncidentPhotos photos, IncidentPages pages, OrgUnitQueries orgUnits, MessageSource messages,
			@Value("${zhizhi.map.tile-url:}") String tileUrl,
			@Value("${zhizhi.map.tile-attribution:}") String tileAttribution, Clock clock, IncidentDispatch dispatch,
			IncidentSupervision supervision) {
		this.dispatch = dispatch;
		this.supervision = supervision;
		this.clock = clock;
		this.queries = queries;
		this.lists = lists;
		this.management = management;
		this.photos = photos;
		this.pages = pages;
		this.orgUnits = orgUnits;
		this.messages = messages;
		this.tileUrl = tileUrl;
		this.tileAttribution = tileAttribution;
	}

	@GetMapping
	String queue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) IncidentState state,
			@RequestParam(required = false) WhistleType type, @RequestParam(required = false) String category,
			@RequestParam(required = false) UUID grid, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, Model model) {
		IncidentPages.requireDesk(actor);
		DeskFilter filter = new DeskFilter(state, type, category == null || category.isBlank() ? null : category,
				grid, overdue);
		List<IncidentRow> rows = lists.queue(actor, filter, page);
		boolean more = rows.size() > IncidentLists.PAGE_SIZE;
		rows = more ? rows.subList(0, IncidentLists.PAGE_SIZE) : rows;
		Map<IncidentState, Long> counts = lists.countsByState(actor, filter);
		model.addAttribute("filter", filter);
		model.addAttribute("rows", rows);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("more", more);
		model.addAttribute("counts", counts);
		model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("states", IncidentState.values());
		model.addAttribute("types", WhistleType.values());
		model.addAttribute("categories", pages.categoriesByClass());
		model.addAttribute("grids", orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, OrgLevel.GRID)));
		model.addAttribute("gridNames", pages.gridNames(actor, rows.stream().map(IncidentRow::gridId).toList()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("zone", IncidentPages.CHINA);
		return "incident/queue";
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		IncidentPages.requireDesk(actor);
		return detailPage(actor, queries.get(actor.scope(), id), model, null, FormErrors.none());
	}

	@PostMapping("/{id}/accept")
	String accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		return step(actor, id, "accept", new StepRequest(null, null, null, note, null, null), management::accept,
				model, redirect);
	}

	@PostMapping("/{id}/reject")
	String reject(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) RejectReason reason, @RequestParam(defaultValue = "") String note,
			Model model, RedirectAttributes redirect) {
		return step(actor, id, "reject", new StepRequest(reason, null, null, note, null, null), management::reject,
				model, redirect);
	}

	@PostMapping("/{id}/triage")
	String triage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Triage triage, @RequestParam(defaultValue = "") String note, Model model,
			RedirectAttributes redirect) {
		return step(actor, id, "triage", new StepRequest(null, triage, null, note, null, null), management::triage,
				model, redirect);
	}

	@PostMapping("/{id}/whistle")
	String whistle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) WhistleType type, @RequestParam(defaultValue = "") String note,
			Model model, RedirectAttributes redirect) {
		return step(actor, id, "whistle", new StepRequest(null, null, type, note, null, null), dispatch::whistle,
				model, redirect);
	}

	@PostMapping("/{id}/verify")
	String verify(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		return step(actor, id, "verify", new StepRequest(null, null, null, note, null, null), management::verify,
				model, redirect);
	}

	@PostMapping("/{id}/rework")
	String rework(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		return step(actor, id, "rework", new StepRequest(null, null, null, note, null, null), management::rework,
				model, redirect);
	}

	@PostMapping("/{id}/rate")
	String rate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Rating rating, @RequestParam(defaultValue = "") String comment,
			Model model, RedirectAttributes redirect) {
		return step(actor, id, "rate", new StepRequest(null, null, null, null, null, null, rating, comment),
				management::rate, model, redirect);
	}

	/** The step function of {@link IncidentManagement}: actor, incident and request to the incident after it. */
	interface Step {

		IncidentDetail take(Actor actor, UUID id, StepRequest request);
	}

	/**
	 * Takes one step. Done: back to the incident with a notice. Refused input: the page again with the messages
	 * beside that action's fields. Overtaken (someone else moved the incident first): the page again as it now is,
	 * saying so.
	 */
	private String step(Actor actor, UUID id, String action, StepRequest request, Step step, Model model,
			RedirectAttributes redirect) {
		IncidentPages.requireDesk(actor);
		try {
			step.take(actor, id, request);
			redirect.addFlashAttribute("notice", "incident.done." + action);
			return "redirect:/incidents/" + id;
		}
		catch (DomainException e) {
			if (e.category() == Category.CONFLICT) {
				redirect.addFlashAttribute("stepProblem", "incident.overtaken");
				return "redirect:/incidents/" + id;
			}
			if (e.category() != Category.INVALID) {
				throw e;
			}
			model.addAttribute("submitted", request);
			return detailPage(actor, queries.get(actor.scope(), id), model, action, FormErrors.of(e, messages));
		}
	}

	private String detailPage(Actor actor, IncidentDetail detail, Model model, String failedAction,
			FormErrors errors) {
		Incident incident = detail.incident();
		model.addAttribute("incident", incident);
		model.addAttribute("lines", pages.lines(detail.timeline()));
		model.addAttribute("photoIds", photos.of(actor.scope(), incident.id()));
		model.addAttribute("gridName", pages.gridNames(actor, List.of(incident.gridId())).get(incident.gridId()));
		model.addAttribute("grid", orgUnits.find(actor.scope(), incident.gridId()).orElse(null));
		model.addAttribute("categoryName", pages.categoryNames().get(incident.categoryCode()));
		model.addAttribute("actions", actionsFor(actor, incident));
		model.addAttribute("failedAction", failedAction);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("submitted")) {
			model.addAttribute("submitted", StepRequest.empty());
		}
		model.addAttribute("reasons", RejectReason.values());
		model.addAttribute("triages", Triage.values());
		model.addAttribute("types", WhistleType.values());
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("overdue", incident.overdue(clock.instant()));
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
		model.addAttribute("zone", IncidentPages.CHINA);
		return "incident/detail";
	}

	/** The steps the incident's state allows and the actor's roles may take, in the panel's order. */
	static List<String> actionsFor(Actor actor, Incident incident) {
		boolean dispatcher = actor.hasAny(java.util.EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF,
				Role.STREET_STAFF, Role.DISTRICT_ADMIN, Role.SYSTEM_ADMIN));
		boolean verifier = actor.hasAny(java.util.EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF))
				&& !actor.userId().equals(incident.claimedBy());
		boolean callBack = actor.hasAny(java.util.EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF));
		List<String> actions = new ArrayList<>();
		for (String action : ACTIONS) {
			boolean allowed = switch (action) {
				case "accept", "reject" -> dispatcher && incident.state() == IncidentState.REPORTED;
				case "triage" -> dispatcher && incident.state() == IncidentState.ACCEPTED;
				case "whistle" -> dispatcher && incident.state() == IncidentState.TRIAGED;
				case "verify", "rework" -> verifier && incident.state() == IncidentState.RESOLVED;
				case "rate" -> callBack && incident.state() == IncidentState.CLOSED && incident.rating() == null;
				default -> false;
			};
			if (allowed) {
				actions.add(action);
			}
		}
		return actions;
	}
}

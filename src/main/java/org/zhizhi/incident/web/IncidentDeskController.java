package org.zhizhi.incident.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.incident.AcceptIncident;
import org.zhizhi.incident.AddNote;
import org.zhizhi.incident.AssignIncident;
import org.zhizhi.incident.DecideExtension;
import org.zhizhi.incident.EscalateIncident;
import org.zhizhi.incident.ExtensionRequest;
import org.zhizhi.incident.FieldWork;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentDetail;
import org.zhizhi.incident.IncidentDispatch;
import org.zhizhi.incident.IncidentManagement;
import org.zhizhi.incident.IncidentPhotos;
import org.zhizhi.incident.IncidentPolicy;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentSupervision;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.KeepIncidentClosed;
import org.zhizhi.incident.RateIncident;
import org.zhizhi.incident.Rating;
import org.zhizhi.incident.RejectIncident;
import org.zhizhi.incident.RejectReason;
import org.zhizhi.incident.ReopenIncident;
import org.zhizhi.incident.ReworkIncident;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.TriageIncident;
import org.zhizhi.incident.Unit;
import org.zhizhi.incident.UrgeCard;
import org.zhizhi.incident.UrgeIncident;
import org.zhizhi.incident.VerifyIncident;
import org.zhizhi.incident.WhistleIncident;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.MapProperties;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The desk of the whistle for one incident: its map, photos, timeline and the steps the policy allows the user, each a
 * one-click form. The queue is {@link IncidentQueueController}'s.
 */
@Controller
@RequestMapping("/incidents")
class IncidentDeskController {

	/**
	 * The action forms in the order the panel shows them; each is the fragment of the same name in
	 * {@code incident/actions.html}. A new step (assign, escalate, urge, extension) adds its fragment, its name here
	 * and its entry in {@link #FORMS}.
	 */
	static final List<String> ACTIONS = List.of("accept", "reject", "triage", "whistle", "assign", "extension",
			"verify", "rework", "urge", "escalate", "note", "rate", "reopen");

	private final IncidentQueries queries;

	private final IncidentManagement management;

	private final IncidentDispatch dispatch;

	private final IncidentSupervision supervision;

	private final FieldWork fieldWork;

	private final IncidentPhotos photos;

	private final IncidentPages pages;

	private final OrgUnitQueries orgUnits;

	private final MessageSource messages;

	private final String tileUrl;

	private final String tileAttribution;

	private final Clock clock;

	IncidentDeskController(IncidentQueries queries, IncidentManagement management,
			IncidentPhotos photos, IncidentPages pages, OrgUnitQueries orgUnits, MessageSource messages,
			MapProperties map, Clock clock, IncidentDispatch dispatch, IncidentSupervision supervision, FieldWork fieldWork) {
		this.fieldWork = fieldWork;
		this.dispatch = dispatch;
		this.supervision = supervision;
		this.clock = clock;
		this.queries = queries;
		this.management = management;
		this.photos = photos;
		this.pages = pages;
		this.orgUnits = orgUnits;
		this.messages = messages;
		this.tileUrl = map.tileUrl();
		this.tileAttribution = map.tileAttribution();
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		IncidentPages.requireDesk(actor);
		return detailPage(actor, queries.get(actor.scope(), id), model, null, FormErrors.none());
	}

	@PostMapping("/{id}/accept")
	String accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		return step(actor, id, "accept", Submitted.note(note),
				() -> management.accept(actor, id, new AcceptIncident(note, null, null)), model, redirect);
	}

	@PostMapping("/{id}/reject")
	String reject(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) RejectReason reason, @RequestParam(defaultValue = "") String note,
			Model model, RedirectAttributes redirect) {
		return step(actor, id, "reject", new Submitted(reason, null, note, null, null, null),
				() -> management.reject(actor, id, new RejectIncident(reason, note, null, null)), model, redirect);
	}

	@PostMapping("/{id}/triage")
	String triage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Triage triage, @RequestParam(defaultValue = "") String note, Model model,
			RedirectAttributes redirect) {
		return step(actor, id, "triage", new Submitted(null, triage, note, null, null, null),
				() -> management.triage(actor, id, new TriageIncident(triage, note, null, null)), model, redirect);
	}

	@PostMapping("/{id}/whistle")
	String whistle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) WhistleType type, @RequestParam(name = "dispatch", defaultValue = "") String choice,
			@RequestParam(required = false) UUID assigneeId, @RequestParam(required = false) UUID unitId,
			@RequestParam(defaultValue = "") String task,
			@RequestParam(name = "coUnit", required = false) List<String> coUnit,
			@RequestParam(name = "coTask", required = false) List<String> coTask,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		DispatchForm form = DispatchForm.posted(type, choice, assigneeId, unitId, task, coUnit, coTask, note);
		return dispatchStep(actor, id, "whistle", form,
				request -> dispatch.whistle(actor, id, new WhistleIncident(type, request.mode(), request.assigneeId(),
						request.unitId(), request.task(), request.coUnits(), request.note(), null, null)),
				model, redirect);
	}

	@PostMapping("/{id}/assign")
	String assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(name = "dispatch", defaultValue = "") String choice, @RequestParam(required = false) UUID assigneeId,
			@RequestParam(required = false) UUID unitId, @RequestParam(defaultValue = "") String task,
			@RequestParam(name = "coUnit", required = false) List<String> coUnit,
			@RequestParam(name = "coTask", required = false) List<String> coTask,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		IncidentPages.requireDesk(actor);
		WhistleType type = queries.get(actor.scope(), id).incident().whistleType();
		DispatchForm form = DispatchForm.posted(type, choice, assigneeId, unitId, task, coUnit, coTask, note);
		return dispatchStep(actor, id, "assign", form, request -> dispatch.assign(actor, id, request), model, redirect);
	}

	/** The dispatch form's choice, taken as the domain's command; a refusal is shown beside the field it concerns. */
	private String dispatchStep(Actor actor, UUID id, String action, DispatchForm form,
			Function<AssignIncident, IncidentDetail> step, Model model, RedirectAttributes redirect) {
		AssignIncident command = form.command("assign".equals(action));
		model.addAttribute("dispatchForm", form);
		return step(actor, id, action, Submitted.note(form.note()), () -> step.apply(command), model, redirect,
				form.fieldOf());
	}

	@PostMapping("/{id}/escalate")
	String escalate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		return step(actor, id, "escalate", Submitted.note(note),
				() -> supervision.escalate(actor, id, new EscalateIncident(note, null, null)), model, redirect);
	}

	@PostMapping("/{id}/urge")
	String urge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UrgeCard card, @RequestParam(defaultValue = "") String note, Model model,
			RedirectAttributes redirect) {
		return step(actor, id, "urge", new Submitted(null, null, note, null, null, card),
				() -> supervision.urge(actor, id, new UrgeIncident(card, note, null, null)), model, redirect);
	}

	@PostMapping("/{id}/extension")
	String decideExtension(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Boolean approve, @RequestParam(defaultValue = "") String note,
			Model model, RedirectAttributes redirect) {
		String action = "extension";
		return step(actor, id, action, Submitted.note(note),
				() -> supervision.decideExtension(actor, id, new DecideExtension(approve, note, null, null)), model,
				redirect, f -> f, Boolean.FALSE.equals(approve) ? "extensionRefused" : "extension");
	}

	@PostMapping("/{id}/reopen")
	String reopen(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		return step(actor, id, "reopen", Submitted.note(note),
				() -> management.reopen(actor, id, new ReopenIncident(note, null, null)), model, redirect);
	}

	@PostMapping("/{id}/keep-closed")
	String keepClosed(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		// one form with two buttons: its refusals stand beside the same form as the reopening's
		return step(actor, id, "reopen", Submitted.note(note),
				() -> management.keepClosed(actor, id, new KeepIncidentClosed(note, null, null)), model, redirect,
				f -> f, "keepClosed");
	}

	@PostMapping("/{id}/note")
	String note(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
			RedirectAttributes redirect) throws IOException {
		byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
		return step(actor, id, "note", Submitted.note(note),
				() -> fieldWork.note(actor, id, new AddNote(note, null, null, null), bytes), model, redirect);
	}

	@PostMapping("/{id}/verify")
	String verify(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		return step(actor, id, "verify", Submitted.note(note),
				() -> management.verify(actor, id, new VerifyIncident(note, null, null)), model, redirect);
	}

	@PostMapping("/{id}/rework")
	String rework(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		return step(actor, id, "rework", Submitted.note(note),
				() -> management.rework(actor, id, new ReworkIncident(note, null, null)), model, redirect);
	}

	@PostMapping("/{id}/rate")
	String rate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Rating rating, @RequestParam(defaultValue = "") String comment,
			Model model, RedirectAttributes redirect) {
		return step(actor, id, "rate", new Submitted(null, null, null, rating, comment, null),
				() -> management.rate(actor, id, new RateIncident(rating, comment, null, null)), model, redirect);
	}

	/** A step's call with its command, the incident after it as the answer. */
	interface Step {

		IncidentDetail take();
	}

	/**
	 * What was typed into the step forms, shown again in them when a step is refused: the choices and texts of all
	 * forms, since the panel draws them all from one object.
	 */
	record Submitted(RejectReason reason, Triage triage, String note, Rating rating, String comment, UrgeCard card) {

		static Submitted note(String note) {
			return new Submitted(null, null, note, null, null, null);
		}

		static Submitted none() {
			return note(null);
		}
	}

	private String step(Actor actor, UUID id, String action, Submitted submitted, Step step, Model model,
			RedirectAttributes redirect) {
		return step(actor, id, action, submitted, step, model, redirect, f -> f, action);
	}

	private String step(Actor actor, UUID id, String action, Submitted submitted, Step step, Model model,
			RedirectAttributes redirect, java.util.function.UnaryOperator<String> fieldOf) {
		return step(actor, id, action, submitted, step, model, redirect, fieldOf, action);
	}

	/**
	 * Takes one step. Done: back to the incident with a notice. Refused input: the page again with the messages
	 * beside that action's fields (the field names mapped onto the form's by {@code fieldOf}). Overtaken (someone else
	 * moved the incident first) or not his to take: the page again as it now is, saying so.
	 */
	private String step(Actor actor, UUID id, String action, Submitted submitted, Step step, Model model,
			RedirectAttributes redirect, java.util.function.UnaryOperator<String> fieldOf, String noticeKey) {
		IncidentPages.requireDesk(actor);
		try {
			IncidentDetail after = step.take();
			if ("whistle".equals(action) || "assign".equals(action)) {
				// whom the order went to is the answer the dispatcher needs, not one sentence for every mode
				redirect.addFlashAttribute("dispatchNotice", DispatchNotice.text(after, "whistle".equals(action), pages));
			}
			else {
				redirect.addFlashAttribute("notice", "incident.done." + noticeKey);
			}
			return "redirect:/incidents/" + id;
		}
		catch (DomainException e) {
			if (e.category() == Category.CONFLICT) {
				redirect.addFlashAttribute("stepProblem", "incident.overtaken");
				redirect.addFlashAttribute("stepDetail", pages.text(e.messageKey(), e.args()));
				return "redirect:/incidents/" + id;
			}
			if (e.category() == Category.FORBIDDEN && !"ROLE_NOT_ALLOWED".equals(e.code())) {
				// the rules beside the buttons mirror the domain's; should they differ, say why here, not on 403
				redirect.addFlashAttribute("stepProblem", "desk.stepRefused");
				redirect.addFlashAttribute("stepDetail", pages.text(e.messageKey(), e.args()));
				return "redirect:/incidents/" + id;
			}
			if (e.category() != Category.INVALID) {
				throw e;
			}
			model.addAttribute("submitted", submitted);
			FormErrors errors = FormErrors.of(e, messages);
			Map<String, List<String>> byField = new java.util.LinkedHashMap<>();
			errors.byField().forEach((field, texts) -> byField.merge(fieldOf.apply(field), texts, (a, b) -> {
				List<String> all = new ArrayList<>(a);
				all.addAll(b);
				return all;
			}));
			return detailPage(actor, queries.get(actor.scope(), id), model, action, new FormErrors(byField));
		}
	}

	private String detailPage(Actor actor, IncidentDetail detail, Model model, String failedAction,
			FormErrors errors) {
		IncidentView incident = detail.incident();
		Instant now = clock.instant();
		List<String> actions = actionsFor(management.allowedActions(actor, incident));
		model.addAttribute("incident", incident);
		model.addAttribute("lines", pages.lines(detail.timeline()));
		model.addAttribute("photoIds", photos.of(actor.scope(), incident.id()));
		model.addAttribute("gridName", pages.gridNames(actor, List.of(incident.gridId())).get(incident.gridId()));
		model.addAttribute("grid", orgUnits.find(actor.scope(), incident.gridId()).orElse(null));
		model.addAttribute("categoryName", pages.categoryNames().get(incident.categoryCode()));
		model.addAttribute("actions", actions);
		model.addAttribute("failedAction", failedAction);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("submitted")) {
			model.addAttribute("submitted", Submitted.none());
		}
		if (!model.containsAttribute("dispatchForm")) {
			model.addAttribute("dispatchForm", DispatchForm.empty());
		}
		Map<UUID, String> people = pages.peopleNames(incident);
		List<Unit> serving = pages.unitsServing(actor, incident);
		if (actions.contains("whistle") || actions.contains("assign")) {
			model.addAttribute("members", pages.assignableMembers(incident));
			model.addAttribute("units", serving);
		}
		model.addAttribute("ownerName", pages.ownerName(actor, incident, people, serving, detail.parts()));
		model.addAttribute("people", people);
		model.addAttribute("parts", detail.parts());
		model.addAttribute("extensions", detail.extensions());
		model.addAttribute("pendingExtension", pending(detail).orElse(null));
		model.addAttribute("dues", IncidentPages.dues(incident, now));
		model.addAttribute("reasons", RejectReason.values());
		model.addAttribute("triages", Triage.values());
		model.addAttribute("types", WhistleType.values());
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("cards", UrgeCard.values());
		model.addAttribute("coUnitRows", DispatchForm.CO_UNIT_ROWS);
		model.addAttribute("overdue", incident.overdue(now));
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
		return "incident/detail";
	}

	private static java.util.Optional<ExtensionRequest> pending(IncidentDetail detail) {
		return detail.extensions().stream().filter(x -> x.state() == ExtensionRequest.State.PENDING).findFirst();
	}

	/** The desk's form for each step the policy may allow; steps taken on the phone have no form here. */
	private static final Map<String, IncidentAction> FORMS = Map.ofEntries(Map.entry("accept", IncidentAction.ACCEPT),
			Map.entry("reject", IncidentAction.REJECT), Map.entry("triage", IncidentAction.TRIAGE),
			Map.entry("whistle", IncidentAction.WHISTLE), Map.entry("assign", IncidentAction.ASSIGN),
			Map.entry("extension", IncidentAction.EXTENSION_APPROVE), Map.entry("verify", IncidentAction.VERIFY),
			Map.entry("rework", IncidentAction.REWORK), Map.entry("urge", IncidentAction.URGE),
			Map.entry("escalate", IncidentAction.ESCALATE), Map.entry("note", IncidentAction.NOTE),
			Map.entry("rate", IncidentAction.RATE), Map.entry("reopen", IncidentAction.REOPEN));

	/**
	 * The forms of the steps the policy allows the actor on the incident, in the panel's order. The page does not
	 * decide: {@link IncidentPolicy} answers for the API, the desk and the phone alike.
	 */
	static List<String> actionsFor(Set<IncidentAction> allowed) {
		return ACTIONS.stream().filter(form -> allowed.contains(FORMS.get(form))).toList();
	}
}

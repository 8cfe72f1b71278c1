package org.zhizhi.incident.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import org.zhizhi.incident.AddNote;
import org.zhizhi.incident.AnswerIncident;
import org.zhizhi.incident.CheckInOnSite;
import org.zhizhi.incident.ClaimIncident;
import org.zhizhi.incident.ExtensionRequest;
import org.zhizhi.incident.FieldWork;
import org.zhizhi.incident.HandBackIncident;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentDetail;
import org.zhizhi.incident.IncidentDispatch;
import org.zhizhi.incident.IncidentLifecycle;
import org.zhizhi.incident.IncidentLists;
import org.zhizhi.incident.IncidentManagement;
import org.zhizhi.incident.IncidentPhotos;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentRow;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentSupervision;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.MovePart;
import org.zhizhi.incident.RequestExtension;
import org.zhizhi.incident.ResolveIncident;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.shared.Role;

/**
 * 我的任务 on the phone: a party member grabs an open call, an assignee or unit liaison answers (应哨) or hands back
 * (退单) an order, a co-unit takes on and finishes its part of a tough whistle, and the handler checks in, notes
 * progress, asks for more time and resolves. What each page offers is what {@code IncidentPolicy} allows.
 */
@Controller
@RequestMapping("/m")
class PhoneTaskController {

	private final FieldWork fieldWork;

	private final IncidentManagement management;

	private final IncidentQueries queries;

	private final IncidentLists lists;

	private final IncidentPhotos photos;

	private final IncidentPages pages;

	private final MessageSource messages;

	private final IncidentDispatch dispatch;

	private final IncidentSupervision supervision;

	private final java.time.Clock clock;

	PhoneTaskController(FieldWork fieldWork, IncidentManagement management, IncidentQueries queries,
			IncidentLists lists, IncidentPhotos photos, IncidentPages pages,
			MessageSource messages, IncidentDispatch dispatch, IncidentSupervision supervision,
			java.time.Clock clock) {
		this.clock = clock;
		this.dispatch = dispatch;
		this.supervision = supervision;
		this.fieldWork = fieldWork;
		this.management = management;
		this.queries = queries;
		this.lists = lists;
		this.photos = photos;
		this.pages = pages;
		this.messages = messages;
	}

	/**
	 * 我的任务: what is waiting now — for one who may grab them the open calls first, then his orders in hand (for a
	 * liaison his unit's open orders) — and the closed orders behind the history tab, a page at a time. A year's rated
	 * orders above the open calls would bury them.
	 */
	@GetMapping("/tasks")
	String tasks(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "current") String tab,
			@RequestParam(defaultValue = "0") int page, Model model) {
		// a unit's liaison works on his unit's orders only: no open calls of the area, nothing of other units
		boolean liaison = IncidentPages.liaisonOnly(actor);
		boolean history = "history".equals(tab);
		model.addAttribute("liaison", liaison);
		model.addAttribute("history", history);
		model.addAttribute("now", clock.instant());
		model.addAttribute("mayClaim", actor.has(Role.PARTY_MEMBER));
		List<UUID> gridIds = new ArrayList<>();
		if (history) {
			List<IncidentRow> closed = liaison ? lists.unitOrderHistory(actor, page) : lists.myOrderHistory(actor, page);
			boolean more = closed.size() > IncidentLists.PAGE_SIZE;
			closed = more ? closed.subList(0, IncidentLists.PAGE_SIZE) : closed;
			closed.forEach(r -> gridIds.add(r.gridId()));
			model.addAttribute("closed", closed);
			model.addAttribute("page", Math.max(page, 0));
			model.addAttribute("more", more);
		}
		else {
			List<IncidentRow> orders = liaison ? lists.unitOrders(actor) : lists.myOrders(actor);
			List<IncidentRow> calls = liaison ? List.of() : lists.openCalls(actor);
			orders.forEach(r -> gridIds.add(r.gridId()));
			calls.forEach(r -> gridIds.add(r.gridId()));
			model.addAttribute("orders", orders);
			model.addAttribute("calls", calls);
		}
		model.addAttribute("gridNames", pages.gridNames(actor, gridIds));
		return "m/tasks";
	}

	@PostMapping("/tasks/{id}/claim")
	String claim(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			management.claim(actor, id, new ClaimIncident(null, null, null));
			redirect.addFlashAttribute("notice", "incident.claimed");
			return "redirect:/m/tasks/" + id;
		}
		catch (DomainException e) {
			if (e.category() != Category.CONFLICT) {
				throw e;
			}
			// another member was faster, or the call was withdrawn: say so on the list, not on an error page
			redirect.addFlashAttribute("taskProblem", "incident.claim.lost");
			return "redirect:/m/tasks";
		}
	}

	@GetMapping("/tasks/{id}")
	String task(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		return taskPage(actor, task(actor, id), model, null, FormErrors.none(), new StepForm("", "", "", ""));
	}

	/** What the forms of a task hold, as typed. */
	record StepForm(String lat, String lng, String note, String hours) {

		StepForm(String lat, String lng, String note) {
			this(lat, lng, note, "");
		}
	}

	/** A step of the task page: the domain's call with the command the form made. */
	interface PhoneStep {

		IncidentDetail take() throws IOException;
	}

	/**
	 * Takes a step from the task page. Done: back to the task (or to the list, when the step gives the order away)
	 * with a notice. Refused input: the page again with the messages beside the form's fields. Overtaken or not his
	 * (any more): the page as it now is, saying so.
	 */
	private String phoneStep(Actor actor, UUID id, String formName, StepForm form, List<FieldProblem> ownProblems,
			PhoneStep step, String notice, boolean leaves, Model model,
			RedirectAttributes redirect) throws IOException {
		IncidentDetail detail = task(actor, id);
		try {
			if (!ownProblems.isEmpty()) {
				throw DomainException.invalid(ownProblems);
			}
			step.take();
			redirect.addFlashAttribute("notice", notice);
			return leaves ? "redirect:/m/tasks" : "redirect:/m/tasks/" + id;
		}
		catch (DomainException e) {
			if (e.category() == Category.CONFLICT || e.category() == Category.FORBIDDEN) {
				redirect.addFlashAttribute("taskProblem", "incident.overtaken");
				return "redirect:/m/tasks/" + id;
			}
			if (e.category() != Category.INVALID) {
				throw e;
			}
			return taskPage(actor, detail, model, formName, FormErrors.of(e, messages), form);
		}
	}

	private static byte[] bytes(MultipartFile photo) throws IOException {
		return photo == null || photo.isEmpty() ? null : photo.getBytes();
	}

	/** 应哨: the member or unit the order was assigned to takes it on. */
	@PostMapping("/tasks/{id}/answer")
	String answer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model,
			RedirectAttributes redirect) throws IOException {
		return phoneStep(actor, id, "answer", new StepForm("", "", ""), List.of(),
				() -> dispatch.answer(actor, id, new AnswerIncident(null, null, null)), "incident.answered", false,
				model, redirect);
	}

	/** 退单: the order goes back to its tier to be dispatched again, with the reason. */
	@PostMapping("/tasks/{id}/hand-back")
	String handBack(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect)
			throws IOException {
		return phoneStep(actor, id, "handBack", new StepForm("", "", note), List.of(),
				() -> dispatch.handBack(actor, id, new HandBackIncident(note, null, null)), "incident.handedBack", true,
				model, redirect);
	}

	/** A co-unit's part of a tough whistle: accept it, finish it (note, photo maybe) or hand it back (reason). */
	@PostMapping("/tasks/{id}/part/{step}")
	String part(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable String step,
			@RequestParam(defaultValue = "") String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
			RedirectAttributes redirect) throws IOException {
		MovePart command = new MovePart(note, null, null, null);
		return switch (step) {
			case "answer" -> phoneStep(actor, id, "partAnswer", new StepForm("", "", ""), List.of(),
					() -> dispatch.part(actor, id, IncidentAction.PART_ANSWER, command), "incident.partAnswered",
					false, model, redirect);
			case "done" -> phoneStep(actor, id, "partDone", new StepForm("", "", note), List.of(),
					() -> fieldWork.partDone(actor, id, command, bytes(photo)), "incident.partDone", false, model,
					redirect);
			case "hand-back" -> phoneStep(actor, id, "partHandBack", new StepForm("", "", note), List.of(),
					() -> dispatch.part(actor, id, IncidentAction.PART_HAND_BACK, command), "incident.partHandedBack",
					false, model, redirect);
			default -> throw DomainException.notFound("part step");
		};
	}

	/** 申请延期: so many hours more, with the reason, for the tier above to decide. */
	@PostMapping("/tasks/{id}/extension")
	String requestExtension(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String hours, @RequestParam(defaultValue = "") String note, Model model,
			RedirectAttributes redirect) throws IOException {
		List<FieldProblem> problems = new ArrayList<>();
		Integer asked = null;
		if (!hours.isBlank()) {
			try {
				asked = Integer.valueOf(hours.strip());
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("hours", "incident.extensionHours", IncidentLifecycle.MAX_EXTENSION_HOURS));
			}
		}
		RequestExtension command = new RequestExtension(asked, note, null, null);
		return phoneStep(actor, id, "extension", new StepForm("", "", note, hours), problems,
				() -> supervision.requestExtension(actor, id, command), "incident.extensionRequested", false, model,
				redirect);
	}

	/** 进展: a note of how far the work has got, with a photo maybe. */
	@PostMapping("/tasks/{id}/note")
	String note(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
			RedirectAttributes redirect) throws IOException {
		return phoneStep(actor, id, "note", new StepForm("", "", note), List.of(),
				() -> fieldWork.note(actor, id, new AddNote(note, null, null, null), bytes(photo)), "incident.noted",
				false, model, redirect);
	}

	@PostMapping("/tasks/{id}/check-in")
	String checkIn(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String lat, @RequestParam(defaultValue = "") String lng,
			@RequestParam(defaultValue = "") String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
			RedirectAttributes redirect) throws IOException {
		IncidentDetail detail = task(actor, id);
		StepForm form = new StepForm(lat, lng, note);
		List<FieldProblem> problems = new ArrayList<>();
		try {
			Double latitude = PhoneForms.number("lat", lat, problems);
			Double longitude = PhoneForms.number("lng", lng, problems);
			fieldWork.checkIn(actor, id, new CheckInOnSite(latitude, longitude, note, null),
					photo == null || photo.isEmpty() ? null : photo.getBytes());
			redirect.addFlashAttribute("notice", "incident.checkedIn");
			return "redirect:/m/tasks/" + id;
		}
		catch (DomainException e) {
			if (e.category() == Category.CONFLICT) {
				redirect.addFlashAttribute("taskProblem", "incident.overtaken");
				return "redirect:/m/tasks/" + id;
			}
			if (e.category() != Category.INVALID) {
				throw e;
			}
			return taskPage(actor, detail, model, "checkIn", FormErrors.of(PhoneForms.merged(e, problems), messages), form);
		}
	}

	@PostMapping("/tasks/{id}/resolve")
	String resolve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
			RedirectAttributes redirect) throws IOException {
		IncidentDetail detail = task(actor, id);
		try {
			fieldWork.resolve(actor, id, new ResolveIncident(note, null, null, null),
					photo == null || photo.isEmpty() ? null : photo.getBytes());
			redirect.addFlashAttribute("notice", "incident.resolved");
			return "redirect:/m/tasks/" + id;
		}
		catch (DomainException e) {
			if (e.category() == Category.CONFLICT) {
				redirect.addFlashAttribute("taskProblem", "incident.overtaken");
				return "redirect:/m/tasks/" + id;
			}
			if (e.category() != Category.INVALID) {
				throw e;
			}
			return taskPage(actor, detail, model, "resolve", FormErrors.of(e, messages), new StepForm("", "", note));
		}
	}

	/**
	 * An order of the actor's, an order of his unit (given to it, or a tough whistle it has a part of), or — for
	 * anyone but a unit's liaison — an open call of his scope; nothing else.
	 */
	private IncidentDetail task(Actor actor, UUID id) {
		UUID unit = lists.myUnit(actor).orElse(null);
		boolean liaison = IncidentPages.liaisonOnly(actor);
		return queries.find(actor.scope(), id)
			.filter(d -> actor.userId().equals(d.incident().claimedBy()) || ofUnit(d, unit)
					|| (!liaison && d.incident().state() == IncidentState.WHISTLED
							&& d.incident().claimedBy() == null && d.incident().unitId() == null))
			.orElseThrow(() -> DomainException.notFound("incident"));
	}

	private static boolean ofUnit(IncidentDetail detail, UUID unit) {
		return unit != null && (unit.equals(detail.incident().unitId())
				|| detail.parts().stream().anyMatch(p -> p.unitId().equals(unit)));
	}

	private String taskPage(Actor actor, IncidentDetail detail, Model model, String failedForm, FormErrors errors,
			StepForm form) {
		IncidentView incident = detail.incident();
		// what the phone offers is what the policy allows: the same answer as the API's and the desk's
		Set<IncidentAction> allowed = management.allowedActions(actor, incident);
		boolean pending = detail.extensions().stream().anyMatch(x -> x.state() == ExtensionRequest.State.PENDING);
		UUID unit = lists.myUnit(actor).orElse(null);
		model.addAttribute("mayAnswer", allowed.contains(IncidentAction.ANSWER));
		model.addAttribute("mayHandBack", allowed.contains(IncidentAction.HAND_BACK));
		model.addAttribute("part", detail.parts()
			.stream()
			.filter(p -> !p.lead() && p.unitId().equals(unit))
			.findFirst()
			.orElse(null));
		model.addAttribute("mayPartAnswer", allowed.contains(IncidentAction.PART_ANSWER));
		model.addAttribute("mayPartFinish", allowed.contains(IncidentAction.PART_DONE));
		model.addAttribute("mayExtend", allowed.contains(IncidentAction.EXTENSION_REQUEST));
		model.addAttribute("pendingExtension", pending);
		model.addAttribute("mayNote", allowed.contains(IncidentAction.NOTE));
		model.addAttribute("parts", detail.parts());
		model.addAttribute("dues", IncidentPages.dues(incident, clock.instant()));
		model.addAttribute("incident", incident);
		model.addAttribute("lines", pages.lines(detail.timeline()));
		model.addAttribute("photoIds", photos.of(actor.scope(), incident.id()));
		model.addAttribute("gridName", pages.gridNames(actor, List.of(incident.gridId())).get(incident.gridId()));
		model.addAttribute("categoryName", pages.categoryNames().get(incident.categoryCode()));
		model.addAttribute("mayClaim", allowed.contains(IncidentAction.CLAIM));
		model.addAttribute("mayCheckIn", allowed.contains(IncidentAction.CHECK_IN));
		model.addAttribute("mayResolve", allowed.contains(IncidentAction.RESOLVE));
		model.addAttribute("failedForm", failedForm);
		model.addAttribute("gridCells", pages.gridCells(actor));
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return "m/task";
	}
}

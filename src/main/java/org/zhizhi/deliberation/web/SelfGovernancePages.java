package org.zhizhi.deliberation.web;

import java.time.LocalDate;
import java.util.List;
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
import org.zhizhi.deliberation.AddBodyMember;
import org.zhizhi.deliberation.BodyKind;
import org.zhizhi.deliberation.ConventionKind;
import org.zhizhi.deliberation.CreateBody;
import org.zhizhi.deliberation.DeliberationRoles;
import org.zhizhi.deliberation.DraftConvention;
import org.zhizhi.deliberation.SelfGovernance;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.PlaceQueries;

/** 自治组织与公约: an estate's bodies, guardians, conventions and 四个一 on the desk, with the forms that keep them. */
@Controller
class SelfGovernancePages {

	private final SelfGovernance governance;

	private final PlaceQueries places;

	private final MessageSource messages;

	SelfGovernancePages(SelfGovernance governance, PlaceQueries places, MessageSource messages) {
		this.governance = governance;
		this.places = places;
		this.messages = messages;
	}

	@GetMapping("/deliberation/estates")
	String estates(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("estates", places.estates(actor.scope(), null, null));
		return "deliberation/estates";
	}

	@GetMapping("/deliberation/estates/{id}")
	String estate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("g", governance.estate(actor, id));
		model.addAttribute("desk", actor.hasAny(DeliberationRoles.DESK));
		model.addAttribute("bodyKinds", BodyKind.values());
		model.addAttribute("conventionKinds", ConventionKind.values());
		model.addAttribute("buildings", places.buildingsOfEstate(actor.scope(), id).stream()
			.map(BuildingOverview::building)
			.toList());
		return "deliberation/governance";
	}

	@PostMapping("/deliberation/estates/{id}/bodies")
	String createBody(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) BodyKind kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) LocalDate termStart, @RequestParam(required = false) LocalDate termEnd,
			RedirectAttributes redirect) {
		return step(redirect, id, "deliberation.notice.bodyCreated",
				() -> governance.createBody(actor, new CreateBody(id, kind, name, termStart, termEnd)));
	}

	@PostMapping("/deliberation/estates/{id}/bodies/{bodyId}/members")
	String addMember(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID bodyId,
			@RequestParam(required = false) String name, @RequestParam(required = false) String role,
			@RequestParam(defaultValue = "false") boolean partyMember, @RequestParam(required = false) UUID buildingId,
			@RequestParam(required = false) LocalDate joinedOn, RedirectAttributes redirect) {
		return step(redirect, id, "deliberation.notice.memberAdded", () -> governance.addMember(actor, bodyId,
				new AddBodyMember(name, role, partyMember, buildingId, joinedOn)));
	}

	@PostMapping("/deliberation/estates/{id}/conventions")
	String draft(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) ConventionKind kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) UUID conventionId, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		try {
			UUID topic = governance.draft(actor, new DraftConvention(id, kind, title, conventionId, text));
			redirect.addFlashAttribute("notice", "deliberation.notice.drafted");
			return "redirect:/topics/" + topic;
		}
		catch (DomainException e) {
			return refused(redirect, id, e);
		}
	}

	private String step(RedirectAttributes redirect, UUID id, String notice, Runnable command) {
		try {
			command.run();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/deliberation/estates/" + id;
		}
		catch (DomainException e) {
			return refused(redirect, id, e);
		}
	}

	private String refused(RedirectAttributes redirect, UUID id, DomainException e) {
		if (e.category() == DomainException.Category.NOT_FOUND) {
			throw e;
		}
		FormErrors errors = FormErrors.of(e, messages);
		redirect.addFlashAttribute("stepProblems", errors.byField().values().stream().flatMap(List::stream).toList());
		return "redirect:/deliberation/estates/" + id;
	}
}

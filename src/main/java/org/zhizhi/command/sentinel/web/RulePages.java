package org.zhizhi.command.sentinel.web;

import java.util.List;
import java.util.Map;
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
import org.zhizhi.command.CommandRoles;
import org.zhizhi.command.sentinel.AlertCommands.UpdateRule;
import org.zhizhi.command.sentinel.Rules;
import org.zhizhi.command.sentinel.Sentinel;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.shared.FormValues;
import org.zhizhi.shared.Role;

/**
 * The district's rules: every desk of the district reads them (they say what raises its alerts); its admin changes
 * them, one form a rule, its refusals beside the field with what he typed kept, and runs a pass now.
 */
@Controller
class RulePages {

	private final Rules rules;

	private final Sentinel sentinel;

	private final MessageSource messages;

	RulePages(Rules rules, Sentinel sentinel, MessageSource messages) {
		this.rules = rules;
		this.sentinel = sentinel;
		this.messages = messages;
	}

	@GetMapping("/command/rules")
	String rules(@AuthenticationPrincipal Actor actor, Model model) {
		return page(actor, model, null, FormErrors.none(), null);
	}

	@PostMapping("/command/rules/{id}")
	String update(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String threshold, @RequestParam(required = false) String windowDays,
			@RequestParam(required = false) String ownerRole, @RequestParam(required = false) String handleWithinHours,
			@RequestParam(defaultValue = "false") boolean enabled, Model model, RedirectAttributes redirect) {
		try {
			rules.update(actor, id, new UpdateRule(FormValues.integer(threshold, "threshold"),
					FormValues.integer(windowDays, "windowDays"), role(ownerRole),
					FormValues.integer(handleWithinHours, "handleWithinHours"), enabled));
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID && e.category() != DomainException.Category.CONFLICT) {
				throw e;
			}
			Map<String, String> typed = Map.of("threshold", text(threshold), "windowDays",
					text(windowDays), "ownerRole", text(ownerRole), "handleWithinHours", text(handleWithinHours));
			return page(actor, model, id, FormErrors.of(e, messages), typed);
		}
		redirect.addFlashAttribute("notice", "command.notice.ruleSaved");
		return "redirect:/command/rules";
	}

	@PostMapping("/command/rules/run")
	String run(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		Sentinel.Pass pass = sentinel.runFor(actor);
		redirect.addFlashAttribute("raised", pass.raisedTotal());
		redirect.addFlashAttribute("notice", "command.notice.ran");
		return "redirect:/command/rules";
	}

	private String page(Actor actor, Model model, UUID editing, FormErrors errors, Map<String, String> typed) {
		model.addAttribute("rules", rules.of(actor));
		model.addAttribute("mayEdit", CommandRoles.editsRules(actor));
		model.addAttribute("owners", List.copyOf(Rules.OWNER_ROLES));
		model.addAttribute("editing", editing);
		model.addAttribute("form", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("tab", "rules");
		return "command/rules";
	}

	private static Role role(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Role.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			// a role the form never offers: refused by the rule's own check, beside the field
			return Role.RESIDENT;
		}
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}

package org.zhizhi.party.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
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
import org.zhizhi.party.Appraisal;
import org.zhizhi.party.AppraisalCommands.AssessBranch;
import org.zhizhi.party.AppraisalCommands.OpenAppraisal;
import org.zhizhi.party.AppraisalCommands.RecordResult;
import org.zhizhi.party.AppraisalGrade;
import org.zhizhi.party.Appraisals;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.party.PartyRules;
import org.zhizhi.property.Scorecard;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/**
 * The desk pages of 民主评议党员 (the rounds, a round with a result form per member) and of the branch assessment (the
 * template's criteria marked pass or fail, the engine's score). Refused forms come back with their messages.
 */
@Controller
class AppraisalController {

	private final Appraisals appraisals;

	private final PartyQueries party;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	AppraisalController(Appraisals appraisals, PartyQueries party, MessageSource messages, Clock clock, ZoneId zone) {
		this.appraisals = appraisals;
		this.party = party;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/party/appraisals")
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		return list(actor, null, null, FormErrors.none(), model);
	}

	@PostMapping("/party/appraisals")
	String open(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId,
			@RequestParam(required = false) Integer year, Model model, RedirectAttributes redirect) {
		try {
			Appraisal appraisal = appraisals.open(actor, new OpenAppraisal(orgId, year));
			redirect.addFlashAttribute("notice", "party.appraisal.notice.opened");
			return "redirect:/party/appraisals/" + appraisal.id();
		}
		catch (DomainException refused) {
			if (refused.category() == DomainException.Category.NOT_FOUND) {
				throw refused;
			}
			return list(actor, orgId, year, FormErrors.of(refused, messages), model);
		}
	}

	private String list(Actor actor, UUID orgId, Integer year, FormErrors errors, Model model) {
		model.addAttribute("appraisals", appraisals.appraisals(actor, null));
		model.addAttribute("assessments", appraisals.assessments(actor, null));
		model.addAttribute("orgs", party.orgs(actor).stream().filter(o -> o.level().name().endsWith("BRANCH")
				|| o.level().name().equals("COMMITTEE")).toList());
		model.addAttribute("mayWrite", PartyRules.mayWrite(actor));
		model.addAttribute("orgId", orgId);
		model.addAttribute("year", year == null ? LocalDate.now(clock.withZone(zone)).getYear() : year);
		model.addAttribute("errors", errors);
		return "party/appraisals";
	}

	@GetMapping("/party/appraisals/{id}")
	String appraisal(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		return appraisal(actor, id, FormErrors.none(), model);
	}

	@PostMapping("/party/appraisals/{id}/results")
	String record(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID memberId, @RequestParam(required = false) AppraisalGrade grade,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
		try {
			appraisals.record(actor, id, new RecordResult(memberId, grade, note));
		}
		catch (DomainException refused) {
			if (refused.category() == DomainException.Category.NOT_FOUND) {
				throw refused;
			}
			model.addAttribute("refusedMember", memberId);
			return appraisal(actor, id, FormErrors.of(refused, messages), model);
		}
		redirect.addFlashAttribute("notice", "party.appraisal.notice.recorded");
		return "redirect:/party/appraisals/" + id;
	}

	@PostMapping("/party/appraisals/{id}/close")
	String close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return FormErrors.step(redirect, "/party/appraisals/" + id, "party.appraisal.notice.closed",
				() -> appraisals.close(actor, id), messages, "appraisalState.", "appraisalAction.");
	}

	private String appraisal(Actor actor, UUID id, FormErrors errors, Model model) {
		model.addAttribute("view", appraisals.appraisal(actor, id)
			.orElseThrow(() -> DomainException.notFound("party-appraisal")));
		model.addAttribute("grades", AppraisalGrade.values());
		model.addAttribute("errors", errors);
		return "party/appraisal";
	}

	@GetMapping("/party/assessments/new")
	String assessForm(@AuthenticationPrincipal Actor actor, Model model) {
		return assessForm(actor, null, null, Map.of(), FormErrors.none(), model);
	}

	@PostMapping("/party/assessments")
	String assess(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId,
			@RequestParam(required = false) Integer year, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		Map<String, Scorecard.Mark> marks = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("mark.") && (value.equals("PASS") || value.equals("FAIL"))) {
				marks.put(name.substring("mark.".length()), Scorecard.Mark.valueOf(value));
			}
		});
		try {
			appraisals.assess(actor, new AssessBranch(orgId, year, marks));
		}
		catch (DomainException refused) {
			if (refused.category() == DomainException.Category.NOT_FOUND) {
				throw refused;
			}
			return assessForm(actor, orgId, year, marks, FormErrors.of(refused, messages), model);
		}
		redirect.addFlashAttribute("notice", "party.assessment.notice.assessed");
		return "redirect:/party/appraisals";
	}

	private String assessForm(Actor actor, UUID orgId, Integer year, Map<String, Scorecard.Mark> marks,
			FormErrors errors, Model model) {
		model.addAttribute("template", appraisals.branchTemplate());
		model.addAttribute("orgs", party.orgs(actor).stream().filter(o -> o.level().name().endsWith("BRANCH")
				|| o.level().name().equals("COMMITTEE")).toList());
		model.addAttribute("orgId", orgId);
		model.addAttribute("year", year == null ? LocalDate.now(clock.withZone(zone)).getYear() : year);
		model.addAttribute("marks", marks);
		model.addAttribute("errors", errors);
		return "party/assess";
	}
}

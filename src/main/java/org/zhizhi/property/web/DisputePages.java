package org.zhizhi.property.web;

import java.time.LocalDate;
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
import org.zhizhi.property.DisputeKind;
import org.zhizhi.property.Disputes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.PlaceQueries;

/** The desk's pages of property disputes: the list of its scope, recording one, and a dispute with its steps. */
@Controller
class DisputePages {

	private final Disputes disputes;

	private final PlaceQueries places;

	private final MessageSource messages;

	DisputePages(Disputes disputes, PlaceQueries places, MessageSource messages) {
		this.disputes = disputes;
		this.places = places;
		this.messages = messages;
	}

	@GetMapping("/property/disputes")
	String list(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("disputes", disputes.inScope(actor));
		model.addAttribute("estates", places.estates(actor.scope(), null, null));
		model.addAttribute("kinds", DisputeKind.values());
		return "property/disputes";
	}

	@PostMapping("/property/disputes")
	String record(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID estateId,
			@RequestParam(required = false) String title, @RequestParam(required = false) DisputeKind kind,
			@RequestParam(required = false) String parties, @RequestParam(required = false) String account,
			@RequestParam(required = false) String claimed, RedirectAttributes redirect) {
		return FormErrors.step(redirect, "/property/disputes", "property.disputes.notice.recorded",
				() -> disputes.record(actor, new Disputes.NewDispute(estateId, title, kind, parties, account,
						SelfRunPages.cents(claimed), null, null)),
				messages, "property.disputes.state.", "property.disputes.step.");
	}

	@GetMapping("/property/disputes/{id}")
	String dispute(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("d", disputes.dispute(actor, id));
		return "property/dispute";
	}

	@PostMapping("/property/disputes/{id}/sessions")
	String session(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) LocalDate heldOn, @RequestParam(required = false) String present,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return step(redirect, id, "property.disputes.notice.session",
				() -> disputes.session(actor, id, new Disputes.NewStep(heldOn, present, note)));
	}

	@PostMapping("/property/disputes/{id}/settlement")
	String settle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String agreed, @RequestParam(required = false) String terms,
			RedirectAttributes redirect) {
		return step(redirect, id, "property.disputes.notice.settled",
				() -> disputes.settle(actor, id, new Disputes.Settlement(SelfRunPages.cents(agreed), terms)));
	}

	@PostMapping("/property/disputes/{id}/referral")
	String refer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam(required = false) String to,
			RedirectAttributes redirect) {
		return step(redirect, id, "property.disputes.notice.referred",
				() -> disputes.refer(actor, id, new Disputes.Referral(to)));
	}

	@PostMapping("/property/disputes/{id}/follow-ups")
	String followUp(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) LocalDate heldOn, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return step(redirect, id, "property.disputes.notice.followedUp",
				() -> disputes.followUp(actor, id, new Disputes.NewStep(heldOn, null, note)));
	}

	@PostMapping("/property/disputes/{id}/closure")
	String close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, id, "property.disputes.notice.closed", () -> disputes.close(actor, id));
	}

	private String step(RedirectAttributes redirect, UUID id, String notice, Runnable command) {
		return FormErrors.step(redirect, "/property/disputes/" + id, notice, command, messages,
				"property.disputes.state.", "property.disputes.step.");
	}
}

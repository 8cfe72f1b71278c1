package org.zhizhi.property.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.property.Disputes;
import org.zhizhi.property.Disputes.DisputeView;
import org.zhizhi.shared.Actor;

/** Property disputes under the three parties' mediation over JSON, for the desk of the estate's scope. */
@RestController
@RequestMapping("/api/v1/property/disputes")
@Tag(name = "property")
class DisputeApiController {

	private final Disputes disputes;

	DisputeApiController(Disputes disputes) {
		this.disputes = disputes;
	}

	@GetMapping
	@Operation(summary = "The disputes of the caller's scope, the open ones first")
	List<DisputeView> disputes(@AuthenticationPrincipal Actor actor) {
		return disputes.inScope(actor);
	}

	@PostMapping
	@Operation(summary = "A dispute of an estate of the desk's scope, linked to its incident or deliberation topic")
	ResponseEntity<DisputeView> record(@AuthenticationPrincipal Actor actor, @RequestBody Disputes.NewDispute body) {
		DisputeView recorded = disputes.record(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/property/disputes/" + recorded.id())).body(recorded);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A dispute with its sessions and follow-ups")
	DisputeView dispute(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return disputes.dispute(actor, id);
	}

	@PostMapping("/{id}/sessions")
	@Operation(summary = "A mediation session: the day, who sat at the table (三方), what was said")
	ResponseEntity<DisputeView> session(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody Disputes.NewStep body) {
		return ResponseEntity.status(201).body(disputes.session(actor, id, body));
	}

	@PostMapping("/{id}/settlement")
	@Operation(summary = "The agreement the parties signed: the amount and its terms (after at least one session)")
	DisputeView settle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody Disputes.Settlement body) {
		return disputes.settle(actor, id, body);
	}

	@PostMapping("/{id}/referral")
	@Operation(summary = "No agreement: referred on (people's mediation committee, court), with where to")
	DisputeView refer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody Disputes.Referral body) {
		return disputes.refer(actor, id, body);
	}

	@PostMapping("/{id}/follow-ups")
	@Operation(summary = "A follow-up of the agreement's keeping")
	ResponseEntity<DisputeView> followUp(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody Disputes.NewStep body) {
		return ResponseEntity.status(201).body(disputes.followUp(actor, id, body));
	}

	@PostMapping("/{id}/closure")
	@Operation(summary = "Closed once the agreement was kept (after at least one follow-up)")
	DisputeView close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return disputes.close(actor, id);
	}
}

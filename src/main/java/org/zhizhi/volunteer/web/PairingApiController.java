package org.zhizhi.volunteer.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zhizhi.shared.Actor;
import org.zhizhi.volunteer.Pairings;
import org.zhizhi.volunteer.Pairings.EndPairing;
import org.zhizhi.volunteer.Pairings.NewPairing;
import org.zhizhi.volunteer.Pairings.NewVisit;
import org.zhizhi.volunteer.Pairings.PairingDetail;
import org.zhizhi.volunteer.Pairings.PairingView;

/**
 * 结对帮扶 over JSON: the caller's pairings as a helper and — for the desk — those of its scope, the most overdue
 * first; pairing; a visit logged (as JSON, or with a photo as multipart); ending a pairing.
 */
@RestController
@RequestMapping("/api/v1/volunteer/pairings")
@Tag(name = "volunteer")
class PairingApiController {

	/** The caller's pairings as a helper, and the desk's page of its scope's with the figures. */
	record PairingLists(List<PairingView> mine, Pairings.ScopeList scope) {
	}

	private final Pairings pairings;

	PairingApiController(Pairings pairings) {
		this.pairings = pairings;
	}

	@GetMapping
	@Operation(summary = "The caller's pairings as a helper, and (for the desk) those of its scope, the most overdue first")
	PairingLists pairings(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page) {
		return new PairingLists(pairings.mine(actor), pairings.ofScope(actor, page));
	}

	@PostMapping
	@Operation(summary = "The desk pairs a helper of its scope with a resident of its scope, visiting every so many days")
	ResponseEntity<PairingView> create(@AuthenticationPrincipal Actor actor, @RequestBody NewPairing body) {
		PairingView created = pairings.create(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/volunteer/pairings/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A pairing with its visits, for its helper and the desk of its scope")
	PairingDetail pairing(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return pairings.detail(actor, id);
	}

	@PostMapping(value = "/{id}/visits", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The helper logs a visit (today, or up to 7 days late; one a day)")
	ResponseEntity<PairingView> visit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NewVisit body) {
		return ResponseEntity.status(201).body(pairings.visit(actor, id, body, null));
	}

	@PostMapping(value = "/{id}/visits", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "The helper logs a visit with a photo: the visit as JSON part 'visit', the photo as 'photo'")
	ResponseEntity<PairingView> visitWithPhoto(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestPart("visit") NewVisit body, @RequestPart(name = "photo", required = false) MultipartFile photo)
			throws IOException {
		return ResponseEntity.status(201)
			.body(pairings.visit(actor, id, body, photo == null ? null : photo.getBytes()));
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "The desk of its scope ends the pairing with the reason")
	PairingView end(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody EndPairing body) {
		return pairings.end(actor, id, body);
	}
}

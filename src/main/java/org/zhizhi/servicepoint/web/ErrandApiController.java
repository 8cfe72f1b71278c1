package org.zhizhi.servicepoint.web;

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
import org.zhizhi.servicepoint.ErrandCommands.AssignErrand;
import org.zhizhi.servicepoint.ErrandCommands.CancelErrand;
import org.zhizhi.servicepoint.ErrandCommands.CompleteErrand;
import org.zhizhi.servicepoint.ErrandCommands.HandBackErrand;
import org.zhizhi.servicepoint.ErrandCommands.RequestErrand;
import org.zhizhi.servicepoint.ErrandState;
import org.zhizhi.servicepoint.ErrandViews.ErrandDetail;
import org.zhizhi.servicepoint.ErrandViews.ErrandView;
import org.zhizhi.servicepoint.ErrandViews.Queue;
import org.zhizhi.servicepoint.Errands;
import org.zhizhi.shared.Actor;
import org.zhizhi.servicepoint.ErrandKind;

/**
 * 便民代办 over JSON: asking for an errand (for oneself, or for a resident of one's scope), the desk's queue, the
 * caller's own errands, and each step — assign, hand back, complete (as JSON, or with a photo as multipart), confirm,
 * cancel. The queue as Excel is {@code /api/v1/errands.xlsx}.
 */
@RestController
@RequestMapping("/api/v1/errands")
@Tag(name = "servicepoint")
class ErrandApiController {

	/** The caller's own errands (asked, run, his household's) and, for the desk, a page of its scope's queue. */
	record ErrandLists(List<ErrandView> mine, Queue queue) {
	}

	private final Errands errands;

	ErrandApiController(Errands errands) {
		this.errands = errands;
	}

	@GetMapping
	@Operation(summary = "The caller's errands, and (desk, grid worker) a page of its scope's queue, open ones first")
	ErrandLists errands(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) ErrandState state,
			@RequestParam(defaultValue = "0") int page) {
		return new ErrandLists(errands.mine(actor), errands.queue(actor, state, page));
	}

	@GetMapping("/kinds")
	@Operation(summary = "The kinds of errand (data)")
	List<ErrandKind> kinds() {
		return errands.kinds();
	}

	@PostMapping
	@Operation(summary = "Asks for an errand: without residentId for oneself (a resident), with it for a resident of "
			+ "the caller's scope, saying the channel (HOTLINE, GUARDIAN, GRID_WORKER, DESK)")
	ResponseEntity<ErrandView> request(@AuthenticationPrincipal Actor actor, @RequestBody RequestErrand body) {
		ErrandView created = errands.request(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/errands/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "An errand with its history, for its requester, runner, resident's household and the desk")
	ErrandDetail errand(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return errands.detail(actor, id);
	}

	@PostMapping("/{id}/assign")
	@Operation(summary = "The desk or a grid worker of its scope gives the errand to a runner of its scope")
	ErrandView assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody AssignErrand body) {
		return errands.assign(actor, id, body);
	}

	@PostMapping("/{id}/hand-back")
	@Operation(summary = "Its runner hands the errand back, saying why")
	ErrandView handBack(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody HandBackErrand body) {
		return errands.handBack(actor, id, body);
	}

	@PostMapping(value = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Its runner completes it with a note and the money given and spent (yuan), if any")
	ErrandView complete(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody CompleteErrand body) {
		return errands.complete(actor, id, body, null);
	}

	@PostMapping(value = "/{id}/complete", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Its runner completes it with a photo: the proof as JSON part 'proof', the photo as 'photo'")
	ErrandView completeWithPhoto(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestPart("proof") CompleteErrand body,
			@RequestPart(name = "photo", required = false) MultipartFile photo) throws IOException {
		return errands.complete(actor, id, body, photo == null ? null : photo.getBytes());
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "The resident's household (or whoever asked for him) confirms the errand was done")
	ErrandView confirm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return errands.confirm(actor, id);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "The requester or the desk cancels an errand not yet done, saying why")
	ErrandView cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody CancelErrand body) {
		return errands.cancel(actor, id, body);
	}
}

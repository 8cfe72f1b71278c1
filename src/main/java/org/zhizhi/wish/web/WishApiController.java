package org.zhizhi.wish.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.wish.ConfirmWish;
import org.zhizhi.wish.DispatchWish;
import org.zhizhi.wish.EditWish;
import org.zhizhi.wish.FulfilWish;
import org.zhizhi.wish.PostWish;
import org.zhizhi.wish.RefuseWish;
import org.zhizhi.wish.Wish;
import org.zhizhi.wish.WishDetail;
import org.zhizhi.wish.WishManagement;
import org.zhizhi.wish.WishQueries;
import org.zhizhi.wish.WishState;
import org.zhizhi.wish.WishView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/wishes")
@Tag(name = "wishes", description = "Micro-wishes: 群众点单、社区派单、党员接单")
class WishApiController {

	private final WishManagement management;

	private final WishQueries queries;

	WishApiController(WishManagement management, WishQueries queries) {
		this.management = management;
		this.queries = queries;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Post a wish (a resident, or a grid worker or the community on a resident's behalf)")
	ResponseEntity<WishView> post(@AuthenticationPrincipal Actor actor, @RequestBody PostWish body) {
		Wish wish = management.post(actor, body, null);
		return ResponseEntity.created(URI.create("/api/v1/wishes/" + wish.id())).body(WishView.of(wish));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Post a wish with a photo: part 'wish' (JSON) and part 'photo' (JPEG, PNG, WebP or HEIC)")
	ResponseEntity<WishView> postWithPhoto(@AuthenticationPrincipal Actor actor, @RequestPart("wish") PostWish body,
			@RequestPart(name = "photo", required = false) MultipartFile photo) throws IOException {
		Wish wish = management.post(actor, body, photo == null ? null : photo.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/wishes/" + wish.id())).body(WishView.of(wish));
	}

	@GetMapping
	@Operation(summary = "The wishes of the caller's scope (community desk and grid workers), newest first; state filters")
	List<WishView> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) List<WishState> state,
			@RequestParam(defaultValue = "0") int page) {
		Set<WishState> states = state == null || state.isEmpty() ? Set.of() : EnumSet.copyOf(state);
		return queries.desk(actor, states, page);
	}

	@GetMapping("/mine")
	@Operation(summary = "The wishes the caller posted")
	List<WishView> mine(@AuthenticationPrincipal Actor actor) {
		return queries.mine(actor);
	}

	@GetMapping("/wall")
	@Operation(summary = "The wish wall of the caller's scope: takeable wishes, without personal details")
	List<WishView> wall(@AuthenticationPrincipal Actor actor) {
		return queries.wall(actor);
	}

	@GetMapping("/taken")
	@Operation(summary = "Wishes the caller took, and those dispatched to him")
	List<WishView> taken(@AuthenticationPrincipal Actor actor) {
		List<WishView> all = new java.util.ArrayList<>(queries.dispatchedToMe(actor));
		all.addAll(queries.takenByMe(actor));
		return all;
	}

	@GetMapping("/{id}")
	@Operation(summary = "One wish as the caller may see it, with its takers, timeline and the steps he may take")
	WishDetail detail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.detail(actor, id);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "The community edits a wish while vetting it (null fields keep their value)")
	WishView edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody EditWish body) {
		return WishView.of(management.edit(actor, id, body));
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "The community approves a posted wish")
	WishView approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return WishView.of(management.approve(actor, id));
	}

	@PostMapping("/{id}/refuse")
	@Operation(summary = "The community refuses a posted wish, with its reason (told to the poster)")
	WishView refuse(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody(required = false) RefuseWish body) {
		return WishView.of(management.refuse(actor, id, body == null ? new RefuseWish(null) : body));
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Publish an approved (or raised) wish on its community's wish wall")
	WishView publish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return WishView.of(management.publish(actor, id));
	}

	@PostMapping("/{id}/dispatch")
	@Operation(summary = "社区派单: dispatch to a member or liaison account (MEMBER), or to a team or unit by name")
	WishView dispatch(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody DispatchWish body) {
		return WishView.of(management.dispatch(actor, id, body));
	}

	@PostMapping("/{id}/take")
	@Operation(summary = "党员接单: take a wish (409 when it is full or no longer open, naming its state)")
	WishView take(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return WishView.of(management.take(actor, id));
	}

	@PostMapping(value = "/{id}/fulfil", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "A taker reports the wish fulfilled: part 'note' and part 'photo' (required)")
	WishView fulfil(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestPart(name = "note", required = false) String note,
			@RequestPart(name = "photo", required = false) MultipartFile photo) throws IOException {
		return WishView.of(management.fulfil(actor, id, new FulfilWish(note), photo == null ? null : photo.getBytes()));
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "The resident (or his grid worker) confirms the fulfilment and may thank")
	WishView confirm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) ConfirmWish body) {
		return WishView.of(management.confirm(actor, id, body == null ? new ConfirmWish(null) : body));
	}

	@GetMapping(value = "/{id}/photos/{photoId}", produces = MediaType.IMAGE_JPEG_VALUE)
	@Operation(summary = "The wish's photo or its fulfilment photo as metadata-free JPEG; size=thumbnail for 320 px")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID photoId, @RequestParam(defaultValue = "full") String size) {
		byte[] image = queries.photo(actor, id, photoId, "thumbnail".equals(size))
			.orElseThrow(() -> DomainException.notFound("photo"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(image);
	}
}

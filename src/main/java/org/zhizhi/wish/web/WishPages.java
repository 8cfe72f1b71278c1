package org.zhizhi.wish.web;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.wish.DispatchKind;
import org.zhizhi.wish.DispatchWish;
import org.zhizhi.wish.EditWish;
import org.zhizhi.wish.PostWish;
import org.zhizhi.wish.Wish;
import org.zhizhi.wish.WishCategory;
import org.zhizhi.wish.WishDetail;
import org.zhizhi.wish.WishManagement;
import org.zhizhi.wish.WishQueries;
import org.zhizhi.wish.WishRoles;
import org.zhizhi.wish.WishState;

/**
 * The pages of 群众点单、社区派单、党员接单: the resident's post form and "my wishes" on the phone, the members' wish
 * wall on the phone, and the community's desk with its vetting queue and dispatch. Plain forms that work without
 * JavaScript; a refused step comes back to the page with its message.
 */
@Controller
class WishPages {

	private final WishManagement management;

	private final WishQueries queries;

	private final MessageSource messages;

	WishPages(WishManagement management, WishQueries queries, MessageSource messages) {
		this.management = management;
		this.queries = queries;
		this.messages = messages;
	}

	/** The post form's fields as typed, shown again when refused. */
	record WishForm(String title, String description, WishCategory category, String publicLabel,
			String beneficiaryName, String beneficiaryAddress, LocalDate dueOn, Integer maxTakers, UUID orgUnitId) {
	}

	private void common(Model model) {
		model.addAttribute("categories", WishCategory.values());
		model.addAttribute("zone", WishManagement.ZONE);
	}

	// ---- the resident's phone ------------------------------------------------------------------------------------

	@GetMapping("/m/wish")
	String postForm(@AuthenticationPrincipal Actor actor, Model model) {
		requirePoster(actor);
		common(model);
		model.addAttribute("form", new WishForm(null, null, WishCategory.GOODS, null, null, null,
				LocalDate.now(WishManagement.ZONE).plusDays(14), 1, null));
		model.addAttribute("errors", FormErrors.none());
		return "wish/post";
	}

	@PostMapping("/m/wish")
	String post(@AuthenticationPrincipal Actor actor, WishForm form,
			@RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
			RedirectAttributes redirect) throws IOException {
		requirePoster(actor);
		try {
			Wish wish = management.post(actor,
					new PostWish(form.title(), form.description(), form.category(), form.publicLabel(),
							form.beneficiaryName(), null, form.beneficiaryAddress(), form.dueOn(), form.maxTakers(),
							form.orgUnitId()),
					photo == null || photo.isEmpty() ? null : photo.getBytes());
			redirect.addFlashAttribute("notice", "wish.posted");
			return "redirect:/m/my-wishes/" + wish.id();
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			common(model);
			model.addAttribute("form", form);
			model.addAttribute("errors", FormErrors.of(e, messages));
			return "wish/post";
		}
	}

	@GetMapping("/m/my-wishes")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		common(model);
		model.addAttribute("wishes", queries.mine(actor));
		return "wish/mine";
	}

	@GetMapping({ "/m/my-wishes/{id}", "/m/wishes/{id}", "/wishes/{id}" })
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		common(model);
		WishDetail detail = queries.detail(actor, id);
		model.addAttribute("d", detail);
		model.addAttribute("w", detail.wish());
		model.addAttribute("dispatchKinds", DispatchKind.values());
		model.addAttribute("candidates", detail.mayVet() ? queries.dispatchCandidates(actor, detail.wish()) : List.of());
		return "wish/detail";
	}

	@PostMapping("/m/my-wishes/{id}/confirm")
	String confirm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String thanks, RedirectAttributes redirect) {
		return step(redirect, id, () -> management.confirm(actor, id, thanks));
	}

	// ---- the members' phone --------------------------------------------------------------------------------------

	@GetMapping("/m/wishes")
	String wall(@AuthenticationPrincipal Actor actor, Model model) {
		common(model);
		model.addAttribute("wall", queries.wall(actor));
		model.addAttribute("dispatched", queries.dispatchedToMe(actor));
		model.addAttribute("taken", queries.takenByMe(actor));
		model.addAttribute("mayTake", WishRoles.mayTake(actor));
		return "wish/wall";
	}

	@PostMapping({ "/m/wishes/{id}/take", "/wishes/{id}/take" })
	String take(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, id, () -> management.take(actor, id));
	}

	@PostMapping("/m/wishes/{id}/fulfil")
	String fulfil(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect)
			throws IOException {
		byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
		return step(redirect, id, () -> management.fulfil(actor, id, note, bytes));
	}

	// ---- the community's desk ------------------------------------------------------------------------------------

	@GetMapping("/wishes")
	String desk(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String tab,
			@RequestParam(defaultValue = "0") int page, Model model) {
		common(model);
		Set<WishState> states = "all".equals(tab) ? Set.of()
				: tab != null && !tab.isBlank() ? EnumSet.of(WishState.valueOf(tab))
						: EnumSet.of(WishState.POSTED, WishState.APPROVED, WishState.RAISED);
		model.addAttribute("tab", tab == null ? "queue" : tab);
		model.addAttribute("wishes", queries.desk(actor, states, page));
		model.addAttribute("counts", queries.counts(actor));
		model.addAttribute("page", page);
		return "wish/desk";
	}

	@PostMapping("/wishes/{id}/approve-publish")
	String approveAndPublish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			RedirectAttributes redirect) {
		return step(redirect, id, () -> {
			management.approve(actor, id);
			management.publish(actor, id);
		});
	}

	@PostMapping("/wishes/{id}/approve")
	String approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, id, () -> management.approve(actor, id));
	}

	@PostMapping("/wishes/{id}/publish")
	String publish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, id, () -> management.publish(actor, id));
	}

	@PostMapping("/wishes/{id}/refuse")
	String refuse(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, id, () -> management.refuse(actor, id, reason));
	}

	@PostMapping("/wishes/{id}/dispatch")
	String dispatch(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) DispatchKind kind, @RequestParam(required = false) UUID accountId,
			@RequestParam(required = false) String name, RedirectAttributes redirect) {
		return step(redirect, id, () -> management.dispatch(actor, id,
				new DispatchWish(kind, kind == DispatchKind.MEMBER ? accountId : null, name)));
	}

	@PostMapping("/wishes/{id}/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String publicLabel, @RequestParam(required = false) LocalDate dueOn,
			@RequestParam(required = false) Integer maxTakers, RedirectAttributes redirect) {
		return step(redirect, id,
				() -> management.edit(actor, id, new EditWish(title, description, null, publicLabel, dueOn, maxTakers)));
	}

	@PostMapping("/wishes/{id}/confirm")
	String confirmForResident(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String thanks, RedirectAttributes redirect) {
		return step(redirect, id, () -> management.confirm(actor, id, thanks));
	}

	@GetMapping(value = "/wishes/{id}/photos/{photoId}", produces = MediaType.IMAGE_JPEG_VALUE)
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

	// ---- helpers ---------------------------------------------------------------------------------------------------

	/** Runs a step and goes back to the wish; a refusal is shown there as a message, a missing wish stays a 404. */
	private String step(RedirectAttributes redirect, UUID id, Runnable command) {
		try {
			command.run();
			redirect.addFlashAttribute("notice", "wish.done");
		}
		catch (DomainException e) {
			if (e.category() == DomainException.Category.NOT_FOUND) {
				throw e;
			}
			FormErrors errors = FormErrors.of(e, messages);
			redirect.addFlashAttribute("stepProblems", errors.byField().values().stream().flatMap(List::stream).toList());
		}
		return "redirect:/wishes/" + id;
	}

	private static void requirePoster(Actor actor) {
		if (!WishRoles.mayPost(actor)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
	}
}

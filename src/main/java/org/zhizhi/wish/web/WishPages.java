package org.zhizhi.wish.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.zhizhi.wish.ConfirmWish;
import org.zhizhi.wish.DispatchKind;
import org.zhizhi.wish.DispatchWish;
import org.zhizhi.wish.EditWish;
import org.zhizhi.wish.FulfilWish;
import org.zhizhi.wish.PostWish;
import org.zhizhi.wish.RefuseWish;
import org.zhizhi.wish.Wish;
import org.zhizhi.wish.WishCategory;
import org.zhizhi.wish.WishDetail;
import org.zhizhi.wish.WishManagement;
import org.zhizhi.wish.WishQueries;
import org.zhizhi.wish.WishRoles;
import org.zhizhi.wish.WishState;
import org.zhizhi.wish.WishView;

/**
 * The pages of 群众点单、社区派单、党员接单: the resident's post form and "my wishes" on the phone, the members' wish
 * wall on the phone, and the community's desk with its vetting queue and dispatch. Plain forms that work without
 * JavaScript; a refused step comes back to the page with its message.
 */
@Controller
class WishPages {

	/** What waits for the community: new wishes, approved ones not yet sent out, and those back unclaimed. */
	private static final Set<WishState> QUEUE = EnumSet.of(WishState.POSTED, WishState.APPROVED, WishState.RAISED);

	private final WishManagement management;

	private final WishQueries queries;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	WishPages(WishManagement management, WishQueries queries, MessageSource messages, Clock clock, ZoneId zone) {
		this.management = management;
		this.queries = queries;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/** The post form's fields as typed, shown again when refused. */
	record WishForm(String title, String description, WishCategory category, String publicLabel,
			String beneficiaryName, String beneficiaryAddress, LocalDate dueOn, Integer maxTakers, UUID orgUnitId) {
	}

	private void common(Model model) {
		model.addAttribute("categories", WishCategory.values());
	}

	// ---- the resident's phone ------------------------------------------------------------------------------------

	@GetMapping("/m/wish")
	String postForm(@AuthenticationPrincipal Actor actor, Model model) {
		requirePoster(actor);
		common(model);
		model.addAttribute("form", new WishForm(null, null, WishCategory.GOODS, null, null, null,
				LocalDate.now(clock.withZone(zone)).plusDays(14), 1, null));
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
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		common(model);
		WishDetail detail = queries.detail(actor, id);
		model.addAttribute("d", detail);
		model.addAttribute("w", detail.wish());
		// the same wish on three pages: the desk's, the resident's phone and the members' phone
		String base = base(request);
		String view = base.equals("/wishes/") ? "desk" : base.equals("/m/my-wishes/") ? "mine" : "wall";
		boolean taker = detail.taker();
		model.addAttribute("view", view);
		model.addAttribute("tabCurrent", "wall".equals(view) && taker ? "taken" : view);
		model.addAttribute("base", base);
		model.addAttribute("dispatchKinds", DispatchKind.values());
		model.addAttribute("candidates", detail.mayVet() ? queries.dispatchCandidates(actor, detail.wish()) : List.of());
		return "wish/detail";
	}

	@PostMapping({ "/m/my-wishes/{id}/confirm", "/wishes/{id}/confirm" })
	String confirm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String thanks, HttpServletRequest request, RedirectAttributes redirect) {
		return step(redirect, base(request), id, "wish.notice.confirmed", () -> management.confirm(actor, id, new ConfirmWish(thanks)));
	}

	// ---- the members' phone --------------------------------------------------------------------------------------

	@GetMapping("/m/wishes")
	String wall(@AuthenticationPrincipal Actor actor, Model model) {
		common(model);
		List<WishView> wall = queries.wall(actor);
		model.addAttribute("wall", wall);
		model.addAttribute("dispatched", queries.dispatchedToMe(actor));
		model.addAttribute("mayTake", WishRoles.mayTake(actor));
		// a wall of more than one community (an in-service member's own and that of his dual registration) says whose
		model.addAttribute("showCommunity", wall.stream().map(WishView::communityId).distinct().count() > 1);
		return "wish/wall";
	}

	/** What this member took: still to be finished first, then what is done. */
	@GetMapping("/m/wishes/taken")
	String taken(@AuthenticationPrincipal Actor actor, Model model) {
		common(model);
		List<WishView> taken = queries.takenByMe(actor);
		Set<WishState> open = EnumSet.of(WishState.TAKEN, WishState.FULFILLED);
		model.addAttribute("inProgress", taken.stream().filter(w -> open.contains(w.state())).toList());
		model.addAttribute("done", taken.stream().filter(w -> !open.contains(w.state())).toList());
		return "wish/taken";
	}

	@PostMapping({ "/m/wishes/{id}/take", "/wishes/{id}/take" })
	String take(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		String base = base(request);
		return step(redirect, base, id, base.equals("/wishes/") ? "wish.notice.recordedTake" : "wish.notice.taken",
				() -> management.take(actor, id));
	}

	@PostMapping("/m/wishes/{id}/fulfil")
	String fulfil(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect)
			throws IOException {
		byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
		return step(redirect, "/m/wishes/", id, "wish.notice.fulfilled",
				() -> management.fulfil(actor, id, new FulfilWish(note), bytes));
	}

	// ---- the community's desk ------------------------------------------------------------------------------------

	@GetMapping("/wishes")
	String desk(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String tab,
			@RequestParam(defaultValue = "0") int page, Model model) {
		common(model);
		WishState state = Arrays.stream(WishState.values()).filter(s -> s.name().equals(tab)).findFirst().orElse(null);
		String shown = "all".equals(tab) ? "all" : state != null ? state.name() : "queue";
		Set<WishState> states = "all".equals(shown) ? Set.of() : state != null ? EnumSet.of(state) : QUEUE;
		List<WishView> wishes = queries.desk(actor, states, page);
		Map<WishState, Long> counts = queries.counts(actor);
		model.addAttribute("tab", shown);
		model.addAttribute("wishes", wishes);
		model.addAttribute("counts", counts);
		model.addAttribute("queueCount", QUEUE.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum());
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("hasNext", wishes.size() == WishQueries.PAGE_SIZE);
		model.addAttribute("publicWallCode", queries.publicWallCode(actor)
			.orElse(wishes.isEmpty() ? null : wishes.get(0).communityCode()));
		return "wish/desk";
	}

	@PostMapping("/wishes/{id}/approve-publish")
	String approveAndPublish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			RedirectAttributes redirect) {
		return step(redirect, "/wishes/", id, "wish.notice.approvedPublished", () -> {
			management.approve(actor, id);
			management.publish(actor, id);
		});
	}

	@PostMapping("/wishes/{id}/approve")
	String approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/wishes/", id, "wish.notice.approved", () -> management.approve(actor, id));
	}

	@PostMapping("/wishes/{id}/publish")
	String publish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/wishes/", id, "wish.notice.published", () -> management.publish(actor, id));
	}

	@PostMapping("/wishes/{id}/refuse")
	String refuse(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, "/wishes/", id, "wish.notice.refused", () -> management.refuse(actor, id, new RefuseWish(reason)));
	}

	@PostMapping("/wishes/{id}/dispatch")
	String dispatch(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) DispatchKind kind, @RequestParam(required = false) UUID accountId,
			@RequestParam(required = false) String name, RedirectAttributes redirect) {
		return step(redirect, "/wishes/", id, "wish.notice.dispatched", () -> management.dispatch(actor, id,
				new DispatchWish(kind, kind == DispatchKind.MEMBER ? accountId : null, name)));
	}

	@PostMapping("/wishes/{id}/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) WishCategory category, @RequestParam(required = false) String publicLabel,
			@RequestParam(required = false) LocalDate dueOn,
			@RequestParam(required = false) Integer maxTakers, RedirectAttributes redirect) {
		return step(redirect, "/wishes/", id, "wish.notice.edited", () -> management.edit(actor, id,
				new EditWish(title, description, category, publicLabel, dueOn, maxTakers)));
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

	/**
	 * Runs a step and goes back to the wish on the page it was done from, saying what happened; a refusal is shown
	 * there as a message, a missing wish stays a 404.
	 */
	private String step(RedirectAttributes redirect, String base, UUID id, String notice, Runnable command) {
		try {
			command.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (DomainException e) {
			if (e.category() == DomainException.Category.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("stepProblems", problems(e));
		}
		return "redirect:" + base + id;
	}

	/** A refusal in plain Chinese: an illegal step names the wish's state and the step as people call them. */
	private List<String> problems(DomainException e) {
		Locale locale = LocaleContextHolder.getLocale();
		if ("ILLEGAL_TRANSITION".equals(e.code()) && e.args().length == 2) {
			String state = messages.getMessage("wishState." + e.args()[0], null, String.valueOf(e.args()[0]), locale);
			String action = messages.getMessage("wishAction." + e.args()[1], null, String.valueOf(e.args()[1]), locale);
			return List.of(messages.getMessage("wish.illegalTransition.page", new Object[] { state, action }, locale));
		}
		FormErrors errors = FormErrors.of(e, messages);
		return errors.byField().values().stream().flatMap(List::stream).toList();
	}

	/** Which of the three pages of a wish a request came from: the desk's, the resident's or the members'. */
	private static String base(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/m/my-wishes/") ? "/m/my-wishes/" : path.startsWith("/m/wishes/") ? "/m/wishes/" : "/wishes/";
	}

	private static void requirePoster(Actor actor) {
		if (!WishRoles.mayPost(actor)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
	}
}

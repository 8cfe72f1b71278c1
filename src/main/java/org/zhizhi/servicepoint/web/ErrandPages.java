package org.zhizhi.servicepoint.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.zhizhi.servicepoint.ErrandCommands.AssignErrand;
import org.zhizhi.servicepoint.ErrandCommands.CancelErrand;
import org.zhizhi.servicepoint.ErrandCommands.CompleteErrand;
import org.zhizhi.servicepoint.ErrandCommands.HandBackErrand;
import org.zhizhi.servicepoint.ErrandCommands.RequestErrand;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleViews.ResidentSearch;
import org.zhizhi.servicepoint.ErrandChannel;
import org.zhizhi.servicepoint.ErrandState;
import org.zhizhi.servicepoint.Errands;
import org.zhizhi.servicepoint.ServicePointRoles;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.servicepoint.ErrandKind;

/**
 * 便民代办 on the pages: the desk's queue (open errands oldest first, each with the runner to give it to) and its Excel;
 * on the phone, an elder asks for one and confirms it, a runner sees his and completes them with a note, the money
 * and a photo. The buttons are {@code allowedActions}: the policy's answer.
 */
@Controller
class ErrandPages {

	private final Errands errands;

	private final PeopleQueries people;

	private final MessageSource messages;

	private final ZoneId zone;

	ErrandPages(Errands errands, PeopleQueries people, MessageSource messages, ZoneId zone) {
		this.errands = errands;
		this.people = people;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping("/servicepoints/errands")
	String queue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) ErrandState state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String q, Model model) {
		model.addAttribute("queue", errands.queue(actor, state, page));
		model.addAttribute("state", state);
		model.addAttribute("states", ErrandState.values());
		model.addAttribute("runners", errands.runners(actor));
		model.addAttribute("kindNames", kindNames());
		model.addAttribute("zone", zone);
		boolean onBehalf = actor.hasAny(ServicePointRoles.ON_BEHALF);
		model.addAttribute("onBehalf", onBehalf);
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("found", onBehalf && q != null && !q.isBlank() ? people
			.search(actor, new ResidentSearch(q.strip(), null, null, null, null, null, null, false, 0, 20)).items()
				: List.of());
		model.addAttribute("kinds", errands.kinds());
		model.addAttribute("channels", List.of(ErrandChannel.HOTLINE, ErrandChannel.GUARDIAN,
				ErrandChannel.GRID_WORKER, ErrandChannel.DESK));
		return "servicepoint/errands";
	}

	/** The desk (the hotline, a grid worker) asks for a resident of its scope, saying how the request came in. */
	@PostMapping("/servicepoints/errands")
	String askFor(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID residentId,
			@RequestParam(required = false) ErrandChannel channel, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String details, RedirectAttributes redirect) {
		return step(redirect, "/servicepoints/errands", "servicepoint.notice.askedFor",
				() -> errands.request(actor, new RequestErrand(kind, details, residentId, channel)));
	}

	@PostMapping("/servicepoints/errands/{id}/assign")
	String assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID runnerId, RedirectAttributes redirect) {
		return step(redirect, "/servicepoints/errands", "servicepoint.notice.assigned",
				() -> errands.assign(actor, id, new AssignErrand(runnerId)));
	}

	@GetMapping("/m/errands")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("mine", errands.mine(actor));
		model.addAttribute("mayAsk", errands.mayAskForHimself(actor));
		model.addAttribute("kinds", errands.kinds());
		model.addAttribute("kindNames", kindNames());
		model.addAttribute("zone", zone);
		return "servicepoint/m-errands";
	}

	@PostMapping("/m/errands")
	String ask(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String details, RedirectAttributes redirect) {
		return step(redirect, "/m/errands", "servicepoint.notice.asked",
				() -> errands.request(actor, new RequestErrand(kind, details, null, null)));
	}

	@GetMapping("/m/errands/{id}")
	String errand(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("detail", errands.detail(actor, id));
		model.addAttribute("kindNames", kindNames());
		model.addAttribute("zone", zone);
		return "servicepoint/m-errand";
	}

	@PostMapping("/m/errands/{id}/complete")
	String complete(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String note, @RequestParam(required = false) BigDecimal moneyReceived,
			@RequestParam(required = false) BigDecimal moneySpent,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect) {
		byte[] bytes = bytesOf(photo);
		return step(redirect, "/m/errands/" + id, "servicepoint.notice.completed",
				() -> errands.complete(actor, id, new CompleteErrand(note, moneyReceived, moneySpent), bytes));
	}

	@PostMapping("/m/errands/{id}/confirm")
	String confirm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/m/errands/" + id, "servicepoint.notice.confirmed", () -> errands.confirm(actor, id));
	}

	@PostMapping("/m/errands/{id}/hand-back")
	String handBack(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, "/m/errands/" + id, "servicepoint.notice.handedBack",
				() -> errands.handBack(actor, id, new HandBackErrand(reason)));
	}

	@PostMapping("/m/errands/{id}/cancel")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, "/m/errands/" + id, "servicepoint.notice.cancelledErrand",
				() -> errands.cancel(actor, id, new CancelErrand(reason)));
	}

	@GetMapping(value = "/m/errands/{id}/photo", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.body(errands.photo(actor, id).orElseThrow(() -> DomainException.notFound("photo")));
	}

	private Map<String, String> kindNames() {
		boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		return errands.kinds().stream()
			.collect(Collectors.toMap(ErrandKind::code, k -> en ? k.nameEn() : k.nameZh()));
	}

	private static byte[] bytesOf(MultipartFile photo) {
		try {
			return photo == null || photo.isEmpty() ? null : photo.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String step(RedirectAttributes redirect, String back, String notice, Runnable command) {
		return FormErrors.step(redirect, back, notice, command, messages, "servicepoint.errandState.",
				"servicepoint.errandStep.");
	}
}

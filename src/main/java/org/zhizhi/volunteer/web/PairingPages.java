package org.zhizhi.volunteer.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.context.MessageSource;
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
import org.zhizhi.volunteer.PairingNeed;
import org.zhizhi.volunteer.Pairings;
import org.zhizhi.volunteer.Pairings.EndPairing;
import org.zhizhi.volunteer.Pairings.NewPairing;
import org.zhizhi.volunteer.Pairings.NewVisit;
import org.zhizhi.volunteer.PostKind;
import org.zhizhi.volunteer.VolunteerPosts;
import org.zhizhi.volunteer.VolunteerQueries;

/**
 * 结对帮扶 and 志愿岗位 on the pages: a helper's pairings with the next visit due (late ones first and flagged), logging a
 * visit on the phone with a note, a photo and the position; the desk's list of its scope, the most overdue first, the
 * pairing form and ending a pairing. The posts of my place, claiming one with my duty schedule, giving it up.
 */
@Controller
class PairingPages {

	private final Pairings pairings;

	private final VolunteerPosts posts;

	private final VolunteerQueries queries;

	private final MessageSource messages;

	private final ZoneId zone;

	private final java.time.Clock clock;

	PairingPages(Pairings pairings, VolunteerPosts posts, VolunteerQueries queries, MessageSource messages,
			ZoneId zone, java.time.Clock clock) {
		this.clock = clock;
		this.pairings = pairings;
		this.posts = posts;
		this.queries = queries;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping("/m/volunteer/pairings")
	String pairings(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("mine", pairings.mine(actor));
		Pairings.ScopeList scope = pairings.ofScope(actor, page);
		model.addAttribute("scope", scope);
		boolean desk = actor.hasAny(org.zhizhi.volunteer.VolunteerRoles.DESK);
		model.addAttribute("desk", desk);
		if (desk) {
			model.addAttribute("toPair", pairings.toPair(actor));
			model.addAttribute("helpers", pairings.helpers(actor));
			model.addAttribute("teams", queries.teams(actor));
			model.addAttribute("needs", PairingNeed.values());
		}
		return "volunteer/pairings";
	}

	@PostMapping("/m/volunteer/pairings")
	String create(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID residentId,
			@RequestParam(required = false) UUID helperId, @RequestParam(required = false) UUID teamId,
			@RequestParam(required = false) PairingNeed need, @RequestParam(required = false) Integer everyDays,
			RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/pairings", "volunteer.notice.paired",
				() -> pairings.create(actor, new NewPairing(residentId, helperId, teamId, need, everyDays)));
	}

	@GetMapping("/m/volunteer/pairings/{id}")
	String pairing(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("detail", pairings.detail(actor, id));
		model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
		model.addAttribute("zone", zone);
		return "volunteer/pairing";
	}

	@PostMapping("/m/volunteer/pairings/{id}/visits")
	String visit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String note, @RequestParam(required = false) LocalDate visitedOn,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect) {
		byte[] bytes = bytesOf(photo);
		return step(redirect, "/m/volunteer/pairings/" + id, "volunteer.notice.visited",
				() -> pairings.visit(actor, id, new NewVisit(note, visitedOn, lat, lng), bytes));
	}

	@PostMapping("/m/volunteer/pairings/{id}/end")
	String end(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/pairings/" + id, "volunteer.notice.pairingEnded",
				() -> pairings.end(actor, id, new EndPairing(reason)));
	}

	@GetMapping(value = "/m/volunteer/pairings/visits/{visitId}/photo", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable UUID visitId) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.body(pairings.photo(actor, visitId).orElseThrow(() -> DomainException.notFound("photo")));
	}

	@GetMapping("/m/volunteer/posts")
	String posts(@AuthenticationPrincipal Actor actor, Model model) {
		var held = posts.held(actor);
		model.addAttribute("held", held);
		// the holder gives his post up (the command checks it again)
		model.addAttribute("releasable", held.stream().filter(p -> p.holderId().equals(actor.userId()))
			.map(org.zhizhi.volunteer.VolunteerPost::id).toList());
		model.addAttribute("kinds", PostKind.values());
		model.addAttribute("mayClaim", actor.hasAny(org.zhizhi.volunteer.ParticipationLifecycle.VOLUNTEERS));
		return "volunteer/posts";
	}

	@PostMapping("/m/volunteer/posts")
	String claimPost(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) PostKind kind,
			@RequestParam(required = false) String duty, RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/posts", "volunteer.notice.postClaimed",
				() -> posts.claim(actor, new VolunteerPosts.ClaimPost(kind, duty)));
	}

	@PostMapping("/m/volunteer/posts/{id}/release")
	String releasePost(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/posts", "volunteer.notice.postReleased", () -> posts.release(actor, id));
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
		return FormErrors.step(redirect, back, notice, command, messages, "volunteer.pairingState.",
				"volunteer.pairingStep.");
	}
}

package org.zhizhi.points.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.zhizhi.points.PointsClaimCommands;
import org.zhizhi.points.PointsClaims;
import org.zhizhi.points.PointsQueries;
import org.zhizhi.points.Redemptions;
import org.zhizhi.points.Scheme;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/**
 * The phone pages of points: my points and how to earn them, claiming a deed with a photo, the catalogue and my
 * redemptions with the code to show, the notice board of my place with its objections, and — for a sponsor's liaison
 * — confirming a redemption by its code. What a person may do comes from the policies, never from the page.
 */
@Controller
class PointsPhonePages {

	/**
	 * The claim form's fields as typed, shown again when refused; {@code item} is the chosen item as
	 * {@code <scheme id>:<rule code>} (one radio group over every scheme, no script).
	 */
	record ClaimForm(String item, UUID schemeId, String ruleCode, LocalDate deedOn, String description) {

		ClaimForm parsed() {
			if (item == null || !item.contains(":")) {
				return this;
			}
			try {
				return new ClaimForm(item, UUID.fromString(item.substring(0, item.indexOf(':'))),
						item.substring(item.indexOf(':') + 1), deedOn, description);
			}
			catch (IllegalArgumentException malformed) {
				return new ClaimForm(item, null, null, deedOn, description);
			}
		}
	}

	private final PointsQueries queries;

	private final PointsClaims claims;

	private final Redemptions redemptions;

	private final MessageSource messages;

	private final PointsProblems problems;

	private final PointsWorkbooks workbooks;

	private final Clock clock;

	private final ZoneId zone;

	PointsPhonePages(PointsQueries queries, PointsClaims claims, Redemptions redemptions, MessageSource messages,
			PointsProblems problems, PointsWorkbooks workbooks, Clock clock, ZoneId zone) {
		this.problems = problems;
		this.workbooks = workbooks;
		this.queries = queries;
		this.claims = claims;
		this.redemptions = redemptions;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/m/points")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("accounts", queries.myAccounts(actor));
		model.addAttribute("claimable", claims.claimable(actor));
		model.addAttribute("claims", queries.claims(actor, List.of()).stream().limit(20).toList());
		model.addAttribute("redemptions", queries.redemptions(actor).stream().limit(20).toList());
		model.addAttribute("schemes", queries.schemes(actor)
			.stream()
			.filter(s -> actor.scope().path().startsWith(s.scopePath()))
			.toList());
		return "points/mine";
	}

	@GetMapping("/m/points/accounts/{id}")
	String statement(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("statement", queries.statement(actor, id, 200));
		return "points/statement";
	}

	@GetMapping("/m/points/accounts/{id}/statement.xlsx")
	ResponseEntity<byte[]> statementWorkbook(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return workbooks.statement(queries.statement(actor, id, 100_000));
	}

	@GetMapping("/m/points/claim")
	String claimForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID schemeId,
			@RequestParam(required = false) String rule, Model model) {
		model.addAttribute("form", new ClaimForm(null, schemeId, rule, LocalDate.now(clock.withZone(zone)), null));
		model.addAttribute("errors", FormErrors.none());
		model.addAttribute("claimable", claims.claimable(actor));
		return "points/claim";
	}

	@PostMapping("/m/points/claims")
	String claim(@AuthenticationPrincipal Actor actor, ClaimForm typed,
			@RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
			RedirectAttributes redirect) throws IOException {
		ClaimForm form = typed.parsed();
		try {
			claims.submit(actor, new PointsClaimCommands.ClaimDeed(form.schemeId(), form.ruleCode(), form.deedOn(),
					form.description(), null), photo == null || photo.isEmpty() ? null : photo.getBytes());
			redirect.addFlashAttribute("notice", "points.notice.claimed");
			return "redirect:/m/points";
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			model.addAttribute("form", form);
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("claimable", claims.claimable(actor));
			return "points/claim";
		}
	}

	@PostMapping("/m/points/claims/{id}/withdrawal")
	String withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/m/points", "points.notice.withdrawn", () -> claims.withdraw(actor, id));
	}

	@GetMapping("/m/points/rewards")
	String rewards(@AuthenticationPrincipal Actor actor, @RequestParam UUID schemeId, Model model) {
		PointsQueries.SchemeView scheme = queries.scheme(actor, schemeId);
		model.addAttribute("scheme", scheme.scheme());
		model.addAttribute("rewards", scheme.rewards());
		model.addAttribute("balance", queries.myAccounts(actor)
			.stream()
			.filter(a -> a.scheme().id().equals(schemeId))
			.mapToLong(a -> a.account().balance())
			.sum());
		return "points/rewards";
	}

	@PostMapping("/m/points/redemptions")
	String redeem(@AuthenticationPrincipal Actor actor, @RequestParam UUID rewardId, @RequestParam UUID schemeId,
			RedirectAttributes redirect) {
		try {
			UUID id = redemptions.redeem(actor, rewardId).id();
			redirect.addFlashAttribute("notice", "points.notice.redeemed");
			return "redirect:/m/points/redemptions/" + id;
		}
		catch (DomainException e) {
			if (e.category() == DomainException.Category.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("stepProblems", problems.of(e));
			return "redirect:/m/points/rewards?schemeId=" + schemeId;
		}
	}

	@GetMapping("/m/points/redemptions/{id}")
	String redemption(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("r", queries.redemption(actor, id));
		return "points/redemption";
	}

	@PostMapping("/m/points/redemptions/{id}/cancellation")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/m/points/redemptions/" + id, "points.notice.cancelled",
				() -> redemptions.cancel(actor, id));
	}

	/** The notice board (公示) of a scheme of the person's place, with the objection he may raise. */
	@GetMapping("/m/points/notice")
	String notice(@AuthenticationPrincipal Actor actor, @RequestParam UUID schemeId, Model model) {
		Scheme scheme = queries.scheme(actor, schemeId).scheme();
		model.addAttribute("scheme", scheme);
		model.addAttribute("entries", queries.notice(schemeId)
			.stream()
			.map(n -> queries.claim(actor, n.claimId()))
			.toList());
		return "points/notice";
	}

	@PostMapping("/m/points/claims/{id}/objection")
	String object(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam UUID schemeId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, "/m/points/notice?schemeId=" + schemeId, "points.notice.objected",
				() -> claims.object(actor, id, new PointsClaimCommands.Reason(reason)));
	}

	/** A sponsor's liaison: the code the person shows, and his sponsors' latest redemptions. */
	@GetMapping("/m/points/confirm")
	String confirmForm(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("redemptions", queries.redemptions(actor)
			.stream()
			.filter(r -> r.code() == null)
			.limit(30)
			.toList());
		return "points/confirm";
	}

	@PostMapping("/m/points/confirm")
	String confirm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String code,
			RedirectAttributes redirect) {
		return step(redirect, "/m/points/confirm", "points.notice.confirmed",
				() -> redemptions.confirm(actor, new Redemptions.Confirm(code)));
	}

	@GetMapping(value = "/points/claims/{id}/photo", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.body(claims.photo(actor, id).orElseThrow(() -> DomainException.notFound("photo")));
	}

	private String step(RedirectAttributes redirect, String back, String notice, Runnable command) {
		try {
			command.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (DomainException e) {
			if (e.category() == DomainException.Category.NOT_FOUND && !"UNKNOWN_CODE".equals(e.code())) {
				throw e;
			}
			redirect.addFlashAttribute("stepProblems", problems.of(e));
		}
		return "redirect:" + back;
	}
}

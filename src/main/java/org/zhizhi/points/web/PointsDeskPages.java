package org.zhizhi.points.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.points.BranchBoards;
import org.zhizhi.points.Dimension;
import org.zhizhi.points.PointsClaimCommands.Reason;
import org.zhizhi.points.PointsClaimState;
import org.zhizhi.points.PointsClaims;
import org.zhizhi.points.PointsCommands.NewRule;
import org.zhizhi.points.PointsCommands.ReviseRule;
import org.zhizhi.points.PointsManagement;
import org.zhizhi.points.PointsQueries;
import org.zhizhi.points.PointsQueries.ClaimView;
import org.zhizhi.points.Redemptions;
import org.zhizhi.points.RuleSource;
import org.zhizhi.points.Scheme;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;

/**
 * The points desk: the schemes of the scope with their figures, a scheme's rules and their versions, its board, its
 * sponsors and rewards and the soundness of its ledger; the vetting queue with the public notice and the objections.
 * Every step is the module's command; a refusal comes back in plain Chinese above the page.
 */
@Controller
class PointsDeskPages {

	private final PointsQueries queries;

	private final PointsManagement management;

	private final PointsClaims claims;

	private final Redemptions redemptions;

	private final PointsProblems problems;

	private final org.zhizhi.points.HonourBoards honours;

	private final BranchBoards branches;

	PointsDeskPages(PointsQueries queries, PointsManagement management, PointsClaims claims, Redemptions redemptions,
			PointsProblems problems, org.zhizhi.points.HonourBoards honours, BranchBoards branches) {
		this.honours = honours;
		this.branches = branches;
		this.queries = queries;
		this.management = management;
		this.claims = claims;
		this.redemptions = redemptions;
		this.problems = problems;
	}

	@GetMapping("/points")
	String desk(@AuthenticationPrincipal Actor actor, Model model) {
		List<Scheme> schemes = queries.schemes(actor);
		model.addAttribute("schemes", schemes);
		model.addAttribute("figures", schemes.stream().collect(Collectors.toMap(Scheme::id, queries::figures)));
		Map<PointsClaimState, Long> waiting = queries.claims(actor, List.of(PointsClaimState.SUBMITTED,
				PointsClaimState.OBJECTED, PointsClaimState.ON_NOTICE))
			.stream()
			.collect(Collectors.groupingBy(ClaimView::state, Collectors.counting()));
		model.addAttribute("waiting", waiting);
		return "points/desk";
	}

	@GetMapping("/points/schemes/{id}")
	String scheme(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID branch, Model model) {
		PointsQueries.SchemeView view = queries.scheme(actor, id);
		model.addAttribute("view", view);
		// a party branch's own board (its members only) when one is chosen, else the scheme's
		BranchBoards.BranchBoard branchBoard = branch == null ? null
				: branches.board(actor, view.scheme(), branch, !view.desk(), 50);
		model.addAttribute("branchBoard", branchBoard);
		model.addAttribute("branches", branches.branches(actor, view.scheme()));
		model.addAttribute("board", branchBoard != null ? branchBoard.standings()
				: queries.ranking(id, null, !view.desk(), 20));
		model.addAttribute("audit", view.desk() ? queries.audit(actor, id) : null);
		model.addAttribute("honours", view.scheme().kind() == org.zhizhi.points.SchemeKind.VIRTUE
				? honours.standing(id, !view.desk()) : List.of());
		model.addAttribute("dimensions", Dimension.values());
		model.addAttribute("sources", RuleSource.values());
		model.addAttribute("today", queries.today());
		return "points/scheme";
	}

	@PostMapping("/points/schemes/{id}/rules")
	String addRule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam(required = false) String code,
			@RequestParam(required = false) String name, @RequestParam(required = false) Dimension dimension,
			@RequestParam(required = false) RuleSource source, @RequestParam(required = false) Integer points,
			@RequestParam(required = false) Integer dailyCap, @RequestParam(required = false) Integer monthlyCap,
			@RequestParam(required = false) LocalDate validFrom, RedirectAttributes redirect) {
		return step(redirect, "/points/schemes/" + id, "points.notice.ruleAdded", () -> management.addRule(actor, id,
				new NewRule(code, name, dimension, source, points, dailyCap, monthlyCap, validFrom)));
	}

	@PostMapping("/points/schemes/{id}/rules/{code}/versions")
	String revise(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable String code,
			@RequestParam(required = false) String name, @RequestParam(required = false) Integer points,
			@RequestParam(required = false) Integer dailyCap, @RequestParam(required = false) Integer monthlyCap,
			@RequestParam(required = false) LocalDate validFrom, RedirectAttributes redirect) {
		return step(redirect, "/points/schemes/" + id, "points.notice.ruleRevised", () -> management.reviseRule(actor,
				id, code, new ReviseRule(name, points, dailyCap, monthlyCap, validFrom)));
	}

	@PostMapping("/points/schemes/{id}/sponsors")
	String addSponsor(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String name, @RequestParam(required = false) String address,
			RedirectAttributes redirect) {
		return step(redirect, "/points/schemes/" + id, "points.notice.sponsorAdded",
				() -> redemptions.addSponsor(actor, id, new Redemptions.NewSponsor(name, address, null)));
	}

	@PostMapping("/points/schemes/{id}/rewards")
	String addReward(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID sponsorId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String description, @RequestParam(required = false) Integer price,
			@RequestParam(required = false) Integer stock, @RequestParam(required = false) LocalDate validUntil,
			@RequestParam(required = false) String place, RedirectAttributes redirect) {
		return step(redirect, "/points/schemes/" + id, "points.notice.rewardAdded", () -> redemptions.addReward(actor,
				new Redemptions.NewReward(sponsorId, name, description, price, stock, validUntil, place)));
	}

	/** The vetting queue: claims waiting for the desk, objected to, on notice — or any state asked for. */
	@GetMapping("/points/claims")
	String queue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) PointsClaimState state,
			Model model) {
		PointsClaimState shown = state == null ? PointsClaimState.SUBMITTED : state;
		model.addAttribute("state", shown);
		model.addAttribute("states", EnumSet.allOf(PointsClaimState.class));
		model.addAttribute("claims", queries.claims(actor, List.of(shown)));
		return "points/claims";
	}

	@PostMapping("/points/claims/{id}/approval")
	String approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/points/claims", "points.notice.approved", () -> claims.approve(actor, id));
	}

	@PostMapping("/points/claims/{id}/rejection")
	String reject(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, "/points/claims", "points.notice.rejected",
				() -> claims.reject(actor, id, new Reason(reason)));
	}

	@PostMapping("/points/claims/{id}/objection/upheld")
	String uphold(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, "/points/claims?state=OBJECTED", "points.notice.upheld",
				() -> claims.uphold(actor, id, new Reason(reason)));
	}

	@PostMapping("/points/claims/{id}/objection/dismissed")
	String dismiss(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, "/points/claims?state=OBJECTED", "points.notice.dismissed",
				() -> claims.dismiss(actor, id, new Reason(reason)));
	}

	/**
	 * A scheme's public board: masked names, points earned, and the claims on notice — for anyone, no sign-in. One node
	 * of its territory ({@code within}) or one party branch's members ({@code branch}, a member scheme) may be asked.
	 */
	@GetMapping("/public/points/{code}")
	String publicBoard(@PathVariable String code, @RequestParam(required = false) UUID within,
			@RequestParam(required = false) UUID branch, Model model) {
		Scheme scheme = queries.publicScheme(code);
		model.addAttribute("scheme", scheme);
		if (branch != null) {
			BranchBoards.BranchBoard board = branches.publicBoard(scheme, branch, 50);
			model.addAttribute("board", board.standings());
			model.addAttribute("within", board.branchName());
		}
		else {
			DataScope node = within == null ? null : queries.nodeWithin(scheme, within);
			model.addAttribute("board", queries.ranking(scheme.id(), node, true, 50));
			model.addAttribute("within", node == null ? null : queries.nodeName(within));
		}
		// not "notice": the layout shows a flash message of that name
		model.addAttribute("noticeBoard", queries.notice(scheme.id()));
		model.addAttribute("honours", honours.standing(scheme.id(), true));
		return "points/public";
	}

	private String step(RedirectAttributes redirect, String back, String notice, Runnable command) {
		try {
			command.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (DomainException e) {
			if (e.category() == DomainException.Category.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("stepProblems", problems.of(e));
		}
		return "redirect:" + back;
	}
}

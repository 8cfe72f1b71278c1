package org.zhizhi.points.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
import org.zhizhi.points.BranchBoards;
import org.zhizhi.points.PointsClaimCommands.ClaimDeed;
import org.zhizhi.points.PointsClaimCommands.Reason;
import org.zhizhi.points.PointsClaimState;
import org.zhizhi.points.PointsClaims;
import org.zhizhi.points.PointsCommands.NewRule;
import org.zhizhi.points.PointsCommands.NewScheme;
import org.zhizhi.points.PointsCommands.ReverseMovement;
import org.zhizhi.points.PointsCommands.ReviseRule;
import org.zhizhi.points.PointsManagement;
import org.zhizhi.points.PointsQueries;
import org.zhizhi.points.PointsQueries.ClaimView;
import org.zhizhi.points.PointsQueries.MyAccount;
import org.zhizhi.points.PointsQueries.RedemptionView;
import org.zhizhi.points.PointsQueries.SchemeView;
import org.zhizhi.points.PointsQueries.Standing;
import org.zhizhi.points.PointsQueries.Statement;
import org.zhizhi.points.Redemptions;
import org.zhizhi.points.Reward;
import org.zhizhi.points.Rule;
import org.zhizhi.points.Scheme;
import org.zhizhi.points.Sponsor;
import org.zhizhi.shared.Actor;

/**
 * Points over JSON: schemes and their rules, accounts and statements, claims with their public notice, the catalogue,
 * redemptions. Refusals are RFC 9457 problems; a claim answers with the steps the caller may take next.
 */
@RestController
@RequestMapping("/api/v1/points")
@Tag(name = "points", description = "积分: schemes, the ledger, claims on public notice, rewards and redemptions")
class PointsApiController {

	private final PointsManagement management;

	private final PointsClaims claims;

	private final Redemptions redemptions;

	private final PointsQueries queries;

	private final PointsWorkbooks workbooks;

	private final org.zhizhi.points.HonourBoards honours;

	private final BranchBoards branches;

	PointsApiController(PointsManagement management, PointsClaims claims, Redemptions redemptions,
			PointsQueries queries, PointsWorkbooks workbooks, org.zhizhi.points.HonourBoards honours,
			BranchBoards branches) {
		this.honours = honours;
		this.branches = branches;
		this.management = management;
		this.claims = claims;
		this.redemptions = redemptions;
		this.queries = queries;
		this.workbooks = workbooks;
	}

	// ---- schemes and rules

	@GetMapping("/schemes")
	@Operation(summary = "The schemes the caller deals with: run in his scope or covering it")
	List<Scheme> schemes(@AuthenticationPrincipal Actor actor) {
		return queries.schemes(actor);
	}

	@GetMapping("/schemes/{id}")
	@Operation(summary = "A scheme with every version of its rules, its redemption figures, sponsors and rewards")
	SchemeView scheme(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.scheme(actor, id);
	}

	@PostMapping("/schemes")
	@Operation(summary = "A scheme run by a node of the caller's scope (desk)")
	ResponseEntity<Scheme> createScheme(@AuthenticationPrincipal Actor actor, @RequestBody NewScheme body) {
		Scheme scheme = management.createScheme(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/points/schemes/" + scheme.id())).body(scheme);
	}

	@PostMapping("/schemes/{id}/rules")
	@Operation(summary = "A rule's first version (desk)")
	ResponseEntity<Rule> addRule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NewRule body) {
		Rule rule = management.addRule(actor, id, body);
		return ResponseEntity.created(URI.create("/api/v1/points/schemes/" + id)).body(rule);
	}

	@PostMapping("/schemes/{id}/rules/{code}/versions")
	@Operation(summary = "A rule's next version from a day on; a used version is never changed (desk)")
	ResponseEntity<Rule> reviseRule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable String code, @RequestBody ReviseRule body) {
		Rule rule = management.reviseRule(actor, id, code, body);
		return ResponseEntity.created(URI.create("/api/v1/points/schemes/" + id)).body(rule);
	}

	@GetMapping("/schemes/{id}/ranking")
	@Operation(summary = "The scheme's board: people by points earned, names masked; with branch, a party branch's "
			+ "own members only (a branch of the caller's scope, member schemes)")
	List<Standing> ranking(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID branch, @RequestParam(defaultValue = "50") int limit) {
		Scheme scheme = queries.scheme(actor, id).scheme();
		if (branch != null) {
			return branches.board(actor, scheme, branch, true, limit).standings();
		}
		return queries.ranking(id, null, true, limit);
	}

	@GetMapping("/schemes/{id}/notice")
	@Operation(summary = "The claims on public notice (公示), names masked")
	List<PointsQueries.NoticeEntry> notice(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		queries.scheme(actor, id);
		return queries.notice(id);
	}

	@GetMapping("/schemes/{id}/audit")
	@Operation(summary = "Whether the scheme's ledger is sound: every balance equal to its entries, all entries summing to zero (desk)")
	PointsQueries.Audit audit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.audit(actor, id);
	}

	@PostMapping("/schemes/{id}/sponsors")
	@Operation(summary = "A sponsor of the scheme, with the liaison account that confirms its redemptions (desk)")
	ResponseEntity<Sponsor> addSponsor(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody Redemptions.NewSponsor body) {
		Sponsor sponsor = redemptions.addSponsor(actor, id, body);
		return ResponseEntity.created(URI.create("/api/v1/points/schemes/" + id)).body(sponsor);
	}

	@GetMapping("/schemes/{id}/honours")
	@Operation(summary = "The virtue bank's 红黑榜 standing today (names masked but for the desk of its scope)")
	List<org.zhizhi.points.Honour> honours(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return honours.standing(id, !queries.scheme(actor, id).desk());
	}

	@PostMapping("/schemes/{id}/honours")
	@Operation(summary = "An entry of the 红黑榜: red with its reason; black only with the decision and an expiry (desk)")
	ResponseEntity<org.zhizhi.points.Honour> addHonour(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody org.zhizhi.points.HonourBoards.NewHonour body) {
		return ResponseEntity.status(201).body(honours.add(actor, id, body));
	}

	// ---- accounts

	@GetMapping("/accounts/mine")
	@Operation(summary = "The caller's accounts in every scheme")
	List<MyAccount> mine(@AuthenticationPrincipal Actor actor) {
		return queries.myAccounts(actor);
	}

	@GetMapping("/accounts/{id}")
	@Operation(summary = "An account with its statement: the holder's own, or one of the desk's scope")
	Statement account(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "100") int limit) {
		return queries.statement(actor, id, limit);
	}

	@GetMapping("/accounts/{id}/statement.xlsx")
	@Operation(summary = "An account's whole statement as an Excel workbook")
	ResponseEntity<byte[]> statementWorkbook(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return workbooks.statement(queries.statement(actor, id, 100_000));
	}

	@PostMapping("/movements/{id}/reversal")
	@Operation(summary = "A correction: the movement reversed with its reason, once (desk)")
	ResponseEntity<Map<String, UUID>> reverse(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody ReverseMovement body) {
		UUID reversal = management.reverse(actor, id, body);
		return ResponseEntity.status(201).body(Map.of("id", reversal));
	}

	// ---- claims

	@PostMapping(value = "/claims", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A deed nominated for someone (nomineeId) by a grid worker, building head or desk")
	ResponseEntity<ClaimView> nominate(@AuthenticationPrincipal Actor actor, @RequestBody ClaimDeed body) {
		return created(actor, claims.submit(actor, body, null).id());
	}

	@PostMapping(value = "/claims", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "A deed claimed by the person himself: the claim as JSON and a photo as evidence")
	ResponseEntity<ClaimView> claim(@AuthenticationPrincipal Actor actor, @RequestPart("claim") ClaimDeed body,
			@RequestPart(name = "photo", required = false) MultipartFile photo) throws IOException {
		return created(actor, claims.submit(actor, body, photo == null ? null : photo.getBytes()).id());
	}

	@GetMapping("/claims")
	@Operation(summary = "The desk's queue of its scope's claims, or the caller's own claims")
	List<ClaimView> claims(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) List<PointsClaimState> state) {
		return queries.claims(actor, state == null ? List.of() : state);
	}

	@GetMapping("/claims/{id}")
	@Operation(summary = "A claim with the steps the caller may take")
	ClaimView claim(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.claim(actor, id);
	}

	@PostMapping("/claims/{id}/approval")
	@Operation(summary = "Vetted: onto public notice for the scheme's days (desk; never his own)")
	ClaimView approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		claims.approve(actor, id);
		return queries.claim(actor, id);
	}

	@PostMapping("/claims/{id}/rejection")
	@Operation(summary = "Rejected, with the reason (desk)")
	ClaimView reject(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody Reason body) {
		claims.reject(actor, id, body);
		return queries.claim(actor, id);
	}

	@PostMapping("/claims/{id}/withdrawal")
	@Operation(summary = "Withdrawn before it is vetted (the person or his nominator)")
	ClaimView withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		claims.withdraw(actor, id);
		return queries.claim(actor, id);
	}

	@PostMapping("/claims/{id}/objection")
	@Operation(summary = "An objection during the public notice, with the reason (anyone of the place but the person)")
	ClaimView object(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody Reason body) {
		claims.object(actor, id, body);
		return queries.claim(actor, id);
	}

	@PostMapping("/claims/{id}/objection/upheld")
	@Operation(summary = "The objection holds: rejected (desk)")
	ClaimView uphold(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody Reason body) {
		claims.uphold(actor, id, body);
		return queries.claim(actor, id);
	}

	@PostMapping("/claims/{id}/objection/dismissed")
	@Operation(summary = "The objection does not hold: back on notice (desk)")
	ClaimView dismiss(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody Reason body) {
		claims.dismiss(actor, id, body);
		return queries.claim(actor, id);
	}

	// ---- rewards and redemptions

	@GetMapping("/rewards")
	@Operation(summary = "A scheme's rewards still valid, cheapest first")
	List<Reward> rewards(@AuthenticationPrincipal Actor actor, @RequestParam UUID schemeId) {
		queries.scheme(actor, schemeId);
		return queries.rewards(schemeId);
	}

	@PostMapping("/rewards")
	@Operation(summary = "A reward listed by the scheme's desk or the sponsor's liaison")
	ResponseEntity<Reward> addReward(@AuthenticationPrincipal Actor actor, @RequestBody Redemptions.NewReward body) {
		Reward reward = redemptions.addReward(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/points/rewards?schemeId=" + reward.schemeId())).body(reward);
	}

	/** What a person redeems. */
	record Redeem(UUID rewardId) {
	}

	@PostMapping("/redemptions")
	@Operation(summary = "Redeem a reward: its price held, one taken from the stock, a code to show the sponsor")
	ResponseEntity<RedemptionView> redeem(@AuthenticationPrincipal Actor actor, @RequestBody Redeem body) {
		if (body == null || body.rewardId() == null) {
			throw org.zhizhi.shared.DomainException.invalid(
					List.of(new org.zhizhi.shared.DomainException.FieldProblem("rewardId", "validation.required")));
		}
		UUID id = redemptions.redeem(actor, body.rewardId()).id();
		return ResponseEntity.created(URI.create("/api/v1/points/redemptions/" + id))
			.body(queries.redemption(actor, id));
	}

	@GetMapping("/redemptions")
	@Operation(summary = "The caller's redemptions, and for a sponsor's liaison those of his sponsors")
	List<RedemptionView> redemptions(@AuthenticationPrincipal Actor actor) {
		return queries.redemptions(actor);
	}

	@GetMapping("/redemptions/{id}")
	@Operation(summary = "A redemption: the person's own (with its code), his sponsor's or his desk's")
	RedemptionView redemption(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.redemption(actor, id);
	}

	@PostMapping("/redemptions/confirmation")
	@Operation(summary = "The sponsor's liaison confirms the redemption whose code the person shows")
	RedemptionView confirm(@AuthenticationPrincipal Actor actor, @RequestBody Redemptions.Confirm body) {
		return queries.redemption(actor, redemptions.confirm(actor, body).id());
	}

	@PostMapping("/redemptions/{id}/cancellation")
	@Operation(summary = "Cancelled: the points and the stock go back (the person, the sponsor or the desk)")
	RedemptionView cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		redemptions.cancel(actor, id);
		return queries.redemption(actor, id);
	}

	private ResponseEntity<ClaimView> created(Actor actor, UUID id) {
		return ResponseEntity.created(URI.create("/api/v1/points/claims/" + id)).body(queries.claim(actor, id));
	}
}

package org.zhizhi.partnership.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
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
import org.zhizhi.partnership.Agreement;
import org.zhizhi.partnership.Claim;
import org.zhizhi.partnership.Claims;
import org.zhizhi.partnership.DeliveryNote;
import org.zhizhi.partnership.ItemKind;
import org.zhizhi.partnership.ItemStatus;
import org.zhizhi.partnership.ListItem;
import org.zhizhi.partnership.ListItems;
import org.zhizhi.partnership.PartnerUnit;
import org.zhizhi.partnership.Partners;
import org.zhizhi.partnership.PartnershipCommands.Acceptance;
import org.zhizhi.partnership.PartnershipCommands.ClaimItem;
import org.zhizhi.partnership.PartnershipCommands.Completion;
import org.zhizhi.partnership.PartnershipCommands.NewAgreement;
import org.zhizhi.partnership.PartnershipCommands.NewItem;
import org.zhizhi.partnership.PartnershipCommands.NewPartner;
import org.zhizhi.partnership.PartnershipCommands.ProgressNote;
import org.zhizhi.partnership.PartnershipCommands.SendBack;
import org.zhizhi.partnership.PartnershipCommands.SignAgreement;
import org.zhizhi.partnership.PartnershipManagement;
import org.zhizhi.partnership.PartnershipManagement.StoredDocument;
import org.zhizhi.partnership.PartnershipQueries;
import org.zhizhi.partnership.PartnershipViews.Contribution;
import org.zhizhi.partnership.PartnershipViews.ItemDetail;
import org.zhizhi.partnership.PartnershipViews.Matches;
import org.zhizhi.partnership.PartnershipViews.RankedPartner;
import org.zhizhi.partnership.PartnershipViews.Rates;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.PlausibleYear;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "partnership", description = "Partner units, agreements, the three lists, two-way claims, delivery, contributions, matching and rates")
class PartnershipApiController {

	private final PartnershipManagement management;

	private final Partners partners;

	private final ListItems listItems;

	private final Claims claims;

	private final PartnershipQueries queries;

	private final ListWorkbooks workbooks;

	PartnershipApiController(PartnershipManagement management, Partners partners, ListItems listItems, Claims claims,
			PartnershipQueries queries, ListWorkbooks workbooks) {
		this.management = management;
		this.partners = partners;
		this.listItems = listItems;
		this.claims = claims;
		this.queries = queries;
		this.workbooks = workbooks;
	}

	// ---- partner units -----------------------------------------------------------------------------------------

	@GetMapping("/partners")
	@Operation(summary = "Partner units of the caller's scope (a liaison: his own), contacts masked; agreementSigned false flags a unit without this year's agreement")
	List<PartnerUnit> partners(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId) {
		return queries.partners(actor, communityId);
	}

	@PostMapping("/partners")
	@Operation(summary = "Register a partner unit of a community (community staff and above)")
	ResponseEntity<PartnerUnit> addPartner(@AuthenticationPrincipal Actor actor, @RequestBody NewPartner body) {
		PartnerUnit unit = partners.addPartner(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/partners/" + unit.id())).body(unit);
	}

	@GetMapping("/partners/{id}")
	@Operation(summary = "One partner unit with its contact")
	PartnerUnit partner(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.partner(actor, id);
	}

	record LiaisonRequest(UUID accountId) {
	}

	@PostMapping("/partners/{id}/liaisons")
	@Operation(summary = "Make a PARTNER_LIAISON account the unit's liaison (one unit per account)")
	ResponseEntity<Void> addLiaison(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody LiaisonRequest body) {
		partners.addLiaison(actor, id, body.accountId());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/partners/{id}/agreements")
	@Operation(summary = "The unit's yearly agreements (共驻共建协议书)")
	List<Agreement> agreements(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.agreements(actor, id);
	}

	@PostMapping("/partners/{id}/agreements")
	@Operation(summary = "Draft the agreement of a year (one per unit and year)")
	ResponseEntity<Agreement> addAgreement(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NewAgreement body) {
		return ResponseEntity.status(201).body(partners.addAgreement(actor, id, body));
	}

	@PostMapping("/agreements/{id}/sign")
	@Operation(summary = "Mark a draft agreement signed, with the uploaded signed document (POST /partnership/documents first)")
	Agreement sign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody SignAgreement body) {
		return partners.signAgreement(actor, id, body);
	}

	@GetMapping("/partners/{id}/claims")
	@Operation(summary = "The pledges the unit delivers")
	List<Claim> claimsOf(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.claimsOf(actor, id);
	}

	@GetMapping("/partners/{id}/contribution")
	@Operation(summary = "The unit's contribution record: value, hours, projects and people served of accepted pledges (all years, or one)")
	Contribution contribution(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		return queries.contribution(actor, id, year);
	}

	@GetMapping(value = "/partners/{id}/contribution.xlsx")
	@Operation(summary = "The unit's contribution record as .xlsx")
	ResponseEntity<byte[]> contributionSheet(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ListWorkbooks.download(workbooks.contribution(actor, id), "contribution.xlsx");
	}

	// ---- documents ---------------------------------------------------------------------------------------------

	@PostMapping(value = "/partnership/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a photo (JPEG/PNG, re-encoded without metadata) or, with kind=AGREEMENT, a PDF; checked by content")
	ResponseEntity<Map<String, Object>> upload(@AuthenticationPrincipal Actor actor,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "PHOTO") String kind) {
		UUID id = management.upload(actor, bytes(file), "AGREEMENT".equals(kind));
		return ResponseEntity.status(201).body(Map.of("id", id));
	}

	@GetMapping("/partnership/documents/{id}")
	@Operation(summary = "A stored document, for those who may see what it is attached to")
	ResponseEntity<byte[]> document(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		StoredDocument document = management.document(actor, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.mediaType()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.body(document.bytes());
	}

	static byte[] bytes(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw DomainException.invalid(List.of(new FieldProblem("file", "partnership.fileMissing")));
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// ---- the three lists ---------------------------------------------------------------------------------------

	@GetMapping("/partnership/items")
	@Operation(summary = "The three lists of the scope: kind NEED, RESOURCE or PROJECT, open items first")
	List<ListItem> items(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) ItemKind kind, @RequestParam(required = false) ItemStatus status) {
		return queries.items(actor, communityId, kind, status);
	}

	@PostMapping("/partnership/items")
	@Operation(summary = "Publish a need, project or resource (a liaison: his unit's resources)")
	ResponseEntity<ListItem> publish(@AuthenticationPrincipal Actor actor, @RequestBody NewItem body) {
		ListItem item = listItems.publish(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/partnership/items/" + item.id())).body(item);
	}

	@GetMapping("/partnership/items/{id}")
	@Operation(summary = "One item with its pledges and delivery notes")
	ItemDetail item(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.item(actor, id);
	}

	@PostMapping("/partnership/items/{id}/withdraw")
	@Operation(summary = "Take an unclaimed item off the list")
	ListItem withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return listItems.withdraw(actor, id);
	}

	@PostMapping("/partnership/items/{id}/claims")
	@Operation(summary = "Claim an item (双向认领): 201 with the new pledge, 200 with the existing one when repeated, 409 OVER_CLAIMED when not enough is left")
	ResponseEntity<Claim> claim(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) ClaimItem body) {
		var result = claims.claim(actor, id, body == null ? new ClaimItem(null, null, null) : body);
		return ResponseEntity.status(result.created() ? 201 : 200).body(result.claim());
	}

	@GetMapping("/partnership/items/{id}/matches")
	@Operation(summary = "Suggested resources and units for an open need, best first")
	Matches matches(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.matches(actor, id);
	}

	@PostMapping("/partnership/claims/{id}/notes")
	@Operation(summary = "A progress note of a pledge, with an optional photo")
	ResponseEntity<DeliveryNote> progress(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody ProgressNote body) {
		return ResponseEntity.status(201).body(claims.addProgress(actor, id, body));
	}

	@PostMapping("/partnership/claims/{id}/complete")
	@Operation(summary = "Report a pledge delivered, with evidence (a photo) and its value, hours and people served")
	Claim complete(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody Completion body) {
		return claims.complete(actor, id, body);
	}

	@PostMapping("/partnership/claims/{id}/accept")
	@Operation(summary = "The community accepts a delivered pledge")
	Claim accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) Acceptance body) {
		return claims.accept(actor, id, body);
	}

	@PostMapping("/partnership/claims/{id}/send-back")
	@Operation(summary = "The community refuses a delivered pledge with a reason (退回): back to PLEDGED, the delivery's value, hours and people cleared, a SENT_BACK note; 409 ILLEGAL_TRANSITION unless DELIVERED")
	Claim sendBack(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) SendBack body) {
		return claims.sendBack(actor, id, body);
	}

	// ---- measures ----------------------------------------------------------------------------------------------

	@GetMapping("/partnership/rates")
	@Operation(summary = "对接率, completion rate, median/p90 days to claim and complete, share claimed within 14 days, unclaimed ages — of a community, the scope or a unit, in a year")
	Rates rates(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) UUID partnerId, @RequestParam(required = false) @PlausibleYear Integer year) {
		return queries.rates(actor, communityId, partnerId, year);
	}

	@GetMapping("/partnership/rates/by-community")
	@Operation(summary = "The need rates of every community of the caller's scope that published needs in the year (keyed by community id)")
	Map<UUID, Rates> ratesByCommunity(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		return queries.ratesByCommunity(actor, year);
	}

	@GetMapping("/partnership/ranking")
	@Operation(summary = "The red-partner ranking (红色合伙人) of the scope or a community, all years or one")
	List<RankedPartner> ranking(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		return queries.ranking(actor, communityId, year);
	}

	@GetMapping("/partnership/lists.xlsx")
	@Operation(summary = "The three lists of the scope (or a community) as .xlsx")
	ResponseEntity<byte[]> listsSheet(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) UUID communityId) {
		return ListWorkbooks.download(workbooks.lists(actor, communityId), "three-lists.xlsx");
	}
}

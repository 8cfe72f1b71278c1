package org.zhizhi.party.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.party.ChangeMemberStatus;
import org.zhizhi.party.HubHousehold;
import org.zhizhi.party.MemberKind;
import org.zhizhi.party.MemberStatus;
import org.zhizhi.party.NewHubHousehold;
import org.zhizhi.party.NewPartyMember;
import org.zhizhi.party.NewPartyOrg;
import org.zhizhi.party.PartyChain;
import org.zhizhi.party.PartyManagement;
import org.zhizhi.party.PartyMember;
import org.zhizhi.party.PartyOrg;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The party tree, members, hub households and an estate's five-level chain as JSON. Reads are limited to the
 * caller's scope; writes are for community staff and above.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "party", description = "Party organisations, members, hub households and the estate chain")
class PartyApiController {

	private final PartyQueries queries;

	private final PartyManagement management;

	PartyApiController(PartyQueries queries, PartyManagement management) {
		this.queries = queries;
		this.management = management;
	}

	record OrgView(UUID id, UUID parentId, String name, String level, boolean functional, boolean temporary,
			String placeKind, UUID placeId, String placeName, UUID estateId, UUID buildingId, long members) {

		static OrgView of(PartyOrg o) {
			return new OrgView(o.id(), o.parentId(), o.name(), o.level().name(), o.functional(), o.temporary(),
					o.placeKind().name(), o.placeId(), o.placeName(), o.estateId(), o.buildingId(), o.members());
		}
	}

	record HubView(UUID id, UUID memberId, String memberName, UUID householdId, List<UUID> buildingIds) {

		static HubView of(HubHousehold h) {
			return new HubView(h.id(), h.memberId(), h.memberName(), h.householdId(), h.buildingIds());
		}
	}

	record MemberDetail(PartyMember member, List<PartyQueries.StatusChange> history) {
	}

	record StatusBody(String status, LocalDate on, String note) {
	}

	@GetMapping("/party-orgs")
	@Operation(summary = "Party organisations within the caller's data scope")
	List<OrgView> orgs(@AuthenticationPrincipal Actor actor) {
		return queries.orgs(actor).stream().map(OrgView::of).toList();
	}

	@GetMapping("/party-orgs/{id}")
	@Operation(summary = "One party organisation")
	OrgView org(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.org(actor, id).map(OrgView::of).orElseThrow(() -> DomainException.notFound("party-org"));
	}

	@PostMapping("/party-orgs")
	@Operation(summary = "Found a party organisation serving a place (community staff and above)")
	ResponseEntity<OrgView> addOrg(@AuthenticationPrincipal Actor actor, @RequestBody NewPartyOrg body) {
		PartyOrg org = management.addOrg(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/party-orgs/" + org.id())).body(OrgView.of(org));
	}

	@GetMapping("/party-members")
	@Operation(summary = "Members within the caller's scope, of one organisation and of one kind if given")
	List<PartyMember> members(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId,
			@RequestParam(required = false) MemberKind kind) {
		if (orgId != null && queries.org(actor, orgId).isEmpty()) {
			throw DomainException.notFound("party-org");
		}
		return queries.members(actor, orgId, kind);
	}

	@GetMapping("/party-members/{id}")
	@Operation(summary = "One member with the history of his status")
	MemberDetail member(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		PartyMember member = queries.member(actor, id).orElseThrow(() -> DomainException.notFound("party-member"));
		return new MemberDetail(member, queries.statusHistory(actor, id));
	}

	@PostMapping("/party-members")
	@Operation(summary = "Register a member, in-service member, incoming member, activist or applicant")
	ResponseEntity<PartyMember> addMember(@AuthenticationPrincipal Actor actor, @RequestBody NewPartyMember body) {
		PartyMember member = management.addMember(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/party-members/" + member.id())).body(member);
	}

	@PostMapping("/party-members/{id}/status")
	@Operation(summary = "Change a member's status (transferred out, deceased…); the change is kept in his history")
	PartyMember changeStatus(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody StatusBody body) {
		MemberStatus status;
		try {
			status = body.status() == null ? null : MemberStatus.valueOf(body.status());
		}
		catch (IllegalArgumentException e) {
			throw DomainException.invalid(List.of(new DomainException.FieldProblem("status", "problem.typeMismatch")));
		}
		return management.changeStatus(actor, id, new ChangeMemberStatus(status, body.on(), body.note()));
	}

	record AccountLink(UUID accountId) {
	}

	@PutMapping("/party-members/{id}/account")
	@Operation(summary = "Link the member to the account he signs in with (null unlinks); an in-service member then "
			+ "reaches the community of his dual registration, e.g. takes its residents' wishes")
	PartyMember linkAccount(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody AccountLink body) {
		return management.linkAccount(actor, id, body == null ? null : body.accountId());
	}

	@GetMapping("/hub-households")
	@Operation(summary = "Hub households within the caller's scope")
	List<HubView> hubs(@AuthenticationPrincipal Actor actor) {
		return queries.hubs(actor).stream().map(HubView::of).toList();
	}

	@PostMapping("/hub-households")
	@Operation(summary = "Make a member's household a hub household serving buildings")
	ResponseEntity<HubView> addHub(@AuthenticationPrincipal Actor actor, @RequestBody NewHubHousehold body) {
		HubHousehold hub = management.addHub(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/hub-households/" + hub.id())).body(HubView.of(hub));
	}

	@GetMapping("/estates/{id}/party-chain")
	@Operation(summary = "The estate's five-level chain 社区党委—党支部—楼栋党小组—党员中心户—居民 with its gaps")
	Map<String, Object> chain(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		PartyQueries.EstateChain found = queries.chain(actor, id)
			.orElseThrow(() -> DomainException.notFound("estate"));
		PartyChain chain = found.chain();
		Map<String, Object> levels = new LinkedHashMap<>();
		chain.levels().forEach(level -> levels.put(level.key(), level.count()));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("estateId", found.estate().id());
		body.put("estateName", found.estate().name());
		body.put("levels", levels);
		body.put("committees", chain.committees().stream().map(OrgView::of).toList());
		body.put("branches", chain.branches().stream().map(OrgView::of).toList());
		body.put("groups", chain.groups().stream().map(OrgView::of).toList());
		body.put("hubs", chain.hubs().stream().map(HubView::of).toList());
		body.put("buildings", chain.buildings()
			.stream()
			.map(link -> Map.of("id", link.building().id(), "name", link.building().name(), "gridName",
					String.valueOf(link.building().gridName()), "groups",
					link.groups().stream().map(PartyOrg::name).toList(), "hubs", link.hubs().size(), "noGroup",
					link.noGroup(), "noHub", link.noHub()))
			.toList());
		body.put("gaps", Map.of("buildingsWithoutGroup",
				chain.buildingsWithoutGroup().stream().map(l -> l.building().name()).toList(), "buildingsWithoutHub",
				chain.buildingsWithoutHub().stream().map(l -> l.building().name()).toList()));
		return body;
	}
}

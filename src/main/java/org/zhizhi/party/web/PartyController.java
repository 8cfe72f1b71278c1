package org.zhizhi.party.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhizhi.party.MemberKind;
import org.zhizhi.party.PartyOrg;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.territory.PlaceQueries;

/** The party pages: the organisation tree with the estates' chains, one organisation with its members, a chain. */
@Controller
@RequestMapping("/party")
class PartyController {

	private final PartyQueries queries;

	private final PlaceQueries places;

	private final org.zhizhi.party.BranchMeetingQueries meetings;

	PartyController(PartyQueries queries, PlaceQueries places, org.zhizhi.party.BranchMeetingQueries meetings) {
		this.queries = queries;
		this.places = places;
		this.meetings = meetings;
	}

	/** An organisation in the tree, indented by its depth below the nearest ancestor the caller sees. */
	record TreeRow(PartyOrg org, int depth) {
	}

	@GetMapping
	String tree(@AuthenticationPrincipal Actor actor, Model model) {
		List<PartyOrg> orgs = queries.orgs(actor);
		model.addAttribute("rows", tree(orgs));
		model.addAttribute("estates", places.estates(actor.scope(), null, null));
		return "party/orgs";
	}

	@GetMapping("/orgs/{id}")
	String org(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MemberKind kind, Model model) {
		PartyOrg org = queries.org(actor, id).orElseThrow(() -> DomainException.notFound("party-org"));
		model.addAttribute("org", org);
		model.addAttribute("parent", org.parentId() == null ? null : queries.org(actor, org.parentId()).orElse(null));
		model.addAttribute("children", queries.orgs(actor).stream().filter(o -> id.equals(o.parentId())).toList());
		model.addAttribute("members", queries.members(actor, id, kind));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", MemberKind.values());
		model.addAttribute("rhythm", meetings.rhythm(actor, id));
		return "party/org";
	}

	/**
	 * The party organisations serving one place (a community, grid or micro-grid), as a fragment the territory pages
	 * load with htmx: territory links to the party pages by URL and knows nothing of the party module.
	 */
	@GetMapping("/places/{placeId}")
	String placeOrgs(@AuthenticationPrincipal Actor actor, @PathVariable UUID placeId, Model model) {
		model.addAttribute("orgs", queries.orgsAt(actor, placeId));
		return "party/place-orgs :: orgs";
	}

	@GetMapping("/estates/{estateId}/chain")
	String chain(@AuthenticationPrincipal Actor actor, @PathVariable UUID estateId, Model model) {
		PartyQueries.EstateChain found = queries.chain(actor, estateId)
			.orElseThrow(() -> DomainException.notFound("estate"));
		model.addAttribute("estate", found.estate());
		model.addAttribute("chain", found.chain());
		return "party/chain";
	}

	static List<TreeRow> tree(List<PartyOrg> orgs) {
		Map<UUID, PartyOrg> byId = new LinkedHashMap<>();
		orgs.forEach(o -> byId.put(o.id(), o));
		Map<UUID, List<PartyOrg>> children = new HashMap<>();
		List<PartyOrg> roots = new ArrayList<>();
		for (PartyOrg org : orgs) {
			if (org.parentId() != null && byId.containsKey(org.parentId())) {
				children.computeIfAbsent(org.parentId(), k -> new ArrayList<>()).add(org);
			}
			else {
				roots.add(org);
			}
		}
		List<TreeRow> rows = new ArrayList<>();
		for (PartyOrg root : roots) {
			walk(root, 0, children, rows);
		}
		return rows;
	}

	private static void walk(PartyOrg org, int depth, Map<UUID, List<PartyOrg>> children, List<TreeRow> rows) {
		rows.add(new TreeRow(org, depth));
		for (PartyOrg child : children.getOrDefault(org.id(), List.of())) {
			walk(child, depth + 1, children, rows);
		}
	}
}

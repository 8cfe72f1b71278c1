package org.zhizhi.territory.web;

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
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.Firms;
import org.zhizhi.territory.GridDuty;
import org.zhizhi.territory.GridStandard;
import org.zhizhi.territory.PlaceSummaries;
import org.zhizhi.territory.ScopeCount;
import org.zhizhi.territory.GridTeams;
import org.zhizhi.territory.MapProperties;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.TeamPosition;
import org.zhizhi.territory.TerritoryManagement;

/** The scope tree and a node's page with its map. */
@Controller
@RequestMapping("/territory")
class TerritoryController {

	private final OrgUnitQueries queries;

	private final GridTeams teams;

	private final String tileUrl;

	private final String tileAttribution;

	private final PlaceSummaries summaries;

	private final Firms firms;

	TerritoryController(OrgUnitQueries queries, GridTeams teams, PlaceSummaries summaries, Firms firms,
			MapProperties map) {
		this.queries = queries;
		this.summaries = summaries;
		this.firms = firms;
		this.teams = teams;
		this.tileUrl = map.tileUrl();
		this.tileAttribution = map.tileAttribution();
	}

	@GetMapping
	String tree(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name, Model model) {
		if (name != null && !name.isBlank()) {
			List<OrgUnit> found = queries.list(actor.scope(), new OrgUnitFilter(name, null, null));
			model.addAttribute("name", name.strip());
			model.addAttribute("found", found.stream().limit(200).toList());
			model.addAttribute("foundTotal", found.size());
			return "territory/tree";
		}
		OrgUnit root = queries.find(actor.scope(), actor.scope().orgUnitId())
			.orElseThrow(() -> DomainException.notFound("org-unit"));
		model.addAttribute("root", root);
		model.addAttribute("rootChildCount", queries.childCounts(actor.scope(), List.of(root.id())).getOrDefault(
				root.id(), 0L));
		return "territory/tree";
	}

	/** The rows under one node of the tree, loaded by htmx when the user opens it. */
	@GetMapping("/{id}/children")
	String children(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		OrgUnit parent = queries.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("org-unit"));
		List<OrgUnit> children = queries.list(actor.scope(), OrgUnitFilter.childrenOf(parent.id()));
		model.addAttribute("children", children);
		model.addAttribute("childCounts", queries.childCounts(actor.scope(), children.stream().map(OrgUnit::id).toList()));
		return "territory/tree :: children";
	}

	@GetMapping("/{id}")
	String node(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		OrgUnit node = queries.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("org-unit"));
		List<OrgUnit> children = queries.list(actor.scope(), OrgUnitFilter.childrenOf(node.id()));
		Map<UUID, Long> childCounts = queries.childCounts(actor.scope(), children.stream().map(OrgUnit::id).toList());
		model.addAttribute("node", node);
		model.addAttribute("lineage", queries.lineage(actor.scope(), node.id()));
		model.addAttribute("children", children);
		model.addAttribute("childCounts", childCounts);
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		queries.countByLevel(node.scope()).forEach((level, count) -> counts.put(level.name(), count));
		model.addAttribute("counts", counts);
		model.addAttribute("mapFeatures", MapFeatures.of(node, children));
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
		// households per grid or micro-grid, held against the grid standard (people contributes the counts)
		// the security admin reads the tree to bind accounts, but no figure of people and no team's names and phones
		boolean business = actor.hasAny(Role.BUSINESS);
		model.addAttribute("showPeople", business);
		model.addAttribute("summary", business ? summaries.ofOrgUnit(actor.scope(), node.id()).orElse(null) : null);
		model.addAttribute("standard", GridStandard.of(node.level(), node.kind()).orElse(null));
		Map<UUID, Long> childHouseholds = new java.util.HashMap<>();
		Map<UUID, GridStandard.Verdict> childVerdicts = new java.util.HashMap<>();
		List<OrgUnit> standardised = business ? children.stream()
			.filter(child -> GridStandard.of(child.level(), child.kind()).isPresent())
			.toList() : List.of();
		summaries.figureOfEach(actor.scope(), standardised, ScopeCount.HOUSEHOLDS).forEach((childId, households) -> {
			OrgUnit child = standardised.stream().filter(c -> c.id().equals(childId)).findFirst().orElseThrow();
			childHouseholds.put(childId, households);
			childVerdicts.put(childId, GridStandard.of(child.level(), child.kind()).orElseThrow().judge(households));
		});
		model.addAttribute("childHouseholds", childHouseholds);
		model.addAttribute("childVerdicts", childVerdicts);
		model.addAttribute("firms", node.level() == OrgLevel.GRID && "PARK".equals(node.kind())
				? firms.ofGrid(actor.scope(), node.id()) : List.of());
		model.addAttribute("team", business && node.level() == OrgLevel.GRID ? teams.of(actor.scope(), node.id()) : List.of());
		model.addAttribute("mayEditBoundary", node.level().hasBoundary() && TerritoryManagement.mayEdit(actor));
		model.addAttribute("mayEditTeam", node.level() == OrgLevel.GRID && TerritoryManagement.mayEdit(actor));
		model.addAttribute("positions", TeamPosition.values());
		model.addAttribute("duties", GridDuty.values());
		return "territory/node";
	}
}

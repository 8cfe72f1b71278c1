package org.zhizhi.dashboard.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.identity.GrantRules;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.TerritoryRoles;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceSummaries;

/** The workbench (工作台): what the user's scope holds, and where to go from here. */
@Controller
class HomeController {

	private final OrgUnitQueries orgUnits;

	private final AccountQueries accounts;

	private final PlaceSummaries summaries;

	HomeController(OrgUnitQueries orgUnits, AccountQueries accounts, PlaceSummaries summaries) {
		this.orgUnits = orgUnits;
		this.accounts = accounts;
		this.summaries = summaries;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		if (!Navigation.hasWorkbench(actor)) {
			return "redirect:/audit";
		}
		Map<OrgLevel, Long> counts = orgUnits.countByLevel(actor.scope());
		model.addAttribute("counts", byName(counts));
		// the registries' figures of the scope — people and party only for those who work with them
		Map<String, Long> figures = actor.hasAny(Role.BUSINESS)
				? summaries.ofOrgUnit(actor.scope(), actor.scope().orgUnitId())
					.map(summary -> summary.byFieldName())
					.orElse(Map.of())
				: Map.of();
		model.addAttribute("figures", figures);
		// the tree is the staff's tool: residents' counts link nowhere (the menu asks the same rule)
		model.addAttribute("treeReader", TerritoryRoles.mayReadTree(actor));
		boolean manager = GrantRules.mayManageAccounts(actor);
		model.addAttribute("accountManager", manager);
		if (manager) {
			model.addAttribute("accountCount", accounts.count(actor.scope()));
		}
		return "dashboard/home";
	}

	/** Keyed by the level's name, which is what templates can index by. */
	static Map<String, Long> byName(Map<OrgLevel, Long> counts) {
		Map<String, Long> named = new java.util.LinkedHashMap<>();
		counts.forEach((level, count) -> named.put(level.name(), count));
		return named;
	}
}

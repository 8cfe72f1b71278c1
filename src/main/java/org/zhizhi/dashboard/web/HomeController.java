package org.zhizhi.dashboard.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.identity.GrantRules;
import org.zhizhi.incident.IncidentRoles;
import org.zhizhi.people.PeopleRoles;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.WaitingWork;
import org.zhizhi.territory.TerritoryRoles;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceSummaries;

/**
 * The workbench (工作台): first what waits for the user now — every module's answer as one to-do list, the overdue and
 * carded first, then by deadline, then the longest waiting — then the figures of his scope, only for those who work
 * with them.
 */
@Controller
class HomeController {

	/** Items a kind contributes; the list shows the most urgent of all of them. */
	static final int PER_KIND = 5;

	static final int SHOWN = 12;

	private final OrgUnitQueries orgUnits;

	private final AccountQueries accounts;

	private final PlaceSummaries summaries;

	private final List<WaitingWork> work;

	private final Clock clock;

	HomeController(OrgUnitQueries orgUnits, AccountQueries accounts, PlaceSummaries summaries, List<WaitingWork> work,
			Clock clock) {
		this.orgUnits = orgUnits;
		this.accounts = accounts;
		this.summaries = summaries;
		this.work = work;
		this.clock = clock;
	}

	/** A to-do line with the name of its kind, for the list. */
	record Line(String kindKey, WaitingWork.Item item) {
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		if (!Navigation.hasWorkbench(actor)) {
			return "redirect:/audit";
		}
		Instant now = clock.instant();
		List<WaitingWork.Waiting> waiting = new ArrayList<>();
		work.forEach(w -> waiting.addAll(w.waitingFor(actor, now, PER_KIND)));
		model.addAttribute("waiting", waiting);
		model.addAttribute("todo", todo(waiting));
		model.addAttribute("now", now);

		// figures only for those who work with them: the people's for who may read people, the tree's for them and
		// for the account managers who bind accounts to its nodes; a resident or a unit's liaison gets none
		boolean people = PeopleRoles.mayRead(actor);
		// the tree is the staff's tool: residents' counts link nowhere (the menu asks the same rule)
		model.addAttribute("treeReader", TerritoryRoles.mayReadTree(actor));
		boolean manager = GrantRules.mayManageAccounts(actor);
		model.addAttribute("showCounts", people || manager);
		model.addAttribute("counts", people || manager ? byName(orgUnits.countByLevel(actor.scope())) : Map.of());
		model.addAttribute("figures", people ? summaries.ofOrgUnit(actor.scope(), actor.scope().orgUnitId())
			.map(summary -> summary.byFieldName())
			.orElse(Map.of()) : Map.of());
		model.addAttribute("accountManager", manager);
		if (manager) {
			model.addAttribute("accountCount", accounts.count(actor.scope()));
		}
		// the 随手拍 button by the same rule as the menu's entry and the page itself
		model.addAttribute("reports", IncidentRoles.reportsByPhone(actor));
		return "dashboard/home";
	}

	/** Every kind's items in one list: urgent first, then the nearest deadline, then the longest waiting. */
	static List<Line> todo(List<WaitingWork.Waiting> waiting) {
		return waiting.stream()
			.flatMap(w -> w.items().stream().map(i -> new Line(w.kindKey(), i)))
			.sorted(Comparator.comparing((Line l) -> !l.item().urgent())
				.thenComparing(l -> l.item().due(), Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(l -> l.item().since(), Comparator.nullsLast(Comparator.naturalOrder())))
			.limit(SHOWN)
			.toList();
	}

	/** Keyed by the level's name, which is what templates can index by. */
	static Map<String, Long> byName(Map<OrgLevel, Long> counts) {
		Map<String, Long> named = new java.util.LinkedHashMap<>();
		counts.forEach((level, count) -> named.put(level.name(), count));
		return named;
	}
}

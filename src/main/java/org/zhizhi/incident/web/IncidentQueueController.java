package org.zhizhi.incident.web;

import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.incident.BatchUrging;
import org.zhizhi.incident.DeskFilter;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentLifecycle;
import org.zhizhi.incident.IncidentLists;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentRow;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.UrgeCard;
import org.zhizhi.incident.UrgeIncidents;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The desk's queue of incidents (filters, counts by state, paging) and 批量督办 from it: one card and note for the
 * incidents ticked on the page, each urged on its own, the outcome told above the queue. On a phone the same page shows
 * the rows as cards (the stylesheet chooses), so a grid worker in the street sees state, grid and age without scrolling
 * sideways.
 */
@Controller
@RequestMapping("/incidents")
class IncidentQueueController {

	private final IncidentQueries queries;

	private final IncidentLists lists;

	private final IncidentPages pages;

	private final BatchUrging batchUrging;

	private final OrgUnitQueries orgUnits;

	private final Clock clock;

	IncidentQueueController(IncidentQueries queries, IncidentLists lists, IncidentPages pages,
			BatchUrging batchUrging, OrgUnitQueries orgUnits, Clock clock) {
		this.orgUnits = orgUnits;
		this.clock = clock;
		this.queries = queries;
		this.lists = lists;
		this.pages = pages;
		this.batchUrging = batchUrging;
	}

	@GetMapping
	String queue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) IncidentState state,
			@RequestParam(required = false) WhistleType type, @RequestParam(required = false) String category,
			@RequestParam(required = false) UUID grid, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "0") int page, Model model, jakarta.servlet.http.HttpServletRequest request) {
		IncidentPages.requireDesk(actor);
		// where the batch bar comes back to: this very page of the queue, its filters kept
		model.addAttribute("back", "/incidents" + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
		DeskFilter filter = new DeskFilter(state, type, category == null || category.isBlank() ? null : category,
				grid, overdue);
		List<IncidentRow> rows = lists.queue(actor, filter, page);
		boolean more = rows.size() > IncidentLists.PAGE_SIZE;
		rows = more ? rows.subList(0, IncidentLists.PAGE_SIZE) : rows;
		Map<IncidentState, Long> counts = lists.countsByState(actor, filter);
		model.addAttribute("filter", filter);
		model.addAttribute("rows", rows);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("more", more);
		model.addAttribute("counts", counts);
		model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("states", IncidentState.values());
		model.addAttribute("types", WhistleType.values());
		model.addAttribute("categories", pages.categoriesByClass());
		model.addAttribute("grids", orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, OrgLevel.GRID)));
		model.addAttribute("gridNames", pages.gridNames(actor, rows.stream().map(IncidentRow::gridId).toList()));
		java.time.Instant now = clock.instant();
		model.addAttribute("now", now);
		// the phone's cards say how long each has waited
		Map<UUID, String> ages = new java.util.HashMap<>();
		rows.forEach(r -> ages.put(r.id(), pages.age(r.reportedAt(), now)));
		model.addAttribute("ages", ages);
		model.addAttribute("cards", UrgeCard.values());
		model.addAttribute("mayUrge", IncidentLifecycle.TABLE.mayTake(actor.roles(), IncidentAction.URGE));
		return "incident/queue";
	}

	// --- 批量督办 ----------------------------------------------------------------------------------------------------

	/** What became of one incident of a batch, told in the notice above the queue. */
	record BatchLine(UUID id, String name, boolean urged, String reason) implements Serializable {
	}

	@PostMapping("/urge")
	String urgeAll(@AuthenticationPrincipal Actor actor, @RequestParam(name = "ids", required = false) List<UUID> ids,
			@RequestParam(required = false) UrgeCard card, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		IncidentPages.requireDesk(actor);
		String target = back.startsWith("/incidents") && !back.startsWith("//") ? back : "/incidents";
		List<BatchUrging.Outcome> outcomes;
		try {
			outcomes = batchUrging.urge(actor, new UrgeIncidents(ids, card, note));
		}
		catch (DomainException e) {
			// the batch itself is wrong: said above the queue, in the words of its bar
			redirect.addFlashAttribute("batchProblems", e.fieldProblems().stream().map(p -> switch (p.field()) {
				case "ids" -> "validation.required".equals(p.messageKey()) ? pages.text("desk.batch.noneChosen")
						: pages.text(p.messageKey(), p.args());
				case "card" -> pages.text("desk.batch.cardRequired");
				default -> pages.text(p.messageKey(), p.args());
			}).toList());
			return "redirect:" + target;
		}
		Map<String, String> names = pages.categoryNames();
		List<BatchLine> lines = new ArrayList<>();
		for (BatchUrging.Outcome o : outcomes) {
			String name = queries.find(actor.scope(), o.id())
				.map(d -> names.getOrDefault(d.incident().categoryCode(), "") + " · "
						+ abbreviate(d.incident().description()))
				.orElse(o.id().toString());
			if (o.urged()) {
				lines.add(new BatchLine(o.id(), name, true, null));
			}
			else if (o.stateNow() != null || "ILLEGAL_TRANSITION".equals(o.refusal().code())) {
				lines.add(new BatchLine(o.id(), name, false, pages.text("desk.batch.notUrgeable",
						o.stateNow() == null ? "" : pages.text("incidentState." + o.stateNow()))));
			}
			else {
				lines.add(new BatchLine(o.id(), name, false, pages.text(o.refusal().messageKey(), o.refusal().args())));
			}
		}
		redirect.addFlashAttribute("batchLines", lines);
		redirect.addFlashAttribute("batchUrged", lines.stream().filter(BatchLine::urged).count());
		return "redirect:" + target;
	}

	private static String abbreviate(String text) {
		return text == null ? "" : text.length() > 24 ? text.substring(0, 24) + "…" : text;
	}
}

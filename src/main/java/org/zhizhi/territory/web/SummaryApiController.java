package org.zhizhi.territory.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.PlaceSummaries;
import org.zhizhi.territory.PlaceSummary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The figures of a node or an estate, e.g. {@code {"grids":15,"microGrids":76,"estates":1,"buildings":15,…}}: only
 * the figures that apply and that some module counts (see {@link PlaceSummaries}).
 */
@RestController
@Tag(name = "summaries", description = "Counts of a node or an estate within the caller's data scope")
class SummaryApiController {

	private final PlaceSummaries summaries;

	SummaryApiController(PlaceSummaries summaries) {
		this.summaries = summaries;
	}

	@GetMapping("/api/v1/org-units/{id}/summary")
	@Operation(summary = "Counts below a node: levels, estates, buildings, entrances, dwellings and what other modules add")
	Map<String, Long> orgUnit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		requireBusinessRole(actor);
		return summaries.ofOrgUnit(actor.scope(), id)
			.map(PlaceSummary::byFieldName)
			.orElseThrow(() -> DomainException.notFound("org-unit"));
	}

	@GetMapping("/api/v1/estates/{id}/summary")
	@Operation(summary = "Counts of an estate: grids and micro-grids it spans, buildings, entrances, dwellings…")
	Map<String, Long> estate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		requireBusinessRole(actor);
		return summaries.ofEstate(actor.scope(), id)
			.map(PlaceSummary::byFieldName)
			.orElseThrow(() -> DomainException.notFound("estate"));
	}

	/** The security admin reads the tree to bind accounts, not the figures of the people living in it. */
	private static void requireBusinessRole(Actor actor) {
		if (!actor.hasAny(Role.BUSINESS)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}
}

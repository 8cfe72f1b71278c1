package org.zhizhi.territory.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The management tree as JSON; every answer is limited to the caller's data scope. */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "org-units", description = "The management tree: district, street, community, grid, micro-grid")
class OrgUnitApiController {

	private final OrgUnitQueries queries;

	OrgUnitApiController(OrgUnitQueries queries) {
		this.queries = queries;
	}

	record OrgUnitSummary(UUID id, String name, String code, OrgLevel level, UUID parentId) {

		static OrgUnitSummary of(OrgUnit unit) {
			return new OrgUnitSummary(unit.id(), unit.name(), unit.code(), unit.level(), unit.parentId());
		}
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record OrgUnitDetail(UUID id, String name, String code, OrgLevel level, UUID parentId, String kind,
			@JsonRawValue String boundary) {

		static OrgUnitDetail of(OrgUnit unit) {
			return new OrgUnitDetail(unit.id(), unit.name(), unit.code(), unit.level(), unit.parentId(), unit.kind(),
					unit.boundary());
		}
	}

	@GetMapping
	@Operation(summary = "Nodes by name, parent and level, within the caller's data scope")
	List<OrgUnitSummary> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) UUID parentId, @RequestParam(required = false) OrgLevel level) {
		return queries.list(actor.scope(), new OrgUnitFilter(name, parentId, level))
			.stream()
			.map(OrgUnitSummary::of)
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One node with its boundary as GeoJSON")
	OrgUnitDetail get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.find(actor.scope(), id)
			.map(OrgUnitDetail::of)
			.orElseThrow(() -> DomainException.notFound("org-unit"));
	}
}

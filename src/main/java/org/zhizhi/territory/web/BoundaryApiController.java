package org.zhizhi.territory.web;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.TerritoryManagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Grid boundaries in and out as GeoJSON. */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "boundaries", description = "Import and export of grid and micro-grid boundaries as GeoJSON")
class BoundaryApiController {

	private final OrgUnitQueries queries;

	private final TerritoryManagement management;

	BoundaryApiController(OrgUnitQueries queries, TerritoryManagement management) {
		this.queries = queries;
		this.management = management;
	}

	@GetMapping(path = "/{id}/boundaries.geojson")
	@Operation(summary = "The boundaries of a node's children as a GeoJSON FeatureCollection")
	ResponseEntity<String> export(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		OrgUnit node = queries.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("org-unit"));
		String body = BoundaryGeoJson
			.featureCollection(queries.list(actor.scope(), OrgUnitFilter.childrenOf(node.id())));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, BoundaryGeoJson.MEDIA_TYPE)
			.body(body);
	}

	@PutMapping(path = "/{id}/boundary", consumes = { "application/json", BoundaryGeoJson.MEDIA_TYPE })
	@Operation(summary = "Replace a grid's or micro-grid's boundary with a GeoJSON geometry or Feature")
	OrgUnitApiController.OrgUnitDetail replace(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody String geoJson) {
		return OrgUnitApiController.OrgUnitDetail.of(management.replaceBoundary(actor, id, geoJson));
	}
}

package org.zhizhi.incident.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.Unit;
import org.zhizhi.incident.Units;
import org.zhizhi.shared.Actor;

@RestController
@RequestMapping("/api/v1/units")
@io.swagger.v3.oas.annotations.tags.Tag(name = "units", description = "Units that answer whistles (单位应哨) and their liaisons")
class UnitApiController {

	private final Units units;

	private final IncidentQueries queries;

	UnitApiController(Units units, IncidentQueries queries) {
		this.units = units;
		this.queries = queries;
	}

	@GetMapping
	@io.swagger.v3.oas.annotations.Operation(summary = "Units serving the caller's scope or a node above it")
	List<Unit> list(@AuthenticationPrincipal Actor actor) {
		return queries.units(actor.scope());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@io.swagger.v3.oas.annotations.Operation(summary = "Register a unit serving a district, street or community")
	Unit register(@AuthenticationPrincipal Actor actor, @RequestBody Units.NewUnit body) {
		return units.register(actor, body);
	}

	record Liaison(UUID accountId) {
	}

	@PostMapping("/{id}/liaisons")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@io.swagger.v3.oas.annotations.Operation(summary = "Make an account with a liaison role a liaison of the unit")
	void addLiaison(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody Liaison body) {
		units.addLiaison(actor, id, body == null ? null : body.accountId());
	}
}

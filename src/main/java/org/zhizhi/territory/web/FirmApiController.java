package org.zhizhi.territory.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.shared.Actor;
import org.zhizhi.territory.Firm;
import org.zhizhi.territory.Firm.Industry;
import org.zhizhi.territory.Firms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/grids/{id}/firms")
@Tag(name = "grids", description = "Grids: look-up, teams, firms")
class FirmApiController {

	private final Firms firms;

	FirmApiController(Firms firms) {
		this.firms = firms;
	}

	record NewFirm(String name, Industry industry, Integer employees) {
	}

	@GetMapping
	@Operation(summary = "The firms an industrial-park grid serves")
	List<Firm> list(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return firms.ofGrid(actor.scope(), id);
	}

	@PostMapping
	@Operation(summary = "Register a firm in an industrial-park grid")
	ResponseEntity<Firm> register(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody NewFirm body) {
		Firm firm = firms.register(actor, id, body.name(), body.industry(), body.employees());
		return ResponseEntity.created(URI.create("/api/v1/grids/" + id + "/firms/" + firm.id())).body(firm);
	}
}

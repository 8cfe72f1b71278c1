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
import org.zhizhi.territory.BuildingHead;
import org.zhizhi.territory.BuildingHeads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/buildings/{id}/heads")
@Tag(name = "places", description = "Estates, buildings, entrances and dwellings")
class BuildingHeadApiController {

	private final BuildingHeads heads;

	BuildingHeadApiController(BuildingHeads heads) {
		this.heads = heads;
	}

	record AppointHead(String name, Boolean red) {
	}

	@GetMapping
	@Operation(summary = "The building's heads (楼栋长), the current one first")
	List<BuildingHead> list(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return heads.of(actor.scope(), id);
	}

	@PostMapping
	@Operation(summary = "Appoint a building head; the current appointment ends today")
	ResponseEntity<BuildingHead> appoint(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody AppointHead body) {
		BuildingHead head = heads.appoint(actor, id, body.name(), null, Boolean.TRUE.equals(body.red()));
		return ResponseEntity.created(URI.create("/api/v1/buildings/" + id + "/heads/" + head.id())).body(head);
	}
}

package org.zhizhi.incident.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.incident.DuplicateFinder;
import org.zhizhi.incident.Following;
import org.zhizhi.incident.PossibleDuplicate;
import org.zhizhi.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "incidents", description = "The whistle: intake, acceptance, triage, whistle, claim")
class DuplicateApiController {

	private final DuplicateFinder duplicates;

	DuplicateApiController(DuplicateFinder duplicates) {
		this.duplicates = duplicates;
	}

	/** The parameters are optional here so that every missing one is named at once, by the finder. */
	@GetMapping("/nearby")
	@Operation(summary = "Possible duplicates before a report: open incidents of the category near the position, "
			+ "within its radius and window, nearest first, at most 5")
	List<PossibleDuplicate> nearby(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String categoryCode, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng) {
		return duplicates.nearby(actor, categoryCode, lat, lng);
	}

	@PostMapping("/{id}/join")
	@Operation(summary = "Follow an open incident instead of reporting it again (我也遇到); joining twice is harmless. "
			+ "Answers the number of followers; a closed or rejected incident is 409")
	Following join(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return duplicates.join(actor, id);
	}
}

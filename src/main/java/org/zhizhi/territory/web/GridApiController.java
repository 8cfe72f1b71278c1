package org.zhizhi.territory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.GeoPoint;
import org.zhizhi.territory.GridDuty;
import org.zhizhi.territory.GridLocation;
import org.zhizhi.territory.GridLocator;
import org.zhizhi.territory.GridTeamMember;
import org.zhizhi.territory.GridTeams;
import org.zhizhi.territory.NewTeamMember;
import org.zhizhi.territory.TeamPosition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Grids: which grid holds a position, and who works in a grid. */
@RestController
@RequestMapping("/api/v1/grids")
@Tag(name = "grids", description = "Position to grid, and grid teams (1+3+N)")
class GridApiController {

	private final GridLocator locator;

	private final GridTeams teams;

	GridApiController(GridLocator locator, GridTeams teams) {
		this.locator = locator;
		this.teams = teams;
	}

	record MicroGridRef(UUID id, String name) {
	}

	record LocatedGrid(UUID id, String name, String code, MicroGridRef microGrid) {

		static LocatedGrid of(GridLocation location) {
			return new LocatedGrid(location.id(), location.name(), location.code(), location.microGrid() == null
					? null : new MicroGridRef(location.microGrid().id(), location.microGrid().name()));
		}
	}

	@GetMapping("/locate")
	@Operation(summary = "The grid and micro-grid of the caller's scope that hold a WGS-84 position; 404 outside all")
	LocatedGrid locate(@AuthenticationPrincipal Actor actor, @RequestParam double lat, @RequestParam double lng) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!GeoPoint.validLatitude(lat)) {
			problems.add(new FieldProblem("lat", "grid.lat.invalid"));
		}
		if (!GeoPoint.validLongitude(lng)) {
			problems.add(new FieldProblem("lng", "grid.lng.invalid"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return locator.locate(actor.scope(), lat, lng)
			.map(LocatedGrid::of)
			.orElseThrow(() -> DomainException.notFound("grid"));
	}

	record TeamMemberView(UUID id, UUID gridId, TeamPosition position, String name, UUID accountId, String workPhone,
			List<GridDuty> duties) {

		static TeamMemberView of(GridTeamMember member) {
			return new TeamMemberView(member.id(), member.gridId(), member.position(), member.name(),
					member.accountId(), member.workPhone(), member.dutiesInOrder());
		}
	}

	record AddTeamMember(TeamPosition position, String name, UUID accountId, String workPhone, Set<GridDuty> duties) {
	}

	@GetMapping("/{id}/team")
	@Operation(summary = "The 1+3+N team of a grid: leader, workers, support forces and their duties")
	List<TeamMemberView> team(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return teams.of(actor.scope(), id).stream().map(TeamMemberView::of).toList();
	}

	@PostMapping("/{id}/team")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a member to a grid's team (community staff and above)")
	TeamMemberView addMember(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody AddTeamMember body) {
		return TeamMemberView.of(teams.add(actor, id,
				new NewTeamMember(body.position(), body.name(), body.accountId(), body.workPhone(), body.duties())));
	}
}

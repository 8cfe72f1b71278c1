package org.zhizhi.command.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
import org.zhizhi.command.AreaPreview;
import org.zhizhi.command.EmergencyCommands.AnswerEmergency;
import org.zhizhi.command.EmergencyCommands.ArriveOnSite;
import org.zhizhi.command.EmergencyCommands.BlowEmergencyWhistle;
import org.zhizhi.command.EmergencyCommands.DrawnArea;
import org.zhizhi.command.EmergencyCommands.StandDown;
import org.zhizhi.command.EmergencyDetail;
import org.zhizhi.command.EmergencyView;
import org.zhizhi.command.EmergencyWhistles;
import org.zhizhi.shared.Actor;

/**
 * 应急哨 over JSON: blow one over grids of the caller's scope, the whistles of his scope and those that called him,
 * one with everyone it called and its history, the answers of the person called, the leader's stand-down.
 */
@RestController
@RequestMapping("/api/v1/command/emergency-whistles")
@Tag(name = "command")
class EmergencyApiController {

	/** The whistles of the caller's scope (a leader) and those that called him. */
	record EmergencyLists(List<EmergencyView> ofScope, List<EmergencyView> callingMe) {
	}

	private final EmergencyWhistles whistles;

	EmergencyApiController(EmergencyWhistles whistles) {
		this.whistles = whistles;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Blows an emergency whistle over grids of the caller's scope — ticked (gridIds) and/or those "
			+ "a drawn polygon touches (area, a GeoJSON Polygon): the chosen forces of the area are called and told at once")
	EmergencyView blow(@AuthenticationPrincipal Actor actor, @RequestBody BlowEmergencyWhistle body) {
		return whistles.blow(actor, body);
	}

	/** The area of a whistle not yet blown: the grids ticked and/or the polygon drawn. */
	record AreaQuery(List<UUID> gridIds, DrawnArea area) {
	}

	@PostMapping("/preview")
	@Operation(summary = "What a whistle over this area would reach: its grids, and per force how many it would call "
			+ "and how many of its posts' people have no account; 400 with gridIds or area for an area it would refuse")
	AreaPreview preview(@AuthenticationPrincipal Actor actor, @RequestBody AreaQuery body) {
		return whistles.preview(actor, body.gridIds(), body.area());
	}

	@GetMapping
	@Operation(summary = "Emergency whistles of the caller's scope (calling ones first) and those that called him")
	EmergencyLists list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page) {
		return new EmergencyLists(whistles.ofScope(actor, page), whistles.mine(actor));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One emergency whistle with everyone it called, where each stands, and its history")
	EmergencyDetail get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return whistles.detail(actor, id);
	}

	@PostMapping("/{id}/answer")
	@Operation(summary = "The person called answers: COMING (马上到) or CANNOT (无法前往, with a reason)")
	EmergencyView answer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody AnswerEmergency body) {
		return whistles.answer(actor, id, body);
	}

	@PostMapping("/{id}/arrive")
	@Operation(summary = "The person called checks in on site (已到达), with his position if he has one")
	EmergencyView arrive(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) ArriveOnSite body) {
		return whistles.arrive(actor, id, body == null ? new ArriveOnSite(null, null) : body);
	}

	@PostMapping("/{id}/stand-down")
	@Operation(summary = "The leader stands the whistle down (解除) with what happened")
	EmergencyView standDown(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody StandDown body) {
		return whistles.standDown(actor, id, body);
	}
}

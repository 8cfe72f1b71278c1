package org.zhizhi.deliberation.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.deliberation.AddBodyMember;
import org.zhizhi.deliberation.CreateBody;
import org.zhizhi.deliberation.DraftConvention;
import org.zhizhi.deliberation.EstateGovernance;
import org.zhizhi.deliberation.SelfGovernance;
import org.zhizhi.shared.Actor;

/** An estate's self-governance over JSON: bodies and members, conventions drafted as topics, the 四个一. */
@RestController
@RequestMapping("/api/v1/self-governance")
@Tag(name = "self-governance", description = "Self-governance bodies, building guardians and residents' conventions")
class SelfGovernanceApiController {

	record Leave(LocalDate on) {
	}

	private final SelfGovernance governance;

	SelfGovernanceApiController(SelfGovernance governance) {
		this.governance = governance;
	}

	@GetMapping("/estates/{estateId}")
	@Operation(summary = "An estate's bodies with members, conventions with their adopted text, and its 四个一")
	EstateGovernance estate(@AuthenticationPrincipal Actor actor, @PathVariable UUID estateId) {
		return governance.estate(actor, estateId);
	}

	@PostMapping("/bodies")
	@Operation(summary = "Founds a body of an estate (自治管理小组, 楼委会, 议事会, 监事会, 业委会, 守护楼员)")
	ResponseEntity<Map<String, UUID>> createBody(@AuthenticationPrincipal Actor actor, @RequestBody CreateBody body) {
		UUID id = governance.createBody(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/self-governance/estates/" + body.estateId()))
			.body(Map.of("id", id));
	}

	@PostMapping("/bodies/{id}/members")
	@Operation(summary = "Adds a member (a guardian names the building he looks after)")
	ResponseEntity<Map<String, UUID>> addMember(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody AddBodyMember body) {
		return ResponseEntity.status(201).body(Map.of("id", governance.addMember(actor, id, body)));
	}

	@PostMapping("/bodies/{id}/members/{memberId}/leave")
	@Operation(summary = "A member leaves the body (on the date given, today by default)")
	ResponseEntity<Void> leave(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID memberId, @RequestBody(required = false) Leave body) {
		governance.memberLeaves(actor, id, memberId, body == null ? null : body.on());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/conventions")
	@Operation(summary = "Drafts a convention, rules or proposal letter (or its next version) as a topic for the "
			+ "residents; adopted when the topic passes")
	ResponseEntity<Map<String, UUID>> draft(@AuthenticationPrincipal Actor actor, @RequestBody DraftConvention body) {
		UUID topic = governance.draft(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/topics/" + topic)).body(Map.of("topicId", topic));
	}
}

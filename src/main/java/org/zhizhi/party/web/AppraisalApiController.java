package org.zhizhi.party.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.party.Appraisal;
import org.zhizhi.party.AppraisalCommands.AssessBranch;
import org.zhizhi.party.AppraisalCommands.OpenAppraisal;
import org.zhizhi.party.AppraisalCommands.RecordResult;
import org.zhizhi.party.AppraisalResultLine;
import org.zhizhi.party.Appraisals;
import org.zhizhi.party.Appraisals.AppraisalView;
import org.zhizhi.party.BranchAssessment;
import org.zhizhi.property.EvaluationTemplate;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 民主评议党员 and the branch assessment on the evaluation engine, as JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "party", description = "Party organisations, members, hub households and the estate chain")
class AppraisalApiController {

	private final Appraisals appraisals;

	AppraisalApiController(Appraisals appraisals) {
		this.appraisals = appraisals;
	}

	record AppraisalJson(UUID id, UUID orgId, String orgName, int year, String state) {

		static AppraisalJson of(Appraisal a) {
			return new AppraisalJson(a.id(), a.orgId(), a.orgName(), a.year(), a.state().name());
		}
	}

	record AppraisalDetail(AppraisalJson appraisal, List<AppraisalResultLine> results, Object counts, long missing) {

		static AppraisalDetail of(AppraisalView v) {
			return new AppraisalDetail(AppraisalJson.of(v.appraisal()), v.lines(), v.counts(), v.missing());
		}
	}

	@GetMapping("/party-appraisals")
	@Operation(summary = "民主评议党员 rounds within the caller's scope, of one organisation if given")
	List<AppraisalJson> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId) {
		return appraisals.appraisals(actor, orgId).stream().map(AppraisalJson::of).toList();
	}

	@PostMapping("/party-appraisals")
	@Operation(summary = "Open a branch's round of a year (one per branch and year)")
	ResponseEntity<AppraisalDetail> open(@AuthenticationPrincipal Actor actor, @RequestBody OpenAppraisal body) {
		Appraisal appraisal = appraisals.open(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/party-appraisals/" + appraisal.id()))
			.body(detail(actor, appraisal.id()));
	}

	@GetMapping("/party-appraisals/{id}")
	@Operation(summary = "A round with every member's result (null: not yet recorded)")
	AppraisalDetail detail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return AppraisalDetail.of(appraisals.appraisal(actor, id)
			.orElseThrow(() -> DomainException.notFound("party-appraisal")));
	}

	@PostMapping("/party-appraisals/{id}/results")
	@Operation(summary = "Record a member's result (优秀/合格/基本合格/不合格; below 合格 with its reason)")
	AppraisalDetail record(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody RecordResult body) {
		appraisals.record(actor, id, body);
		return detail(actor, id);
	}

	@PostMapping("/party-appraisals/{id}/close")
	@Operation(summary = "Close the round once every member has his result")
	AppraisalDetail close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		appraisals.close(actor, id);
		return detail(actor, id);
	}

	@GetMapping("/branch-assessments/template")
	@Operation(summary = "The evaluation engine's template branches are assessed against (PARTY_BRANCH)")
	EvaluationTemplate template() {
		return appraisals.branchTemplate();
	}

	@GetMapping("/branch-assessments")
	@Operation(summary = "Branch assessments within the caller's scope, of one organisation if given")
	List<BranchAssessment> assessments(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId) {
		return appraisals.assessments(actor, orgId);
	}

	@PostMapping("/branch-assessments")
	@Operation(summary = "Assess a branch for a year: a PASS or FAIL for every criterion of the template")
	ResponseEntity<BranchAssessment> assess(@AuthenticationPrincipal Actor actor, @RequestBody AssessBranch body) {
		BranchAssessment assessment = appraisals.assess(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/branch-assessments?orgId=" + assessment.orgId()))
			.body(assessment);
	}
}

package org.zhizhi.incident.web;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.incident.AcceptIncident;
import org.zhizhi.incident.AddNote;
import org.zhizhi.incident.AnswerIncident;
import org.zhizhi.incident.AssignIncident;
import org.zhizhi.incident.BatchUrging;
import org.zhizhi.incident.CheckInOnSite;
import org.zhizhi.incident.ClaimIncident;
import org.zhizhi.incident.DecideExtension;
import org.zhizhi.incident.EscalateIncident;
import org.zhizhi.incident.ExtensionRequest;
import org.zhizhi.incident.HandBackIncident;
import org.zhizhi.incident.IdempotencyConflict;
import org.zhizhi.incident.IdempotentResult;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentDetail;
import org.zhizhi.incident.IncidentDispatch;
import org.zhizhi.incident.IncidentManagement;
import org.zhizhi.incident.IncidentPart;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentSupervision;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.KeepIncidentClosed;
import org.zhizhi.incident.MovePart;
import org.zhizhi.incident.RateIncident;
import org.zhizhi.incident.RejectIncident;
import org.zhizhi.incident.ReopenIncident;
import org.zhizhi.incident.ReportIncident;
import org.zhizhi.incident.RequestExtension;
import org.zhizhi.incident.ResolveIncident;
import org.zhizhi.incident.ReworkIncident;
import org.zhizhi.incident.TimelineEntry;
import org.zhizhi.incident.TriageIncident;
import org.zhizhi.incident.UrgeIncident;
import org.zhizhi.incident.UrgeIncidents;
import org.zhizhi.incident.VerifyIncident;
import org.zhizhi.incident.WhistleIncident;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.ProblemResponses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "incidents", description = "The whistle: intake, acceptance, triage, whistle, claim, check-in, resolution, verification, rating")
class IncidentApiController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final int MAX_KEY = 128;

	private static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

	private final IncidentManagement management;

	private final IncidentQueries queries;

	private final MessageSource messages;

	private final IncidentDispatch dispatch;

	private final IncidentSupervision supervision;

	private final BatchUrging batchUrging;

	IncidentApiController(IncidentManagement management, IncidentQueries queries, MessageSource messages,
			IncidentDispatch dispatch, IncidentSupervision supervision, BatchUrging batchUrging) {
		this.batchUrging = batchUrging;
		this.dispatch = dispatch;
		this.supervision = supervision;
		this.management = management;
		this.queries = queries;
		this.messages = messages;
	}

	@PostMapping
	@Operation(summary = "Report an incident; the position decides its grid. Requires an Idempotency-Key header")
	ResponseEntity<byte[]> report(@AuthenticationPrincipal Actor actor,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, @RequestBody ReportIncident body) {
		if (key == null || key.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem(IDEMPOTENCY_KEY, "validation.required")));
		}
		if (key.length() > MAX_KEY) {
			throw DomainException
				.invalid(List.of(new FieldProblem(IDEMPOTENCY_KEY, "incident.idempotencyKeyTooLong", MAX_KEY)));
		}
		IdempotentResult result = management.report(actor, key, body);
		return ResponseEntity.status(result.status()).contentType(JSON).body(result.body());
	}

	/**
	 * One incident as the caller sees it, with the steps he may take on it now — the same answer the desk and the
	 * phone show as buttons ({@code IncidentPolicy}).
	 */
	record IncidentAnswer(IncidentView incident, List<TimelineEntry> timeline, List<IncidentPart> parts,
			List<ExtensionRequest> extensions, Set<IncidentAction> allowedActions) {
	}

	@GetMapping("/{id}")
	@Operation(summary = "One incident of the caller's scope with its timeline and the steps the caller may take now")
	IncidentAnswer get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		IncidentDetail detail = queries.get(actor, id);
		return new IncidentAnswer(detail.incident(), detail.timeline(), detail.parts(), detail.extensions(),
				Collections.unmodifiableSet(EnumSet.copyOf(management.allowedActions(actor, detail.incident()))));
	}

	@GetMapping
	@Operation(summary = "Incidents of the caller's scope, newest first, 50 a page")
	List<IncidentView> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) IncidentState state,
			@RequestParam(required = false) UUID gridId, @RequestParam(defaultValue = "0") int page) {
		return queries.list(actor, state, gridId, page);
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept a reported incident")
	IncidentDetail accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) AcceptIncident body) {
		return management.accept(actor, id, body != null ? body : new AcceptIncident(null, null, null));
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject a reported incident with a reason: DUPLICATE, INVALID or NOT_OURS")
	IncidentDetail reject(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) RejectIncident body) {
		return management.reject(actor, id, body != null ? body : new RejectIncident(null, null, null, null));
	}

	@PostMapping("/{id}/triage")
	@Operation(summary = "Triage: PUBLIC or COMMUNITY waits for a whistle; PRIVATE closes with a note")
	IncidentDetail triage(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) TriageIncident body) {
		return management.triage(actor, id, body != null ? body : new TriageIncident(null, null, null, null));
	}

	@PostMapping("/{id}/whistle")
	@Operation(summary = "Blow a whistle of a type (QUICK, EMERGENCY, TOUGH) and set its deadlines; mode OPEN_CALL "
			+ "(default; TOUGH: ASSIGN to the lead unitId with task and coUnits), ASSIGN to assigneeId or unitId, "
			+ "or ROUND_ROBIN among the grid's party members")
	IncidentDetail whistle(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) WhistleIncident body) {
		return dispatch.whistle(actor, id, body != null ? body : new WhistleIncident(null, null, null, null, null, null, null, null, null));
	}

	@PostMapping("/{id}/assign")
	@Operation(summary = "Dispatch a whistled order waiting for a taker: mode ASSIGN (assigneeId or unitId) or ROUND_ROBIN")
	IncidentDetail assign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) AssignIncident body) {
		return dispatch.assign(actor, id, body != null ? body : new AssignIncident(null, null, null, null, null, null, null, null));
	}

	@PostMapping("/{id}/answer")
	@Operation(summary = "The assigned member or a liaison of the assigned unit answers the order (应哨)")
	IncidentDetail answer(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) AnswerIncident body) {
		return dispatch.answer(actor, id, body != null ? body : new AnswerIncident(null, null, null));
	}

	@PostMapping("/{id}/hand-back")
	@Operation(summary = "The assignee or holder hands the order back with the reason (note)")
	IncidentDetail handBack(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) HandBackIncident body) {
		return dispatch.handBack(actor, id, body != null ? body : new HandBackIncident(null, null, null));
	}

	@PostMapping("/{id}/part/{step}")
	@Operation(summary = "A co-unit of a tough whistle answers (answer), finishes (done, with note) or hands back "
			+ "(hand-back, with note) its part")
	IncidentDetail part(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable String step,
			@RequestBody(required = false) MovePart body) {
		IncidentAction action = switch (step) {
			case "answer" -> IncidentAction.PART_ANSWER;
			case "done" -> IncidentAction.PART_DONE;
			case "hand-back" -> IncidentAction.PART_HAND_BACK;
			default -> throw DomainException.notFound("part step");
		};
		return dispatch.part(actor, id, action, body != null ? body : new MovePart(null, null, null, null));
	}

	@PostMapping("/{id}/notes")
	@Operation(summary = "A progress note (with photoIds of photos the caller attached) from the handler or staff")
	IncidentDetail note(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) AddNote body) {
		return management.addNote(actor, id, body != null ? body : new AddNote(null, null, null, null));
	}

	@PostMapping("/{id}/escalate")
	@Operation(summary = "Raise the incident one tier (GRID → COMMUNITY → STREET → DISTRICT) with the reason (note)")
	IncidentDetail escalate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) EscalateIncident body) {
		return supervision.escalate(actor, id, body != null ? body : new EscalateIncident(null, null, null));
	}

	@PostMapping("/{id}/urge")
	@Operation(summary = "督办: a YELLOW or RED card with a note")
	IncidentDetail urge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) UrgeIncident body) {
		return supervision.urge(actor, id, body != null ? body : new UrgeIncident(null, null, null, null));
	}

	/** What became of one incident of a batch. */
	record BatchOutcome(UUID id, boolean urged, String code) {
	}

	@PostMapping("/urge")
	@Operation(summary = "Batch urging: each incident on its own; the answer says which were urged and why not the others")
	List<BatchOutcome> urgeAll(@AuthenticationPrincipal Actor actor, @RequestBody UrgeIncidents body) {
		return batchUrging.urge(actor, body != null ? body : new UrgeIncidents(null, null, null))
			.stream()
			.map(o -> new BatchOutcome(o.id(), o.urged(), o.refusal() == null ? null : o.refusal().code()))
			.toList();
	}

	@PostMapping("/{id}/extension-requests")
	@Operation(summary = "延期申请 by the handler: hours (1–720) and the reason (note)")
	IncidentDetail requestExtension(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) RequestExtension body) {
		return supervision.requestExtension(actor, id, body != null ? body : new RequestExtension(null, null, null, null));
	}

	@PostMapping("/{id}/extension-requests/decision")
	@Operation(summary = "The tier above decides the pending extension request: approve true or false, with a note")
	IncidentDetail decideExtension(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) DecideExtension body) {
		return supervision.decideExtension(actor, id, body != null ? body : new DecideExtension(null, null, null, null));
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "After an unsatisfied rating, community staff reopen the incident with a note")
	IncidentDetail reopen(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) ReopenIncident body) {
		return management.reopen(actor, id, body != null ? body : new ReopenIncident(null, null, null));
	}

	@PostMapping("/{id}/keep-closed")
	@Operation(summary = "After an unsatisfied rating, community staff record why the incident stays closed (note)")
	IncidentDetail keepClosed(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) KeepIncidentClosed body) {
		return management.keepClosed(actor, id, body != null ? body : new KeepIncidentClosed(null, null, null));
	}

	@PostMapping("/{id}/claim")
	@Operation(summary = "A party member takes the order; of many at once exactly one wins")
	IncidentDetail claim(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) ClaimIncident body) {
		return management.claim(actor, id, body != null ? body : new ClaimIncident(null, null, null));
	}

	@PostMapping("/{id}/check-in")
	@Operation(summary = "The claimer checks in on site with lat/lng; beyond the check-in radius it is flagged")
	IncidentDetail checkIn(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) CheckInOnSite body) {
		return management.checkIn(actor, id, body != null ? body : new CheckInOnSite(null, null, null, null));
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "The claimer resolves a checked-in (or reworked) incident with a note")
	IncidentDetail resolve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) ResolveIncident body) {
		return management.resolve(actor, id, body != null ? body : new ResolveIncident(null, null, null, null));
	}

	@PostMapping("/{id}/verify")
	@Operation(summary = "A grid worker or community staff (not the claimer) passes the resolution: verified, closed")
	IncidentDetail verify(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) VerifyIncident body) {
		return management.verify(actor, id, body != null ? body : new VerifyIncident(null, null, null));
	}

	@PostMapping("/{id}/rework")
	@Operation(summary = "A grid worker or community staff (not the claimer) sends the resolution back with a note")
	IncidentDetail rework(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) ReworkIncident body) {
		return management.rework(actor, id, body != null ? body : new ReworkIncident(null, null, null));
	}

	@PostMapping("/{id}/rate")
	@Operation(summary = "The reporter, or staff from a call-back, rates a closed incident once: SATISFIED, "
			+ "BASICALLY_SATISFIED or UNSATISFIED (with a comment)")
	IncidentDetail rate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) RateIncident body) {
		return management.rate(actor, id, body != null ? body : new RateIncident(null, null, null, null));
	}

	/** A reused key is a well-formed request the server will not process: 422, not 400. */
	@ExceptionHandler(IdempotencyConflict.class)
	ResponseEntity<ProblemDetail> reused(IdempotencyConflict exception, HttpServletRequest request) {
		var locale = LocaleContextHolder.getLocale();
		String detail = messages.getMessage(exception.messageKey(), null, exception.messageKey(), locale);
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, exception.code(), detail, List.of(),
					request.getRequestURI(), locale, messages));
	}
}

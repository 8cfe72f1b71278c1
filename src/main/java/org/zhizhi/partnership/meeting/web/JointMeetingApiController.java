package org.zhizhi.partnership.meeting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.partnership.meeting.AgendaCandidates;
import org.zhizhi.partnership.meeting.JointMeetings;
import org.zhizhi.partnership.meeting.MeetingQueries;
import org.zhizhi.partnership.meeting.MeetingCommands.AddAgendaItem;
import org.zhizhi.partnership.meeting.MeetingCommands.Cancel;
import org.zhizhi.partnership.meeting.MeetingCommands.Hold;
import org.zhizhi.partnership.meeting.MeetingCommands.Minute;
import org.zhizhi.partnership.meeting.MeetingCommands.RecordAttendance;
import org.zhizhi.partnership.meeting.MeetingCommands.Reschedule;
import org.zhizhi.partnership.meeting.MeetingCommands.ScheduleMeeting;
import org.zhizhi.partnership.meeting.MeetingCommands.TakeDecision;
import org.zhizhi.partnership.meeting.MeetingState;
import org.zhizhi.partnership.meeting.MeetingViews.Decision;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.MeetingDetail;
import org.zhizhi.partnership.meeting.MeetingViews.OpenIncident;
import org.zhizhi.partnership.meeting.MeetingViews.YearOverview;
import org.zhizhi.partnership.meeting.OpenListItems.ListItemRef;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.PlausibleYear;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/joint-meetings")
@Tag(name = "joint meetings", description = "1+4+X: the four joint meetings a year of a community with its partner units — schedule, agenda, attendance, hold, decisions, minutes")
class JointMeetingApiController {

	private final JointMeetings meetings;

	private final MeetingQueries queries;

	private final AgendaCandidates candidates;

	private final Clock clock;

	private final ZoneId zone;

	JointMeetingApiController(JointMeetings meetings, MeetingQueries queries, AgendaCandidates candidates, Clock clock,
			ZoneId zone) {
		this.meetings = meetings;
		this.queries = queries;
		this.candidates = candidates;
		this.clock = clock;
		this.zone = zone;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Schedule a joint meeting (PLANNED); the community's staff are told at once and reminded before it")
	MeetingDetail schedule(@AuthenticationPrincipal Actor actor, @RequestBody ScheduleMeeting body) {
		return meetings.schedule(actor, body);
	}

	@GetMapping
	@Operation(summary = "Joint meetings of the caller's scope in a year, by date")
	List<JointMeeting> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) @PlausibleYear Integer year,
			@RequestParam(required = false) MeetingState state) {
		return queries.list(actor, communityId, year == null ? thisYear() : year, state);
	}

	@GetMapping("/overview")
	@Operation(summary = "One community's year: its meetings and the quota (due by today: one per quarter wholly past; behind = fewer held)")
	YearOverview overview(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "the community; the caller's own when he is bound to one") @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		return queries.overview(actor, communityId, year == null ? thisYear() : year);
	}

	@GetMapping("/overviews")
	@Operation(summary = "Every community of the caller's scope with its quota, the ones behind first")
	List<YearOverview> overviews(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		return queries.overviews(actor, year == null ? thisYear() : year);
	}

	@GetMapping("/tasks")
	@Operation(summary = "Open decisions (tasks) of the caller's scope, the earliest due first")
	List<Decision> tasks(@AuthenticationPrincipal Actor actor) {
		return queries.openTasks(actor);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One joint meeting with agenda, attendance, decisions and its steps")
	MeetingDetail get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.get(actor, id);
	}

	@PostMapping("/{id}/reschedule")
	@Operation(summary = "Move a planned meeting; its reminders count from the new date")
	MeetingDetail reschedule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) Reschedule body) {
		return meetings.reschedule(actor, id, body);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a planned meeting with a reason (CANCELLED)")
	MeetingDetail cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) Cancel body) {
		return meetings.cancel(actor, id, body);
	}

	@PostMapping("/{id}/hold")
	@Operation(summary = "Record that a planned meeting took place (HELD), now or at heldAt")
	MeetingDetail hold(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) Hold body) {
		return meetings.hold(actor, id, body);
	}

	@PostMapping("/{id}/minutes")
	@Operation(summary = "Record the minutes of a held meeting (MINUTED); final")
	MeetingDetail minute(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) Minute body) {
		return meetings.minute(actor, id, body);
	}

	@PostMapping("/{id}/agenda")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an agenda item: free TEXT, an open LIST_ITEM or an open INCIDENT of the community (refId)")
	MeetingDetail addAgendaItem(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) AddAgendaItem body) {
		return meetings.addAgendaItem(actor, id, body);
	}

	@DeleteMapping("/{id}/agenda/{itemId}")
	@Operation(summary = "Remove an agenda item of a planned or held meeting")
	MeetingDetail removeAgendaItem(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID itemId) {
		return meetings.removeAgendaItem(actor, id, itemId);
	}

	@GetMapping("/{id}/agenda-candidates/incidents")
	@Operation(summary = "Open incidents of the meeting's community not yet on its agenda, the longest waiting first")
	List<OpenIncident> openIncidents(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return candidates.openIncidents(actor, id);
	}

	@GetMapping("/{id}/agenda-candidates/list-items")
	@Operation(summary = "Open items of the community's three lists not yet on the agenda")
	List<ListItemRef> openListItems(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return candidates.openListItems(actor, id);
	}

	@PostMapping("/{id}/attendance")
	@Operation(summary = "Invite (planned) or record (held) a UNIT or PERSON; the same name again updates present")
	MeetingDetail attendance(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) RecordAttendance body) {
		return meetings.recordAttendance(actor, id, body);
	}

	@PostMapping("/{id}/decisions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a decision of a held meeting as a task with owner and due date; publishes DecisionTaken")
	MeetingDetail decide(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody(required = false) TakeDecision body) {
		return meetings.decide(actor, id, body);
	}

	@PostMapping("/{id}/decisions/{decisionId}/done")
	@Operation(summary = "Mark a decision's task done (a repeat is harmless)")
	MeetingDetail done(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID decisionId) {
		return meetings.markDone(actor, id, decisionId);
	}

	private int thisYear() {
		return LocalDate.now(clock.withZone(zone)).getYear();
	}
}

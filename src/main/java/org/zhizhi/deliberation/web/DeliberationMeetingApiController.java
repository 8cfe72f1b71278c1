package org.zhizhi.deliberation.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.deliberation.CancelMeeting;
import org.zhizhi.deliberation.HoldMeeting;
import org.zhizhi.deliberation.DeliberationMeetingManagement;
import org.zhizhi.deliberation.DeliberationMeetingQueries;
import org.zhizhi.deliberation.DeliberationMeetingView;
import org.zhizhi.deliberation.ScheduleMeeting;
import org.zhizhi.deliberation.SignInToMeeting;
import org.zhizhi.shared.Actor;

/**
 * Deliberation meetings over JSON: scheduled once or monthly by their format's rhythm, agendas built from topics,
 * sign-in by code or by the desk, minutes, cancellations; and the groups that missed their monthly meeting.
 */
@RestController
@RequestMapping("/api/v1/deliberation-meetings")
@Tag(name = "deliberation meetings", description = "逢四说事, 院坝会, 居民代表议事协商会议 and the other meeting formats")
class DeliberationMeetingApiController {

	/** A new date (and place) for a scheduled meeting. */
	record Reschedule(LocalDate date, LocalTime time, String location) {
	}

	record AgendaEntry(UUID topicId) {
	}

	private final DeliberationMeetingManagement management;

	private final DeliberationMeetingQueries queries;

	private final DeliberationWorkbooks workbooks;

	DeliberationMeetingApiController(DeliberationMeetingManagement management, DeliberationMeetingQueries queries,
			DeliberationWorkbooks workbooks) {
		this.management = management;
		this.queries = queries;
		this.workbooks = workbooks;
	}

	@GetMapping("/{id}/minutes.xlsx")
	@Operation(summary = "A meeting's minutes, agenda and attendance as .xlsx")
	ResponseEntity<byte[]> minutes(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		DeliberationMeetingView meeting = queries.meeting(actor, id);
		return org.zhizhi.shared.spreadsheet.Xlsx.download(workbooks.minutes(meeting), meeting.title() + ".xlsx");
	}

	@GetMapping
	@Operation(summary = "The desk's meetings: upcoming, or past ones (?past=true), newest first")
	List<DeliberationMeetingView> list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "false") boolean past) {
		return past ? queries.past(actor) : queries.upcoming(actor);
	}

	@GetMapping("/missed")
	@Operation(summary = "Monthly meetings still not held three days after their date")
	List<DeliberationMeetingView> missed(@AuthenticationPrincipal Actor actor) {
		return queries.missed(actor);
	}

	@PostMapping
	@Operation(summary = "Schedules a meeting, or a monthly series whose each meeting is scheduled by itself")
	ResponseEntity<DeliberationMeetingView> schedule(@AuthenticationPrincipal Actor actor, @RequestBody ScheduleMeeting body) {
		UUID id = management.schedule(actor, body).id();
		return ResponseEntity.created(URI.create("/api/v1/deliberation-meetings/" + id))
			.body(queries.meeting(actor, id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A meeting with its agenda, attendees and minutes")
	DeliberationMeetingView meeting(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.meeting(actor, id);
	}

	@PutMapping("/{id}/schedule")
	@Operation(summary = "Moves a scheduled meeting to another day, time or place")
	DeliberationMeetingView reschedule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody Reschedule body) {
		management.reschedule(actor, id, body.date(), body.time(), body.location());
		return queries.meeting(actor, id);
	}

	@PostMapping("/{id}/agenda")
	@Operation(summary = "Puts a topic of the meeting's community on its agenda (admitting it if it was only raised)")
	DeliberationMeetingView addToAgenda(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody AgendaEntry body) {
		management.addToAgenda(actor, id, body.topicId());
		return queries.meeting(actor, id);
	}

	@PostMapping("/{id}/attendance")
	@Operation(summary = "The desk ticks an attendee by name")
	DeliberationMeetingView tick(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody SignInToMeeting body) {
		management.signIn(actor, id, new SignInToMeeting(null, body.name()));
		return queries.meeting(actor, id);
	}

	@PostMapping("/sign-in")
	@Operation(summary = "A resident signs his household in with the code of a meeting of his community today")
	Map<String, UUID> signIn(@AuthenticationPrincipal Actor actor, @RequestBody SignInToMeeting body) {
		return Map.of("meetingId", management.signIn(actor, null, new SignInToMeeting(body.code(), null)));
	}

	@PostMapping("/{id}/held")
	@Operation(summary = "The meeting was held: its minutes; a series schedules its next meeting")
	DeliberationMeetingView hold(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody HoldMeeting body) {
		management.hold(actor, id, body);
		return queries.meeting(actor, id);
	}

	@PostMapping("/{id}/cancellation")
	@Operation(summary = "Cancels a scheduled meeting, with the reason")
	DeliberationMeetingView cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody CancelMeeting body) {
		management.cancel(actor, id, body);
		return queries.meeting(actor, id);
	}
}

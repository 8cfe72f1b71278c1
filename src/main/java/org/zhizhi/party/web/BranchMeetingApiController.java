package org.zhizhi.party.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
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
import org.zhizhi.party.BranchMeeting;
import org.zhizhi.party.BranchMeetingQueries;
import org.zhizhi.party.BranchMeetingQueries.MeetingView;
import org.zhizhi.party.BranchMeetingQueries.MyMeeting;
import org.zhizhi.party.BranchMeetingQueries.OrgRhythm;
import org.zhizhi.party.BranchMeetings;
import org.zhizhi.party.MeetingCommands.CancelMeeting;
import org.zhizhi.party.MeetingCommands.HoldMeeting;
import org.zhizhi.party.MeetingCommands.RecordAttendance;
import org.zhizhi.party.MeetingCommands.ScheduleMeeting;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 三会一课 and 主题党日 as JSON: meetings, sign-in, attendance, minutes, and each organisation's rhythm. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "party", description = "Party organisations, members, hub households and the estate chain")
class BranchMeetingApiController {

	private final BranchMeetings commands;

	private final BranchMeetingQueries queries;

	BranchMeetingApiController(BranchMeetings commands, BranchMeetingQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	/** A meeting as the API shows it. */
	record MeetingJson(UUID id, UUID orgId, String orgName, String kind, String topic, String place,
			java.time.Instant startsAt, String state, String minutes, java.time.Instant heldAt, String cancelReason) {

		static MeetingJson of(BranchMeeting m) {
			return new MeetingJson(m.id(), m.orgId(), m.orgName(), m.kind().name(), m.topic(), m.place(),
					m.startsAt(), m.state().name(), m.minutes(), m.heldAt(), m.cancelReason());
		}
	}

	record MeetingDetail(MeetingJson meeting, List<BranchMeetingQueries.SheetLine> attendance, long present,
			long absent, long expected, List<String> allowedActions) {

		static MeetingDetail of(MeetingView v) {
			return new MeetingDetail(MeetingJson.of(v.meeting()), v.sheet(), v.present(), v.absent(), v.expected(),
					v.allowedActions().stream().map(Enum::name).sorted().toList());
		}
	}

	record MyMeetingJson(MeetingJson meeting, Boolean present, boolean maySignIn) {
	}

	@GetMapping("/party-meetings")
	@Operation(summary = "Meetings of organisational life (三会一课, 主题党日) within the caller's scope, latest first")
	List<MeetingJson> meetings(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId) {
		return queries.meetings(actor, orgId).stream().map(MeetingJson::of).toList();
	}

	@PostMapping("/party-meetings")
	@Operation(summary = "Schedule a meeting of a kind the organisation's level holds, with its topic, place and time")
	ResponseEntity<MeetingDetail> schedule(@AuthenticationPrincipal Actor actor, @RequestBody ScheduleMeeting body) {
		BranchMeeting meeting = commands.schedule(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/party-meetings/" + meeting.id())).body(detail(actor, meeting.id()));
	}

	@GetMapping("/party-meetings/{id}")
	@Operation(summary = "One meeting with its attendance sheet and the steps the caller may take")
	MeetingDetail meeting(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return detail(actor, id);
	}

	@PostMapping("/party-meetings/{id}/sign-in")
	@Operation(summary = "The calling member signs in (from an hour before the start to four hours after); "
			+ "signing in twice changes nothing")
	Map<String, Object> signIn(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		boolean first = commands.signIn(actor, id);
		return Map.of("signedIn", true, "already", !first);
	}

	@PostMapping("/party-meetings/{id}/attendance")
	@Operation(summary = "The secretary records a member present, or absent with his reason")
	MeetingDetail attendance(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody RecordAttendance body) {
		commands.recordAttendance(actor, id, body);
		return detail(actor, id);
	}

	@PostMapping("/party-meetings/{id}/hold")
	@Operation(summary = "Record the meeting held, with its minutes")
	MeetingDetail hold(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody HoldMeeting body) {
		commands.hold(actor, id, body);
		return detail(actor, id);
	}

	@PostMapping("/party-meetings/{id}/cancel")
	@Operation(summary = "Cancel the meeting, with the reason")
	MeetingDetail cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody CancelMeeting body) {
		commands.cancel(actor, id, body);
		return detail(actor, id);
	}

	@GetMapping("/me/party-meetings")
	@Operation(summary = "The calling member's meetings of the last 60 days and to come, with whether he may sign in")
	List<MyMeetingJson> mine(@AuthenticationPrincipal Actor actor) {
		return queries.myMeetings(actor)
			.stream()
			.map((MyMeeting m) -> new MyMeetingJson(MeetingJson.of(m.meeting()), m.present(), m.maySignIn()))
			.toList();
	}

	@GetMapping("/party-orgs/{id}/rhythm")
	@Operation(summary = "Where the organisation stands with each kind of meeting its level holds this period")
	OrgRhythm rhythm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.rhythm(actor, id);
	}

	@GetMapping("/party-rhythm/behind")
	@Operation(summary = "The organisations within the caller's scope that are behind their rhythm")
	List<OrgRhythm> behind(@AuthenticationPrincipal Actor actor) {
		return queries.behind(actor);
	}

	private MeetingDetail detail(Actor actor, UUID id) {
		return MeetingDetail.of(queries.meeting(actor, id).orElseThrow(() -> DomainException.notFound("party-meeting")));
	}
}

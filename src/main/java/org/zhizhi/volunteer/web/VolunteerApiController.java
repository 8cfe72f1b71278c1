package org.zhizhi.volunteer.web;

import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.shared.Actor;
import org.zhizhi.volunteer.Activity;
import org.zhizhi.volunteer.Participations;
import org.zhizhi.volunteer.Team;
import org.zhizhi.volunteer.VolunteerCommands.CorrectionDecision;
import org.zhizhi.volunteer.VolunteerCommands.CorrectionRequest;
import org.zhizhi.volunteer.VolunteerCommands.NewActivity;
import org.zhizhi.volunteer.VolunteerCommands.NewTeam;
import org.zhizhi.volunteer.VolunteerCommands.OnTheSpot;
import org.zhizhi.volunteer.VolunteerQueries;
import org.zhizhi.volunteer.VolunteerQueries.ActivityView;
import org.zhizhi.volunteer.VolunteerQueries.ServiceRecord;
import org.zhizhi.volunteer.VolunteerQueries.TeamView;
import org.zhizhi.volunteer.VolunteerTeams;

/**
 * Volunteering over JSON: teams, activities, sign-up with a waiting list, check-in and check-out with the organiser's
 * code and the phone's position, hours approved and corrected. Every step on an activity answers it as the caller
 * sees it now.
 */
@RestController
@RequestMapping("/api/v1/volunteer")
@Tag(name = "volunteer", description = "志愿服务: teams, activities, check-in on the spot, service hours")
class VolunteerApiController {

	private final VolunteerTeams teams;

	private final Participations participations;

	private final VolunteerQueries queries;

	private final org.zhizhi.volunteer.VolunteerPosts posts;

	VolunteerApiController(VolunteerTeams teams, Participations participations, VolunteerQueries queries,
			org.zhizhi.volunteer.VolunteerPosts posts) {
		this.posts = posts;
		this.teams = teams;
		this.participations = participations;
		this.queries = queries;
	}

	@GetMapping("/teams")
	@Operation(summary = "The desk's teams of its scope, or the teams of the caller's place")
	List<Team> teams(@AuthenticationPrincipal Actor actor) {
		return queries.teams(actor);
	}

	@PostMapping("/teams")
	@Operation(summary = "A team of a node of the desk's scope, with its leader")
	ResponseEntity<Team> createTeam(@AuthenticationPrincipal Actor actor, @RequestBody NewTeam body) {
		Team team = teams.createTeam(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/volunteer/teams/" + team.id())).body(team);
	}

	@GetMapping("/teams/{id}")
	@Operation(summary = "A team with its activities (and, for its organisers, its members)")
	TeamView team(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.team(actor, id);
	}

	@GetMapping("/teams/{id}/activities")
	@Operation(summary = "A page of a team's activities, the latest first")
	List<Activity> activitiesOfTeam(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return queries.activitiesOfTeam(actor, id, page, size);
	}

	@PostMapping("/teams/{id}/members")
	@Operation(summary = "The caller joins the team of his place")
	TeamView join(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		teams.join(actor, id);
		return queries.team(actor, id);
	}

	@GetMapping("/activities")
	@Operation(summary = "Activities the caller may join, or the desk's of its scope")
	List<Activity> activities(@AuthenticationPrincipal Actor actor) {
		return queries.activities(actor);
	}

	@PostMapping("/activities")
	@Operation(summary = "An activity of a team, put on by the desk or the team's leader, who organises it")
	ResponseEntity<ActivityView> createActivity(@AuthenticationPrincipal Actor actor, @RequestBody NewActivity body) {
		Activity activity = teams.createActivity(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/volunteer/activities/" + activity.id()))
			.body(queries.activity(actor, activity.id()));
	}

	@GetMapping("/activities/{id}")
	@Operation(summary = "An activity with the caller's part and, for its organiser, everyone's")
	ActivityView activity(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.activity(actor, id);
	}

	@GetMapping("/activities/{id}/code")
	@Operation(summary = "The organiser's rotating code of the moment (30-second steps) and when it changes")
	VolunteerTeams.Code code(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return teams.currentCode(actor, id);
	}

	@PostMapping("/activities/{id}/participants")
	@Operation(summary = "Sign up: a place while one is left, else the waiting list")
	ResponseEntity<ActivityView> signUp(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		participations.signUp(actor, id);
		return ResponseEntity.status(201).body(queries.activity(actor, id));
	}

	@PostMapping("/activities/{id}/cancellation")
	@Operation(summary = "The caller cancels; his place goes to the first one waiting")
	ActivityView cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		participations.cancel(actor, id);
		return queries.activity(actor, id);
	}

	@PostMapping("/activities/{id}/check-in")
	@Operation(summary = "Check in on the spot: the organiser's code of the moment and the phone's position near the venue")
	ActivityView checkIn(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody OnTheSpot body) {
		participations.checkIn(actor, id, body);
		return queries.activity(actor, id);
	}

	@PostMapping("/activities/{id}/check-out")
	@Operation(summary = "Check out on the spot, the same way")
	ActivityView checkOut(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody OnTheSpot body) {
		participations.checkOut(actor, id, body);
		return queries.activity(actor, id);
	}

	@PostMapping("/activities/{id}/participants/{personId}/approval")
	@Operation(summary = "The organiser approves the minutes served; they are locked from now on")
	ActivityView approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID personId) {
		participations.approve(actor, id, personId);
		return queries.activity(actor, id);
	}

	@PostMapping("/activities/{id}/participants/{personId}/absence")
	@Operation(summary = "The organiser marks a person who signed up and never came, once the activity is over")
	ActivityView absent(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID personId) {
		participations.markAbsent(actor, id, personId);
		return queries.activity(actor, id);
	}

	@PostMapping("/activities/{id}/corrections")
	@Operation(summary = "The volunteer asks for his approved minutes to be corrected, with the reason")
	ResponseEntity<ActivityView> requestCorrection(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody CorrectionRequest body) {
		participations.requestCorrection(actor, id, body);
		return ResponseEntity.status(201).body(queries.activity(actor, id));
	}

	@PostMapping("/activities/{id}/participants/{personId}/correction")
	@Operation(summary = "The organiser accepts or refuses the open correction request")
	ActivityView decideCorrection(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID personId, @RequestBody CorrectionDecision body) {
		participations.decideCorrection(actor, id, personId, body);
		return queries.activity(actor, id);
	}

	@GetMapping("/on-duty")
	@Operation(summary = "The desk's volunteers on duty now: people checked in at its scope's activities still running "
			+ "(each counted once, the latest to arrive first) and how many of its posts are held")
	VolunteerQueries.OnDutyNow onDuty(@AuthenticationPrincipal Actor actor) {
		return queries.onDutyNow(actor);
	}

	@GetMapping("/posts")
	@Operation(summary = "The volunteer posts held in the caller's scope (南岸's six kinds) with their duty schedules")
	List<org.zhizhi.volunteer.VolunteerPost> posts(@AuthenticationPrincipal Actor actor) {
		return posts.held(actor);
	}

	@PostMapping("/posts")
	@Operation(summary = "The caller claims a post of his place with his duty schedule (one of a kind at a time)")
	ResponseEntity<org.zhizhi.volunteer.VolunteerPost> claimPost(@AuthenticationPrincipal Actor actor,
			@RequestBody org.zhizhi.volunteer.VolunteerPosts.ClaimPost body) {
		return ResponseEntity.status(201).body(posts.claim(actor, body));
	}

	@PostMapping("/posts/{id}/release")
	@Operation(summary = "The holder gives his post up")
	ResponseEntity<Void> releasePost(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		posts.release(actor, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/record")
	@Operation(summary = "The caller's service record: every activity with his part, and his approved hours")
	ServiceRecord record(@AuthenticationPrincipal Actor actor) {
		return queries.record(actor);
	}
}

package org.zhizhi.volunteer.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.volunteer.Certificates;
import org.zhizhi.volunteer.Participations;
import org.zhizhi.volunteer.TeamKind;
import org.zhizhi.volunteer.VolunteerCommands.CorrectionDecision;
import org.zhizhi.volunteer.VolunteerCommands.CorrectionRequest;
import org.zhizhi.volunteer.VolunteerCommands.NewActivity;
import org.zhizhi.volunteer.VolunteerCommands.NewTeam;
import org.zhizhi.volunteer.VolunteerCommands.OnTheSpot;
import org.zhizhi.volunteer.VolunteerQueries;
import org.zhizhi.volunteer.VolunteerTeams;

/**
 * The volunteer pages, one set for the phone and the desk: teams of my place (or of the desk's scope), activities
 * near me, an activity with my sign-up, check-in and check-out (the phone fills in its position, I type the code the
 * organiser shows), and for the organiser the code of the moment and everyone's part with the hours to approve; my
 * service record. Every step is the module's command; what is offered comes from the policy.
 */
@Controller
class VolunteerPages {

	private final VolunteerTeams teams;

	private final Participations participations;

	private final VolunteerQueries queries;

	private final Certificates certificates;

	private final MessageSource messages;

	private final ZoneId zone;

	VolunteerPages(VolunteerTeams teams, Participations participations, VolunteerQueries queries,
			Certificates certificates, MessageSource messages, ZoneId zone) {
		this.certificates = certificates;
		this.teams = teams;
		this.participations = participations;
		this.queries = queries;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping("/m/volunteer")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("teams", queries.teams(actor));
		model.addAttribute("activities", queries.activities(actor));
		model.addAttribute("record", queries.record(actor));
		model.addAttribute("served", certificates.servedTeams(actor));
		model.addAttribute("certificates", certificates.mine(actor));
		model.addAttribute("kinds", TeamKind.values());
		model.addAttribute("mayCreateTeam", actor.hasAny(org.zhizhi.volunteer.VolunteerRoles.DESK));
		// the desk sees who serves on the spot now: the figure the command centre's screen shows for its node
		model.addAttribute("onDuty", actor.hasAny(org.zhizhi.volunteer.VolunteerRoles.DESK) ? queries.onDutyNow(actor)
				: null);
		model.addAttribute("zone", zone);
		return "volunteer/home";
	}

	@PostMapping("/m/volunteer/teams")
	String createTeam(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgUnitId,
			@RequestParam(required = false) String name, @RequestParam(required = false) TeamKind kind,
			@RequestParam(required = false) String leaderName, @RequestParam(required = false) String description,
			@RequestParam(required = false) String contact, RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer", "volunteer.notice.teamCreated", () -> teams.createTeam(actor,
				new NewTeam(orgUnitId == null ? actor.scope().orgUnitId() : orgUnitId, name, kind, null, leaderName,
						description, contact)));
	}

	@GetMapping("/m/volunteer/teams/{id}")
	String team(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") int past, @RequestParam(defaultValue = "0") int served, Model model) {
		VolunteerQueries.TeamView view = queries.team(actor, id, past);
		model.addAttribute("view", view);
		model.addAttribute("served", certificates.servedWith(actor, view.team(), served));
		model.addAttribute("servedPage", Math.max(0, served));
		model.addAttribute("issued", view.organiser() ? certificates.issuedBy(id) : List.of());
		model.addAttribute("zone", zone);
		return "volunteer/team";
	}

	@PostMapping("/m/volunteer/teams/{id}/join")
	String join(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/teams/" + id, "volunteer.notice.joined", () -> teams.join(actor, id));
	}

	@PostMapping("/m/volunteer/teams/{id}/activities")
	String createActivity(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String place, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng, @RequestParam(required = false) LocalDateTime startsAt,
			@RequestParam(required = false) LocalDateTime endsAt, @RequestParam(required = false) Integer slots,
			RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/teams/" + id, "volunteer.notice.activityCreated",
				() -> teams.createActivity(actor, new NewActivity(id, title, description, place, lat, lng,
						startsAt == null ? null : startsAt.atZone(zone).toInstant(),
						endsAt == null ? null : endsAt.atZone(zone).toInstant(), slots)));
	}

	@GetMapping("/m/volunteer/activities/{id}")
	String activity(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		VolunteerQueries.ActivityView view = queries.activity(actor, id);
		model.addAttribute("view", view);
		model.addAttribute("code", view.organiser() ? teams.currentCode(actor, id) : null);
		model.addAttribute("zone", zone);
		return "volunteer/activity";
	}

	/** The organiser's code of the moment, for his page to refresh it as it changes. */
	@GetMapping(value = "/m/volunteer/activities/{id}/code", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> code(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		VolunteerTeams.Code code = teams.currentCode(actor, id);
		return Map.of("code", code.code(), "validUntil", code.validUntil().toString());
	}

	@PostMapping("/m/volunteer/activities/{id}/sign-up")
	String signUp(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/activities/" + id, "volunteer.notice.signedUp",
				() -> participations.signUp(actor, id));
	}

	@PostMapping("/m/volunteer/activities/{id}/cancel")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/activities/" + id, "volunteer.notice.cancelled",
				() -> participations.cancel(actor, id));
	}

	@PostMapping("/m/volunteer/activities/{id}/check-in")
	String checkIn(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String code, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng, RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/activities/" + id, "volunteer.notice.checkedIn",
				() -> participations.checkIn(actor, id, new OnTheSpot(code, lat, lng)));
	}

	@PostMapping("/m/volunteer/activities/{id}/check-out")
	String checkOut(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String code, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng, RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/activities/" + id, "volunteer.notice.checkedOut",
				() -> participations.checkOut(actor, id, new OnTheSpot(code, lat, lng)));
	}

	@PostMapping("/m/volunteer/activities/{id}/participants/{personId}/approve")
	String approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID personId,
			RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/activities/" + id, "volunteer.notice.approved",
				() -> participations.approve(actor, id, personId));
	}

	@PostMapping("/m/volunteer/activities/{id}/participants/{personId}/absent")
	String absent(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID personId,
			RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/activities/" + id, "volunteer.notice.absent",
				() -> participations.markAbsent(actor, id, personId));
	}

	@PostMapping("/m/volunteer/activities/{id}/correction")
	String requestCorrection(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer minutes, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/activities/" + id, "volunteer.notice.correctionRequested",
				() -> participations.requestCorrection(actor, id, new CorrectionRequest(minutes, reason)));
	}

	@PostMapping("/m/volunteer/activities/{id}/participants/{personId}/correction")
	String decideCorrection(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID personId,
			@RequestParam(required = false) Boolean accepted, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return step(redirect, "/m/volunteer/activities/" + id, "volunteer.notice.correctionDecided",
				() -> participations.decideCorrection(actor, id, personId, new CorrectionDecision(accepted, note)));
	}

	private String step(RedirectAttributes redirect, String back, String notice, Runnable command) {
		return FormErrors.step(redirect, back, notice, command, messages, "volunteer.state.", "volunteer.step.");
	}
}

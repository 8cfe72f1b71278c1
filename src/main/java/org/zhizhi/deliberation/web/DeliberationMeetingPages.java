package org.zhizhi.deliberation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.deliberation.CancelMeeting;
import org.zhizhi.deliberation.DeliberationMeeting;
import org.zhizhi.deliberation.HoldMeeting;
import org.zhizhi.deliberation.MeetingFormat;
import org.zhizhi.deliberation.DeliberationMeetingManagement;
import org.zhizhi.deliberation.DeliberationMeetingQueries;
import org.zhizhi.deliberation.PlaceKind;
import org.zhizhi.deliberation.ScheduleMeeting;
import org.zhizhi.deliberation.SignInToMeeting;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceQueries;

/**
 * The desk's meeting calendar (议事会议): upcoming meetings and the groups that missed theirs, scheduling one or a
 * monthly series; one meeting with its sign-in code, agenda builder, attendance and minutes. A resident signs in at a
 * meeting with its code on his phone.
 */
@Controller
class DeliberationMeetingPages {

	private final DeliberationMeetingManagement management;

	private final DeliberationMeetingQueries queries;

	private final PlaceQueries places;

	private final OrgUnitQueries orgUnits;

	private final MessageSource messages;

	private final DeliberationWorkbooks workbooks;

	private final Clock clock;

	private final ZoneId zone;

	DeliberationMeetingPages(DeliberationMeetingManagement management, DeliberationMeetingQueries queries, PlaceQueries places, OrgUnitQueries orgUnits,
			MessageSource messages, DeliberationWorkbooks workbooks, Clock clock, ZoneId zone) {
		this.workbooks = workbooks;
		this.management = management;
		this.queries = queries;
		this.places = places;
		this.orgUnits = orgUnits;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/deliberation-meetings")
	String calendar(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("upcoming", queries.upcoming(actor));
		model.addAttribute("missed", queries.missed(actor));
		model.addAttribute("past", queries.past(actor).stream().limit(30).toList());
		model.addAttribute("formats", MeetingFormat.values());
		model.addAttribute("communities", orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, OrgLevel.COMMUNITY)));
		model.addAttribute("estates", places.estates(actor.scope(), null, null));
		model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
		model.addAttribute("maySchedule", actor.hasAny(org.zhizhi.deliberation.DeliberationRoles.DESK));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", FormErrors.none());
		}
		return "deliberation/meetings";
	}

	@PostMapping("/deliberation-meetings")
	String schedule(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) MeetingFormat format,
			@RequestParam(required = false) String place, @RequestParam(required = false) String title,
			@RequestParam(required = false) String location, @RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) LocalTime time, @RequestParam(defaultValue = "false") boolean monthly,
			@RequestParam(required = false) Integer dayOfMonth, RedirectAttributes redirect) {
		// the place select says which kind it is: "ESTATE:<id>" or "COMMUNITY:<id>"
		PlaceKind kind = place == null || !place.contains(":") ? null : PlaceKind.valueOf(place.substring(0, place.indexOf(':')));
		UUID placeId = kind == null ? null : UUID.fromString(place.substring(place.indexOf(':') + 1));
		try {
			DeliberationMeeting meeting = management.schedule(actor,
					new ScheduleMeeting(format, kind, placeId, title, location, date, time, monthly, dayOfMonth));
			redirect.addFlashAttribute("notice", "deliberation.meeting.notice.scheduled");
			return "redirect:/deliberation-meetings/" + meeting.id();
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			redirect.addFlashAttribute("errors", FormErrors.of(e, messages));
			return "redirect:/deliberation-meetings";
		}
	}

	@GetMapping("/deliberation-meetings/{id}")
	String meeting(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("m", queries.meeting(actor, id));
		model.addAttribute("candidates", queries.agendaCandidates(actor, id));
		model.addAttribute("incidents", queries.openIncidents(actor, id));
		return "deliberation/meeting";
	}

	@GetMapping("/deliberation-meetings/{id}/minutes.xlsx")
	org.springframework.http.ResponseEntity<byte[]> minutes(@AuthenticationPrincipal Actor actor,
			@PathVariable UUID id) {
		var meeting = queries.meeting(actor, id);
		return org.zhizhi.shared.spreadsheet.Xlsx.download(workbooks.minutes(meeting), meeting.title() + ".xlsx");
	}

	@PostMapping("/deliberation-meetings/{id}/agenda")
	String agenda(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID topicId, RedirectAttributes redirect) {
		return step(redirect, id, "deliberation.meeting.notice.onAgenda",
				() -> management.addToAgenda(actor, id, topicId));
	}

	@PostMapping("/deliberation-meetings/{id}/attendance")
	String tick(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String name, RedirectAttributes redirect) {
		return step(redirect, id, "deliberation.meeting.notice.signedIn",
				() -> management.signIn(actor, id, new SignInToMeeting(null, name)));
	}

	@PostMapping("/deliberation-meetings/{id}/held")
	String hold(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String minutes, RedirectAttributes redirect) {
		return step(redirect, id, "deliberation.meeting.notice.held",
				() -> management.hold(actor, id, new HoldMeeting(minutes)));
	}

	@PostMapping("/deliberation-meetings/{id}/cancellation")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(redirect, id, "deliberation.meeting.notice.cancelled",
				() -> management.cancel(actor, id, new CancelMeeting(reason)));
	}

	@GetMapping("/m/meeting-sign-in")
	String signInForm(Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", FormErrors.none());
		}
		return "deliberation/sign-in";
	}

	@PostMapping("/m/meeting-sign-in")
	String signIn(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String code,
			RedirectAttributes redirect) {
		try {
			management.signIn(actor, null, new SignInToMeeting(code, null));
			redirect.addFlashAttribute("notice", "deliberation.meeting.notice.signedIn");
		}
		catch (DomainException e) {
			if (e.category() == DomainException.Category.FORBIDDEN) {
				throw e;
			}
			redirect.addFlashAttribute("errors", FormErrors.of(e, messages));
		}
		return "redirect:/m/meeting-sign-in";
	}

	private String step(RedirectAttributes redirect, UUID id, String notice, Runnable command) {
		try {
			command.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (DomainException e) {
			if (e.category() == DomainException.Category.NOT_FOUND) {
				throw e;
			}
			FormErrors errors = FormErrors.of(e, messages);
			redirect.addFlashAttribute("stepProblems",
					errors.byField().values().stream().flatMap(List::stream).toList());
		}
		return "redirect:/deliberation-meetings/" + id;
	}
}

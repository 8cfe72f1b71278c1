package org.zhizhi.partnership.meeting.web;

import static org.zhizhi.shared.FormValues.date;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.partnership.meeting.ActivityKind;
import org.zhizhi.partnership.meeting.JointActivities;
import org.zhizhi.partnership.meeting.AgendaCandidates;
import org.zhizhi.partnership.meeting.JointMeetings;
import org.zhizhi.partnership.meeting.MeetingQueries;
import org.zhizhi.partnership.meeting.MeetingRules;
import org.zhizhi.partnership.meeting.MeetingAction;
import org.zhizhi.partnership.meeting.MeetingCommands.AddAgendaItem;
import org.zhizhi.partnership.meeting.MeetingCommands.Cancel;
import org.zhizhi.partnership.meeting.MeetingCommands.Hold;
import org.zhizhi.partnership.meeting.MeetingCommands.LogActivity;
import org.zhizhi.partnership.meeting.MeetingCommands.Minute;
import org.zhizhi.partnership.meeting.MeetingCommands.NewParticipant;
import org.zhizhi.partnership.meeting.MeetingCommands.RecordAttendance;
import org.zhizhi.partnership.meeting.MeetingCommands.Reschedule;
import org.zhizhi.partnership.meeting.MeetingCommands.ScheduleMeeting;
import org.zhizhi.partnership.meeting.MeetingCommands.TakeDecision;
import org.zhizhi.partnership.meeting.MeetingKind;
import org.zhizhi.partnership.meeting.MeetingPolicy;
import org.zhizhi.partnership.meeting.MeetingViews.AgendaKind;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.MeetingDetail;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.partnership.meeting.MeetingViews.YearOverview;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.shared.PlausibleYear;

/**
 * The desk of the 1+4+X mechanism for community staff: the year with its four meetings and the flag when the community
 * is behind, one meeting with agenda, attendance, decisions and minutes (the forms its state allows), and the log of
 * joint activities. A refused form comes back to its page with the reasons in Chinese.
 */
@Controller
@RequestMapping("/partnership")
class MeetingDeskController {

	private final JointMeetings meetings;

	private final MeetingQueries queries;

	private final AgendaCandidates candidates;

	private final JointActivities activities;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	MeetingDeskController(JointMeetings meetings, MeetingQueries queries, AgendaCandidates candidates,
			JointActivities activities, MessageSource messages, Clock clock, ZoneId zone) {
		this.meetings = meetings;
		this.queries = queries;
		this.candidates = candidates;
		this.activities = activities;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/** One slot of the year: the quarter's meeting kind and the meeting of that kind, if one is planned or held. */
	record Slot(MeetingKind kind, JointMeeting meeting) {
	}

	@GetMapping("/meetings")
	String year(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) @PlausibleYear Integer year, Model model) {
		if (!MeetingRules.isStaff(actor)) {
			// a partner unit's liaison: the meetings his unit is invited to, not the community's year
			model.addAttribute("meetings", queries.invited(actor));
			return "partnership/unit-meetings";
		}
		int y = year == null ? today().getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("kinds", MeetingKind.values());
		List<YearOverview> all = queries.overviews(actor, y);
		boolean single = communityId != null || all.size() == 1;
		if (!single) {
			model.addAttribute("overviews", all);
			return "partnership/meetings";
		}
		YearOverview overview = queries.overview(actor, communityId != null ? communityId : all.get(0).communityId(), y);
		Map<MeetingKind, JointMeeting> byKind = new EnumMap<>(MeetingKind.class);
		List<JointMeeting> others = new ArrayList<>();
		for (JointMeeting m : overview.meetings()) {
			// the slot shows the live meeting of its kind; a cancelled one only while nothing replaced it
			JointMeeting current = byKind.get(m.kind());
			if (current == null || current.state() == org.zhizhi.partnership.meeting.MeetingState.CANCELLED) {
				if (current != null) {
					others.add(current);
				}
				byKind.put(m.kind(), m);
			}
			else {
				others.add(m);
			}
		}
		List<Slot> slots = new ArrayList<>();
		for (MeetingKind kind : MeetingKind.values()) {
			slots.add(new Slot(kind, byKind.get(kind)));
		}
		model.addAttribute("overview", overview);
		model.addAttribute("slots", slots);
		model.addAttribute("others", others);
		model.addAttribute("multiple", all.size() > 1);
		model.addAttribute("tasks", queries.openTasks(actor)
			.stream()
			.filter(t -> overview.meetings().stream().anyMatch(m -> m.id().equals(t.meetingId())))
			.toList());
		model.addAttribute("today", today());
		return "partnership/year";
	}

	@PostMapping("/meetings")
	String schedule(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) MeetingKind kind, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String scheduledAt, @RequestParam(defaultValue = "") String place,
			RedirectAttributes redirect) {
		String back = "redirect:/partnership/meetings" + (communityId == null ? "" : "?communityId=" + communityId);
		try {
			MeetingDetail created = meetings.schedule(actor,
					new ScheduleMeeting(communityId, kind, title, instant(scheduledAt, "scheduledAt"), place));
			redirect.addFlashAttribute("notice", "meeting.saved");
			return "redirect:/partnership/meetings/" + created.meeting().id();
		}
		catch (DomainException e) {
			return refused(e, redirect, back);
		}
	}

	@GetMapping("/meetings/{id}")
	String meeting(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		MeetingDetail detail = queries.get(actor, id);
		model.addAttribute("detail", detail);
		model.addAttribute("m", detail.meeting());
		// the forms the policy allows this user on this meeting now, by the action's name
		Set<MeetingAction> allowedActions = MeetingPolicy.allowedActions(actor, detail.meeting());
		Map<String, Boolean> allowed = new java.util.HashMap<>();
		for (MeetingAction action : MeetingAction.values()) {
			allowed.put(action.name(), allowedActions.contains(action));
		}
		model.addAttribute("allowed", allowed);
		// a liaison reads his unit's part of the meeting; marking a decision done stays with the organisers
		model.addAttribute("organiser", MeetingRules.isStaff(actor));
		if (allowed.get(MeetingAction.EDIT_AGENDA.name())) {
			model.addAttribute("openIncidents", candidates.openIncidents(actor, id));
			model.addAttribute("openListItems", candidates.openListItems(actor, id));
		}
		model.addAttribute("today", today());
		return "partnership/meeting";
	}

	@PostMapping("/meetings/{id}/reschedule")
	String reschedule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String scheduledAt, @RequestParam(required = false) String place,
			RedirectAttributes redirect) {
		return on(id, redirect, () -> meetings.reschedule(actor, id,
				new Reschedule(instant(scheduledAt, "scheduledAt"), place)));
	}

	@PostMapping("/meetings/{id}/cancel")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return on(id, redirect, () -> meetings.cancel(actor, id, new Cancel(reason)));
	}

	@PostMapping("/meetings/{id}/hold")
	String hold(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String heldAt, RedirectAttributes redirect) {
		return on(id, redirect, () -> meetings.hold(actor, id,
				new Hold(heldAt.isBlank() ? null : instant(heldAt, "heldAt"))));
	}

	@PostMapping("/meetings/{id}/minutes")
	String minute(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String minutes, RedirectAttributes redirect) {
		return on(id, redirect, () -> meetings.minute(actor, id, new Minute(minutes)));
	}

	@PostMapping("/meetings/{id}/agenda")
	String agenda(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "TEXT") AgendaKind kind, @RequestParam(required = false) UUID refId,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		return on(id, redirect, () -> meetings.addAgendaItem(actor, id, new AddAgendaItem(kind, refId, title, note)));
	}

	@PostMapping("/meetings/{id}/agenda/{itemId}/remove")
	String removeAgenda(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID itemId,
			RedirectAttributes redirect) {
		return on(id, redirect, () -> meetings.removeAgendaItem(actor, id, itemId));
	}

	@PostMapping("/meetings/{id}/attendance")
	String attendance(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "UNIT") RefKind kind, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) Boolean present, RedirectAttributes redirect) {
		return on(id, redirect,
				() -> meetings.recordAttendance(actor, id, new RecordAttendance(kind, null, name, present)));
	}

	@PostMapping("/meetings/{id}/decisions")
	String decide(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "UNIT") RefKind ownerKind,
			@RequestParam(defaultValue = "") String ownerName, @RequestParam(defaultValue = "") String dueOn,
			RedirectAttributes redirect) {
		return on(id, redirect, () -> meetings.decide(actor, id,
				new TakeDecision(text, ownerKind, null, ownerName, date(dueOn, "dueOn"))));
	}

	@PostMapping("/meetings/{id}/decisions/{decisionId}/done")
	String done(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID decisionId,
			RedirectAttributes redirect) {
		return on(id, redirect, () -> meetings.markDone(actor, id, decisionId));
	}

	@GetMapping("/activities")
	String activities(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) @PlausibleYear Integer year, Model model) {
		int y = year == null ? today().getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("activities", activities.list(actor, communityId, y));
		model.addAttribute("activityKinds", ActivityKind.values());
		model.addAttribute("communities", queries.overviews(actor, y));
		model.addAttribute("communityId", communityId);
		model.addAttribute("today", today());
		return "partnership/activities";
	}

	@PostMapping("/activities")
	String logActivity(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) ActivityKind kind, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String heldOn, @RequestParam(defaultValue = "") String place,
			@RequestParam(defaultValue = "") String summary, @RequestParam(required = false) Integer headcount,
			@RequestParam(defaultValue = "") String units, @RequestParam(defaultValue = "") String persons,
			RedirectAttributes redirect) {
		String back = "redirect:/partnership/activities";
		try {
			List<NewParticipant> participants = new ArrayList<>();
			lines(units).forEach(n -> participants.add(new NewParticipant(RefKind.UNIT, null, n)));
			lines(persons).forEach(n -> participants.add(new NewParticipant(RefKind.PERSON, null, n)));
			activities.log(actor, new LogActivity(communityId, kind, title, date(heldOn, "heldOn"), place, summary,
					headcount, participants));
			redirect.addFlashAttribute("notice", "meeting.saved");
			return back;
		}
		catch (DomainException e) {
			return refused(e, redirect, back);
		}
	}

	private String on(UUID id, RedirectAttributes redirect, Supplier<MeetingDetail> command) {
		String back = "redirect:/partnership/meetings/" + id;
		try {
			command.get();
			redirect.addFlashAttribute("notice", "meeting.saved");
			return back;
		}
		catch (DomainException e) {
			if (e.category() == Category.NOT_FOUND) {
				throw e;
			}
			return refused(e, redirect, back);
		}
	}

	private String refused(DomainException e, RedirectAttributes redirect, String back) {
		FormErrors errors = FormErrors.of(e, messages);
		List<String> lines = new ArrayList<>();
		Locale locale = LocaleContextHolder.getLocale();
		errors.byField().forEach((field, texts) -> texts.forEach(t -> lines
			.add(FormErrors.FORM.equals(field) ? t : messages.getMessage("meeting.field." + field.replaceAll("\\[\\d+]", ""), null, field, locale) + "：" + t)));
		if (e.category() == Category.CONFLICT && "ILLEGAL_TRANSITION".equals(e.code())) {
			lines.clear();
			lines.add(messages.getMessage("meeting.illegalTransition.page",
					new Object[] { messages.getMessage("meetingState." + e.args()[0], null, locale) }, locale));
		}
		redirect.addFlashAttribute("formErrors", lines);
		return back;
	}

	private static List<String> lines(String text) {
		return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** A {@code datetime-local} value, read in China's time. */
	private Instant instant(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			throw DomainException.invalid(List.of(new FieldProblem(field, "problem.typeMismatch")));
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}
}

package org.zhizhi.party.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.party.BranchMeeting;
import org.zhizhi.party.BranchMeetingQueries;
import org.zhizhi.party.BranchMeetings;
import org.zhizhi.party.MeetingCommands.CancelMeeting;
import org.zhizhi.party.MeetingCommands.HoldMeeting;
import org.zhizhi.party.MeetingCommands.RecordAttendance;
import org.zhizhi.party.MeetingCommands.ScheduleMeeting;
import org.zhizhi.party.MeetingKind;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.party.PartyRules;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/**
 * The pages of organisational life: on the desk, the meetings of the scope with the organisations behind their rhythm
 * and a form to schedule one; one meeting with its sign-in sheet, the secretary's attendance record, the minutes and
 * the cancellation; on the phone, a member's meetings with the sign-in button. The steps shown are the policy's.
 */
@Controller
class BranchMeetingController {

	private final BranchMeetings commands;

	private final BranchMeetingQueries queries;

	private final PartyQueries party;

	private final MessageSource messages;

	private final ZoneId zone;

	BranchMeetingController(BranchMeetings commands, BranchMeetingQueries queries, PartyQueries party,
			MessageSource messages, ZoneId zone) {
		this.commands = commands;
		this.queries = queries;
		this.party = party;
		this.messages = messages;
		this.zone = zone;
	}

	/** The schedule form's fields as typed. */
	record ScheduleForm(UUID orgId, MeetingKind kind, String topic, String place, LocalDateTime startsAt) {
	}

	@GetMapping("/party/meetings")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId, Model model) {
		return list(actor, orgId, new ScheduleForm(orgId, MeetingKind.THEME_DAY, "", "", null), FormErrors.none(),
				model);
	}

	@PostMapping("/party/meetings")
	String schedule(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId,
			@RequestParam(required = false) MeetingKind kind, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String place,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime startsAt, Model model,
			RedirectAttributes redirect) {
		try {
			BranchMeeting meeting = commands.schedule(actor, new ScheduleMeeting(orgId, kind, topic, place,
					startsAt == null ? null : startsAt.atZone(zone).toInstant()));
			redirect.addFlashAttribute("notice", "party.meeting.notice.scheduled");
			return "redirect:/party/meetings/" + meeting.id();
		}
		catch (DomainException refused) {
			if (refused.category() != DomainException.Category.INVALID) {
				throw refused;
			}
			return list(actor, null, new ScheduleForm(orgId, kind, topic, place, startsAt),
					FormErrors.of(refused, messages), model);
		}
	}

	private String list(Actor actor, UUID orgId, ScheduleForm form, FormErrors errors, Model model) {
		model.addAttribute("meetings", queries.meetings(actor, orgId));
		model.addAttribute("behind", queries.behind(actor));
		model.addAttribute("mayWrite", PartyRules.mayWrite(actor));
		model.addAttribute("orgs", party.orgs(actor));
		model.addAttribute("kinds", Arrays.asList(MeetingKind.values()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", zone);
		return "party/meetings";
	}

	@GetMapping("/party/meetings/{id}")
	String meeting(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		return meeting(actor, id, "", FormErrors.none(), model);
	}

	@PostMapping("/party/meetings/{id}/attendance")
	String attendance(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID memberId, @RequestParam(required = false) Boolean present,
			@RequestParam(required = false) String absenceReason, Model model, RedirectAttributes redirect) {
		return step(actor, id, "attendance", "party.meeting.notice.recorded",
				() -> commands.recordAttendance(actor, id, new RecordAttendance(memberId, present, absenceReason)),
				model, redirect);
	}

	@PostMapping("/party/meetings/{id}/hold")
	String hold(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String minutes, Model model, RedirectAttributes redirect) {
		model.addAttribute("minutes", minutes);
		return step(actor, id, "hold", "party.meeting.notice.held",
				() -> commands.hold(actor, id, new HoldMeeting(minutes)), model, redirect);
	}

	@PostMapping("/party/meetings/{id}/cancel")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		model.addAttribute("reason", reason);
		return step(actor, id, "cancel", "party.meeting.notice.cancelled",
				() -> commands.cancel(actor, id, new CancelMeeting(reason)), model, redirect);
	}

	@PostMapping("/party/meetings/{id}/sign-in")
	String signIn(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return FormErrors.step(redirect, "/m/party", "party.meeting.notice.signedIn",
				() -> commands.signIn(actor, id), messages, "branchMeetingState.", "branchMeetingAction.");
	}

	@GetMapping("/m/party")
	String phone(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("meetings", queries.myMeetings(actor));
		model.addAttribute("zone", zone);
		return "party/phone";
	}

	/**
	 * A step of the meeting's page: on success back to it with the notice; refused, the page again with the messages
	 * beside the form that was sent ({@code which}).
	 */
	private String step(Actor actor, UUID id, String which, String notice, Runnable command, Model model,
			RedirectAttributes redirect) {
		try {
			command.run();
		}
		catch (DomainException refused) {
			if (refused.category() == DomainException.Category.NOT_FOUND) {
				throw refused;
			}
			FormErrors errors = refused.category() == DomainException.Category.INVALID
					? FormErrors.of(refused, messages)
					: new FormErrors(java.util.Map.of(FormErrors.FORM, FormErrors.stepMessages(refused, messages,
							"branchMeetingState.", "branchMeetingAction.")));
			return meeting(actor, id, which, errors, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/party/meetings/" + id;
	}

	private String meeting(Actor actor, UUID id, String which, FormErrors errors, Model model) {
		BranchMeetingQueries.MeetingView view = queries.meeting(actor, id)
			.orElseThrow(() -> DomainException.notFound("party-meeting"));
		model.addAttribute("view", view);
		model.addAttribute("may", view.allowedActions().stream().map(Enum::name).toList());
		model.addAttribute("which", which);
		model.addAttribute("errors", errors);
		model.addAttribute("noErrors", FormErrors.none());
		model.addAttribute("zone", zone);
		return "party/meeting";
	}
}

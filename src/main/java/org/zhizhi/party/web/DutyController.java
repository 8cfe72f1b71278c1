package org.zhizhi.party.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.party.DutyCommands.NewDutyPost;
import org.zhizhi.party.DutyCommands.NewOnceShift;
import org.zhizhi.party.DutyCommands.NewWeeklyShift;
import org.zhizhi.party.DutyGrid;
import org.zhizhi.party.DutyPost;
import org.zhizhi.party.DutyPostKind;
import org.zhizhi.party.DutyPosts;
import org.zhizhi.party.DutyRosters;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.party.PartyRules;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The desk pages of 党员示范岗 and 责任区: the posts of the scope with a form to set one up, and one post with its grids,
 * who is on duty there now, its roster and the forms to put a member on it once or weekly. A refused form comes back
 * with its messages beside its fields.
 */
@Controller
@RequestMapping("/party/duty")
class DutyController {

	private final DutyRosters rosters;

	private final DutyPosts posts;

	private final PartyQueries party;

	private final OrgUnitQueries orgUnits;

	private final MessageSource messages;

	private final ZoneId zone;

	DutyController(DutyRosters rosters, DutyPosts posts, PartyQueries party, OrgUnitQueries orgUnits,
			MessageSource messages, ZoneId zone) {
		this.rosters = rosters;
		this.posts = posts;
		this.party = party;
		this.orgUnits = orgUnits;
		this.messages = messages;
		this.zone = zone;
	}

	/** The new post form's fields as typed. */
	record PostForm(UUID orgId, DutyPostKind kind, String name, String duty, List<UUID> gridIds) {

		static PostForm empty() {
			return new PostForm(null, DutyPostKind.MODEL_POST, "", "", List.of());
		}
	}

	/** The shift forms' fields as typed (one form is refused at a time; {@code which} says which). */
	record ShiftForm(String which, UUID memberId, LocalDateTime startsAt, LocalDateTime endsAt, DayOfWeek dayOfWeek,
			LocalTime startTime, LocalTime endTime, LocalDate validFrom, LocalDate validUntil) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId, Model model) {
		return list(actor, orgId, PostForm.empty(), FormErrors.none(), model);
	}

	@PostMapping
	String add(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID orgId,
			@RequestParam(required = false) DutyPostKind kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String duty, @RequestParam(required = false) List<UUID> gridIds,
			Model model, RedirectAttributes redirect) {
		PostForm form = new PostForm(orgId, kind, name, duty, gridIds == null ? List.of() : gridIds);
		try {
			DutyPost post = posts.addPost(actor, new NewDutyPost(orgId, kind, name, duty, form.gridIds()));
			redirect.addFlashAttribute("notice", "party.duty.notice.added");
			return "redirect:/party/duty/" + post.id();
		}
		catch (DomainException refused) {
			if (refused.category() != DomainException.Category.INVALID) {
				throw refused;
			}
			return list(actor, null, form, FormErrors.of(refused, messages), model);
		}
	}

	private String list(Actor actor, UUID orgId, PostForm form, FormErrors errors, Model model) {
		model.addAttribute("posts", rosters.posts(actor, orgId));
		model.addAttribute("orgs", party.orgs(actor));
		model.addAttribute("mayWrite", PartyRules.mayWrite(actor));
		if (PartyRules.mayWrite(actor)) {
			model.addAttribute("grids", orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, OrgLevel.GRID)));
		}
		model.addAttribute("kinds", DutyPostKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "party/duty-posts";
	}

	@GetMapping("/{id}")
	String post(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		return post(actor, id, null, FormErrors.none(), model);
	}

	@PostMapping("/{id}/once-shifts")
	String once(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID memberId,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime startsAt,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime endsAt, Model model,
			RedirectAttributes redirect) {
		ShiftForm form = new ShiftForm("once", memberId, startsAt, endsAt, null, null, null, null, null);
		try {
			posts.addOnceShift(actor, id, new NewOnceShift(memberId,
					startsAt == null ? null : startsAt.atZone(zone).toInstant(),
					endsAt == null ? null : endsAt.atZone(zone).toInstant()));
		}
		catch (DomainException refused) {
			return refusedShift(actor, id, form, refused, model);
		}
		redirect.addFlashAttribute("notice", "party.duty.notice.shiftAdded");
		return "redirect:/party/duty/" + id;
	}

	@PostMapping("/{id}/weekly-shifts")
	String weekly(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID memberId, @RequestParam(required = false) DayOfWeek dayOfWeek,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.TIME) LocalTime startTime,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.TIME) LocalTime endTime,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate validUntil, Model model,
			RedirectAttributes redirect) {
		ShiftForm form = new ShiftForm("weekly", memberId, null, null, dayOfWeek, startTime, endTime, validFrom,
				validUntil);
		try {
			posts.addWeeklyShift(actor, id,
					new NewWeeklyShift(memberId, dayOfWeek, startTime, endTime, validFrom, validUntil));
		}
		catch (DomainException refused) {
			return refusedShift(actor, id, form, refused, model);
		}
		redirect.addFlashAttribute("notice", "party.duty.notice.shiftAdded");
		return "redirect:/party/duty/" + id;
	}

	@PostMapping("/{id}/shifts/{shiftId}/remove")
	String remove(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID shiftId,
			RedirectAttributes redirect) {
		return FormErrors.step(redirect, "/party/duty/" + id, "party.duty.notice.shiftRemoved",
				() -> posts.removeShift(actor, id, shiftId), messages, "party.duty.state.", "party.duty.step.");
	}

	@PostMapping("/{id}/close")
	String close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return FormErrors.step(redirect, "/party/duty/" + id, "party.duty.notice.closed",
				() -> posts.closePost(actor, id), messages, "party.duty.state.", "party.duty.step.");
	}

	private String refusedShift(Actor actor, UUID id, ShiftForm form, DomainException refused, Model model) {
		if (refused.category() == DomainException.Category.NOT_FOUND
				|| refused.category() == DomainException.Category.FORBIDDEN) {
			throw refused;
		}
		return post(actor, id, form, FormErrors.of(refused, messages), model);
	}

	private String post(Actor actor, UUID id, ShiftForm form, FormErrors errors, Model model) {
		DutyPost post = rosters.post(actor, id).orElseThrow(() -> DomainException.notFound("duty-post"));
		model.addAttribute("post", post);
		model.addAttribute("roster", rosters.roster(actor, id));
		model.addAttribute("onDuty", post.open()
				? rosters.onDuty(actor, post.grids().stream().map(DutyGrid::id).toList(), null).stream()
					.filter(line -> line.postId().equals(post.id()))
					.toList()
				: List.of());
		boolean mayWrite = PartyRules.mayWrite(actor) && post.open();
		model.addAttribute("mayWrite", mayWrite);
		if (mayWrite) {
			model.addAttribute("members", party.activeMembersWithin(actor, post.orgId()));
		}
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("form", form == null ? new ShiftForm("", null, null, null, null, null, null, null, null)
				: form);
		model.addAttribute("errors", errors);
		model.addAttribute("noErrors", FormErrors.none());
		model.addAttribute("zone", zone);
		return "party/duty-post";
	}
}

package org.zhizhi.deliberation.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.deliberation.AddTask;
import org.zhizhi.deliberation.CastVote;
import org.zhizhi.deliberation.ChangeVoteRule;
import org.zhizhi.deliberation.CommentOnTopic;
import org.zhizhi.deliberation.CompleteTask;
import org.zhizhi.deliberation.DeliberationManagement;
import org.zhizhi.deliberation.DeliberationQueries;
import org.zhizhi.deliberation.MergeTopic;
import org.zhizhi.deliberation.OpenVoting;
import org.zhizhi.deliberation.PlaceKind;
import org.zhizhi.deliberation.RaiseTopic;
import org.zhizhi.deliberation.RateTopic;
import org.zhizhi.deliberation.RecordDecision;
import org.zhizhi.deliberation.Stance;
import org.zhizhi.deliberation.TaskKind;
import org.zhizhi.deliberation.Topic;
import org.zhizhi.deliberation.TopicState;
import org.zhizhi.deliberation.TopicSummary;
import org.zhizhi.deliberation.TopicView;
import org.zhizhi.deliberation.VoteChoice;
import org.zhizhi.deliberation.VoteRule;
import org.zhizhi.deliberation.WithdrawTopic;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/**
 * The pages of 居民议事: a resident's topics on his phone (raise one, co-sign, comment, vote, rate), and the desk's topics
 * by stage with each step of the topic — the agenda, the vote desk for paper ballots, the decision, the tasks. One
 * detail page for both, which shows exactly the steps {@code allowedActions} offers. Plain forms that work without
 * JavaScript; a refused step comes back to the page with its message.
 */
@Controller
class TopicPages {

	private final DeliberationManagement management;

	private final DeliberationQueries queries;

	private final org.zhizhi.deliberation.CoFunding funding;

	private final DeliberationWorkbooks workbooks;

	private final MessageSource messages;

	private final org.zhizhi.territory.PlaceQueries places;

	private final org.zhizhi.territory.OrgUnitQueries orgUnits;

	private final org.zhizhi.incident.IncidentQueries incidents;

	private final org.zhizhi.volunteer.VolunteerQueries volunteerQueries;

	private final Clock clock;

	private final ZoneId zone;

	TopicPages(DeliberationManagement management, DeliberationQueries queries,
			org.zhizhi.deliberation.CoFunding funding, MessageSource messages, org.zhizhi.territory.PlaceQueries places,
			org.zhizhi.territory.OrgUnitQueries orgUnits, DeliberationWorkbooks workbooks,
			org.zhizhi.incident.IncidentQueries incidents, org.zhizhi.volunteer.VolunteerQueries volunteerQueries,
			Clock clock, ZoneId zone) {
		this.incidents = incidents;
		this.volunteerQueries = volunteerQueries;
		this.workbooks = workbooks;
		this.places = places;
		this.orgUnits = orgUnits;
		this.management = management;
		this.queries = queries;
		this.funding = funding;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/** The raise form's fields as typed, shown again when refused. */
	record RaiseForm(String title, String description, PlaceKind placeKind) {
	}

	// ---- the resident's phone ------------------------------------------------------------------------------------

	@GetMapping("/m/topics")
	String mine(@AuthenticationPrincipal Actor actor, Model model) {
		List<TopicSummary> topics = queries.topics(actor, List.of());
		model.addAttribute("open", topics.stream().filter(t -> OPEN.contains(t.state())).toList());
		model.addAttribute("done", topics.stream().filter(t -> !OPEN.contains(t.state())).toList());
		model.addAttribute("hasHome", queries.hasHome(actor));
		return "deliberation/mine";
	}

	@GetMapping("/m/topics/new")
	String raiseForm(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("form", new RaiseForm(null, null, PlaceKind.BUILDING));
		model.addAttribute("errors", FormErrors.none());
		model.addAttribute("hasHome", queries.hasHome(actor));
		return "deliberation/raise";
	}

	@PostMapping("/m/topics")
	String raise(@AuthenticationPrincipal Actor actor, RaiseForm form, Model model, RedirectAttributes redirect) {
		try {
			Topic topic = management.raise(actor,
					new RaiseTopic(form.title(), form.description(), form.placeKind(), null, null, null));
			redirect.addFlashAttribute("notice", "deliberation.notice.raised");
			return "redirect:/m/topics/" + topic.id();
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			model.addAttribute("form", form);
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("hasHome", queries.hasHome(actor));
			return "deliberation/raise";
		}
	}

	// ---- the desk ------------------------------------------------------------------------------------------------

	/** What the desk works on first: topics waiting for the agenda, being deliberated, in the vote, being carried out. */
	private static final EnumSet<TopicState> OPEN = EnumSet.of(TopicState.RAISED, TopicState.DELIBERATING,
			TopicState.VOTING, TopicState.PASSED, TopicState.EXECUTING, TopicState.EVALUATING);

	@GetMapping("/topics")
	String desk(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) TopicState.Stage stage,
			Model model) {
		List<TopicSummary> topics = queries.topics(actor, List.of());
		model.addAttribute("stage", stage);
		model.addAttribute("stages", TopicState.Stage.values());
		model.addAttribute("counts", java.util.Arrays.stream(TopicState.Stage.values())
			.collect(java.util.stream.Collectors.toMap(s -> s,
					s -> topics.stream().filter(t -> t.stage() == s && OPEN.contains(t.state())).count())));
		model.addAttribute("topics", topics.stream().filter(t -> stage == null || t.stage() == stage).toList());
		return "deliberation/desk";
	}

	/** The desk's raise form: a place of its scope (an estate, or the community), how it came, an incident it turns. */
	record DeskRaiseForm(String title, String description, String place, org.zhizhi.deliberation.RaisedThrough through,
			UUID incidentId) {
	}

	@GetMapping("/topics/from-incident/{incidentId}")
	String fromIncident(@AuthenticationPrincipal Actor actor, @PathVariable UUID incidentId) {
		return queries.topicOfIncident(actor, incidentId)
			.map(topic -> "redirect:/topics/" + topic)
			.orElse("redirect:/topics/new?incident=" + incidentId);
	}

	@GetMapping("/topics/new")
	String deskRaiseForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID incident,
			Model model) {
		String description = incident == null ? null : queries.incidentDescription(actor, incident).orElse(null);
		deskRaiseModel(actor, model, new DeskRaiseForm(null, description, null,
				incident == null ? org.zhizhi.deliberation.RaisedThrough.GROUP_CHAT
						: org.zhizhi.deliberation.RaisedThrough.INCIDENT, incident), FormErrors.none());
		return "deliberation/desk-raise";
	}

	@PostMapping("/topics")
	String deskRaise(@AuthenticationPrincipal Actor actor, DeskRaiseForm form, Model model,
			RedirectAttributes redirect) {
		String place = form.place();
		PlaceKind kind = place == null || !place.contains(":") ? null
				: PlaceKind.valueOf(place.substring(0, place.indexOf(':')));
		UUID placeId = kind == null ? null : UUID.fromString(place.substring(place.indexOf(':') + 1));
		try {
			Topic topic = management.raise(actor, new RaiseTopic(form.title(), form.description(),
					kind == null ? PlaceKind.ESTATE : kind, placeId, form.through(), form.incidentId()));
			redirect.addFlashAttribute("notice", "deliberation.notice.raised");
			return "redirect:/topics/" + topic.id();
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID && e.category() != DomainException.Category.CONFLICT) {
				throw e;
			}
			deskRaiseModel(actor, model, form, FormErrors.of(e, messages));
			return "deliberation/desk-raise";
		}
	}

	private void deskRaiseModel(Actor actor, Model model, DeskRaiseForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("incidentText", form.incidentId() == null ? null
				: queries.incidentDescription(actor, form.incidentId()).orElse(null));
		model.addAttribute("estates", places.estates(actor.scope(), null, null));
		model.addAttribute("communities", orgUnits.list(actor.scope(),
				new org.zhizhi.territory.OrgUnitFilter(null, null, org.zhizhi.territory.OrgLevel.COMMUNITY)));
		model.addAttribute("throughs", java.util.EnumSet.complementOf(java.util.EnumSet.of(
				org.zhizhi.deliberation.RaisedThrough.RESIDENT_APP)));
	}

	// ---- one topic, on either page -------------------------------------------------------------------------------

	@GetMapping({ "/m/topics/{id}", "/topics/{id}" })
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		TopicView topic = queries.topic(actor, id);
		String base = base(request);
		model.addAttribute("t", topic);
		model.addAttribute("may", topic.allowedActions().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("base", base);
		model.addAttribute("desk", base.equals("/topics/"));
		model.addAttribute("ballots", topic.allowedActions().contains(org.zhizhi.deliberation.TopicAction.CLOSE_VOTING)
				? queries.ballots(actor, id) : List.of());
		model.addAttribute("mergeTargets", topic.allowedActions().contains(org.zhizhi.deliberation.TopicAction.MERGE)
				? queries.topics(actor, List.of(TopicState.RAISED, TopicState.DELIBERATING))
					.stream()
					.filter(other -> !other.id().equals(id))
					.toList()
				: List.of());
		model.addAttribute("households",
				topic.allowedActions().contains(org.zhizhi.deliberation.TopicAction.RECORD_PAYMENT)
						? queries.householdsConcerned(actor, id) : List.of());
		boolean addsTasks = topic.allowedActions().contains(org.zhizhi.deliberation.TopicAction.ADD_TASK);
		model.addAttribute("taskKinds", org.zhizhi.deliberation.TaskKind.values());
		model.addAttribute("incidentCategories", addsTasks ? incidents.categories() : List.of());
		model.addAttribute("projectCategories", org.zhizhi.partnership.ItemCategory.values());
		model.addAttribute("volunteerTeams", addsTasks ? volunteerQueries.teams(actor) : List.of());
		model.addAttribute("sources", org.zhizhi.deliberation.FundSource.values());
		model.addAttribute("rules", VoteRule.values());
		model.addAttribute("choices", VoteChoice.values());
		model.addAttribute("stances", Stance.values());
		model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
		return "deliberation/detail";
	}

	@PostMapping({ "/m/topics/{id}/cosign", "/topics/{id}/cosign" })
	String cosign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.cosigned", () -> management.cosign(actor, id));
	}

	@PostMapping({ "/m/topics/{id}/comment", "/topics/{id}/comment" })
	String comment(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam(required = false) Stance stance,
			@RequestParam(required = false) String text, @RequestParam(required = false) UUID replyTo,
			HttpServletRequest request, RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.commented",
				() -> management.comment(actor, id, new CommentOnTopic(stance, text, replyTo)));
	}

	@PostMapping({ "/m/topics/{id}/vote", "/topics/{id}/vote" })
	String vote(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) VoteChoice choice, @RequestParam(required = false) UUID householdId,
			@RequestParam(name = "ballot", required = false) MultipartFile ballot, HttpServletRequest request,
			RedirectAttributes redirect) throws IOException {
		byte[] photo = ballot == null || ballot.isEmpty() ? null : ballot.getBytes();
		return step(redirect, request, id, "deliberation.notice.voted",
				() -> management.vote(actor, id, new CastVote(choice, householdId), photo));
	}

	@PostMapping({ "/m/topics/{id}/rate", "/topics/{id}/rate" })
	String rate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer stars, @RequestParam(required = false) String comment,
			HttpServletRequest request, RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.rated",
				() -> management.rate(actor, id, new RateTopic(stars, comment)));
	}

	@PostMapping({ "/m/topics/{id}/withdraw", "/topics/{id}/withdraw" })
	String withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.withdrawn",
				() -> management.withdraw(actor, id, new WithdrawTopic(reason)));
	}

	@PostMapping("/topics/{id}/admit")
	String admit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.admitted", () -> management.admit(actor, id));
	}

	@PostMapping("/topics/{id}/round")
	String round(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.round", () -> management.openRound(actor, id));
	}

	@PostMapping("/topics/{id}/open-voting")
	String openVoting(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) VoteRule rule, @RequestParam(required = false) LocalDate closesOn,
			HttpServletRequest request, RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.votingOpened",
				() -> management.openVoting(actor, id, new OpenVoting(rule, closesOn)));
	}

	@PostMapping("/topics/{id}/rule")
	String rule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) VoteRule rule, HttpServletRequest request, RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.ruleChanged",
				() -> management.changeRule(actor, id, new ChangeVoteRule(rule)));
	}

	@PostMapping("/topics/{id}/close-voting")
	String closeVoting(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.votingClosed",
				() -> management.closeVoting(actor, id));
	}

	@PostMapping("/topics/{id}/decision")
	String decide(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) VoteRule rule, @RequestParam(required = false) Boolean passed,
			@RequestParam(required = false) String minutes, HttpServletRequest request, RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.decided",
				() -> management.recordDecision(actor, id, new RecordDecision(rule, passed, minutes)));
	}

	@PostMapping("/topics/{id}/tasks")
	String addTask(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String title, @RequestParam(required = false) String owner,
			@RequestParam(required = false) LocalDate dueOn, @RequestParam(required = false) TaskKind kind,
			@RequestParam(required = false) String incidentCategory,
			@RequestParam(required = false) String projectCategory, @RequestParam(required = false) UUID teamId,
			HttpServletRequest request, RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.taskAdded", () -> management.addTask(actor, id,
				new AddTask(title, owner, dueOn, kind, incidentCategory, projectCategory, null, null, teamId)));
	}

	@PostMapping("/topics/{id}/tasks/{taskId}/done")
	String completeTask(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID taskId,
			@RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.taskDone",
				() -> management.completeTask(actor, id, taskId, new CompleteTask(note)));
	}

	@PostMapping("/topics/{id}/finish")
	String finish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.finished",
				() -> management.finishExecution(actor, id));
	}

	@PostMapping("/topics/{id}/close")
	String close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.closed", () -> management.close(actor, id));
	}

	@PostMapping("/topics/{id}/merge")
	String merge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID intoTopicId, HttpServletRequest request,
			RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.merged",
				() -> management.merge(actor, id, new MergeTopic(intoTopicId)));
	}

	@GetMapping({ "/m/topics/{id}/ledger.xlsx", "/topics/{id}/ledger.xlsx" })
	org.springframework.http.ResponseEntity<byte[]> ledger(@AuthenticationPrincipal Actor actor,
			@PathVariable UUID id) {
		TopicView topic = queries.topic(actor, id);
		if (topic.fund() == null) {
			throw DomainException.notFound("fund");
		}
		return org.zhizhi.shared.spreadsheet.Xlsx.download(workbooks.ledger(topic), topic.title() + ".xlsx");
	}

	@PostMapping("/topics/{id}/fund")
	String openFund(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) java.math.BigDecimal target,
			@RequestParam(required = false) java.math.BigDecimal perHousehold, HttpServletRequest request,
			RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.fundOpened",
				() -> funding.open(actor, id, new org.zhizhi.deliberation.OpenFund(target, perHousehold)));
	}

	@PostMapping({ "/m/topics/{id}/pledge", "/topics/{id}/pledge" })
	String pledge(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) java.math.BigDecimal amount, HttpServletRequest request,
			RedirectAttributes redirect) {
		return step(redirect, request, id, "deliberation.notice.pledged",
				() -> funding.record(actor, id, new org.zhizhi.deliberation.RecordFundEntry(
						org.zhizhi.deliberation.FundEntryKind.PLEDGE, null, null, null, amount, null), null));
	}

	@PostMapping("/topics/{id}/fund/entries")
	String recordFund(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) org.zhizhi.deliberation.FundEntryKind kind,
			@RequestParam(required = false) org.zhizhi.deliberation.FundSource source,
			@RequestParam(required = false) UUID householdId, @RequestParam(required = false) String sourceName,
			@RequestParam(required = false) java.math.BigDecimal amount, @RequestParam(required = false) String note,
			@RequestParam(name = "voucher", required = false) MultipartFile voucher, HttpServletRequest request,
			RedirectAttributes redirect) throws IOException {
		byte[] photo = voucher == null || voucher.isEmpty() ? null : voucher.getBytes();
		return step(redirect, request, id, "deliberation.notice.fundRecorded",
				() -> funding.record(actor, id, new org.zhizhi.deliberation.RecordFundEntry(kind, source,
						source == org.zhizhi.deliberation.FundSource.HOUSEHOLD ? householdId : null, sourceName, amount,
						note), photo));
	}

	/** Runs a step and goes back to the topic, saying what happened; a refusal is shown there, a 404 stays one. */
	private String step(RedirectAttributes redirect, HttpServletRequest request, UUID id, String notice,
			Runnable command) {
		try {
			command.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (DomainException e) {
			if (e.category() == DomainException.Category.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("stepProblems", problems(e));
		}
		return "redirect:" + base(request) + id;
	}

	/** A refusal in plain Chinese: a step the state does not allow names the state and the step as people say them. */
	private List<String> problems(DomainException e) {
		Locale locale = LocaleContextHolder.getLocale();
		if (("ILLEGAL_TRANSITION".equals(e.code()) || "VOTING_CLOSED".equals(e.code())) && e.args().length == 2) {
			String state = messages.getMessage("deliberation.state." + e.args()[0], null, locale);
			String action = messages.getMessage("deliberation.action." + e.args()[1], null, locale);
			return List.of(messages.getMessage(e.messageKey(), new Object[] { state, action }, locale));
		}
		FormErrors errors = FormErrors.of(e, messages);
		return errors.byField().values().stream().flatMap(List::stream).toList();
	}

	private static String base(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/m/topics/") ? "/m/topics/" : "/topics/";
	}
}

package org.zhizhi.partnership.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.partnership.meeting.MeetingCommands.AddAgendaItem;
import org.zhizhi.partnership.meeting.MeetingCommands.Cancel;
import org.zhizhi.partnership.meeting.MeetingCommands.Hold;
import org.zhizhi.partnership.meeting.MeetingCommands.Minute;
import org.zhizhi.partnership.meeting.MeetingCommands.RecordAttendance;
import org.zhizhi.partnership.meeting.MeetingCommands.Reschedule;
import org.zhizhi.partnership.meeting.MeetingCommands.ScheduleMeeting;
import org.zhizhi.partnership.meeting.MeetingCommands.TakeDecision;
import org.zhizhi.partnership.meeting.MeetingViews.AgendaKind;
import org.zhizhi.partnership.meeting.MeetingViews.Decision;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.MeetingDetail;
import org.zhizhi.partnership.meeting.MeetingViews.OpenIncident;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.partnership.meeting.MeetingViews.YearOverview;
import org.zhizhi.partnership.meeting.OpenListItems.ListItemRef;
import org.zhizhi.partnership.meeting.persistence.JdbcMeetings;
import org.zhizhi.partnership.persistence.Versioned;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;

/**
 * The joint meetings of communities with their partner units ("4" of 1+4+X): commands and reads, each inside the
 * actor's scope. Every command locks its meeting, checks the step against {@link MeetingLifecycle}, writes, appends a
 * step and tells the people concerned — all in one transaction.
 */
@Service
@Transactional
public class JointMeetings {

	static final int LIST_LIMIT = 200;

	/** How many open incidents an agenda offers: the oldest first, as they have waited longest. */
	static final int CANDIDATE_LIMIT = 30;

	/** Incidents not yet closed: what a meeting may still do something about. */
	static final Set<IncidentState> OPEN_INCIDENT = EnumSet.of(IncidentState.REPORTED, IncidentState.ACCEPTED,
			IncidentState.TRIAGED, IncidentState.WHISTLED, IncidentState.CLAIMED, IncidentState.ASSIGNED,
			IncidentState.CHECKED_IN, IncidentState.RESOLVED, IncidentState.REWORK);

	/** A UNIT's refId must name a partner unit of the meeting's community (the column has a foreign key). */
	static final String NOT_A_PARTNER = "partnership.meeting.notAPartnerHere";

	private final JdbcMeetings meetings;

	private final CommunityResolver communities;

	private final IncidentQueries incidents;

	private final MeetingNotices notices;

	private final AccountQueries accounts;

	private final ApplicationEventPublisher events;

	private final OpenListItems listItems;

	private final CommunityPartners partners;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	JointMeetings(JdbcMeetings meetings, CommunityResolver communities, IncidentQueries incidents,
			MeetingNotices notices, AccountQueries accounts, ApplicationEventPublisher events,
			OpenListItems listItems, CommunityPartners partners, MessageSource messages, Clock clock, ZoneId zone) {
		this.meetings = meetings;
		this.communities = communities;
		this.incidents = incidents;
		this.notices = notices;
		this.accounts = accounts;
		this.events = events;
		this.listItems = listItems;
		this.partners = partners;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	// --- commands -------------------------------------------------------------------------------------------------

	public MeetingDetail schedule(Actor actor, ScheduleMeeting command) {
		MeetingRules.requireStaff(actor);
		OrgUnit community = communities.resolve(actor, command.communityId());
		List<FieldProblem> problems = new ArrayList<>();
		if (command.kind() == null) {
			problems.add(new FieldProblem("kind", "validation.required"));
		}
		if (command.scheduledAt() == null) {
			problems.add(new FieldProblem("scheduledAt", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		String title = MeetingText.TITLE.optional(command.title());
		if (title == null) {
			String year = String.valueOf(Year.from(command.scheduledAt().atZone(zone)).getValue()); // not "2,026"
			String kind = messages.getMessage("meetingKind." + command.kind(), null, Locale.SIMPLIFIED_CHINESE);
			title = messages.getMessage("meeting.defaultTitle", new Object[] { year, kind }, Locale.SIMPLIFIED_CHINESE);
		}
		Instant now = clock.instant();
		JointMeeting meeting = new JointMeeting(Ids.newId(clock), community.id(), community.path(), command.kind(),
				title, command.scheduledAt(), MeetingText.PLACE.optional(command.place()), MeetingState.PLANNED, null,
				null, null, actor.userId(), now, now);
		meetings.insert(meeting, community.districtId());
		meetings.step(Ids.newId(clock), meeting.id(), MeetingAction.SCHEDULE, null, MeetingState.PLANNED,
				actor.userId(), actor.displayName(), now, null);
		notices.toStaff(meeting, "JOINT_MEETING_SCHEDULED", "meeting.notice.scheduled");
		return detail(actor, meeting);
	}

	public MeetingDetail reschedule(Actor actor, UUID id, Reschedule command) {
		Versioned<JointMeeting> loaded = step(actor, id, MeetingAction.RESCHEDULE);
		JointMeeting meeting = loaded.value();
		if (command == null || command.scheduledAt() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("scheduledAt", "validation.required")));
		}
		String place = command.place() == null ? meeting.place() : MeetingText.PLACE.optional(command.place());
		Instant now = clock.instant();
		saved(meetings.reschedule(id, loaded.version(), command.scheduledAt(), place, now), actor, id,
				MeetingAction.RESCHEDULE);
		meetings.step(Ids.newId(clock), id, MeetingAction.RESCHEDULE, meeting.state(), meeting.state(),
				actor.userId(), actor.displayName(), now, command.scheduledAt().toString());
		JointMeeting moved = meetings.find(actor.scope(), id).orElseThrow();
		notices.toRecipients(moved, "JOINT_MEETING_RESCHEDULED", "meeting.notice.rescheduled");
		return detail(actor, moved);
	}

	public MeetingDetail cancel(Actor actor, UUID id, Cancel command) {
		Versioned<JointMeeting> loaded = step(actor, id, MeetingAction.CANCEL);
		JointMeeting meeting = loaded.value();
		String reason = MeetingText.NOTE.as("reason").required(command == null ? null : command.reason());
		Instant now = clock.instant();
		saved(meetings.cancel(id, loaded.version(), reason, now), actor, id, MeetingAction.CANCEL);
		meetings.step(Ids.newId(clock), id, MeetingAction.CANCEL, meeting.state(), MeetingState.CANCELLED,
				actor.userId(), actor.displayName(), now, reason);
		notices.toRecipients(meeting, "JOINT_MEETING_CANCELLED", "meeting.notice.cancelled");
		return detail(actor, id);
	}

	public MeetingDetail hold(Actor actor, UUID id, Hold command) {
		Versioned<JointMeeting> loaded = step(actor, id, MeetingAction.HOLD);
		JointMeeting meeting = loaded.value();
		Instant now = clock.instant();
		Instant heldAt = command == null || command.heldAt() == null ? now : command.heldAt();
		if (heldAt.isAfter(now)) {
			throw DomainException.invalid(List.of(new FieldProblem("heldAt", "meeting.heldInFuture")));
		}
		saved(meetings.hold(id, loaded.version(), heldAt, now), actor, id, MeetingAction.HOLD);
		meetings.step(Ids.newId(clock), id, MeetingAction.HOLD, meeting.state(), MeetingState.HELD, actor.userId(),
				actor.displayName(), now, null);
		return detail(actor, id);
	}

	public MeetingDetail minute(Actor actor, UUID id, Minute command) {
		Versioned<JointMeeting> loaded = step(actor, id, MeetingAction.MINUTE);
		JointMeeting meeting = loaded.value();
		String minutes = MeetingText.of("minutes", 20_000).required(command == null ? null : command.minutes());
		Instant now = clock.instant();
		saved(meetings.minute(id, loaded.version(), minutes, now), actor, id, MeetingAction.MINUTE);
		meetings.step(Ids.newId(clock), id, MeetingAction.MINUTE, meeting.state(), MeetingState.MINUTED,
				actor.userId(), actor.displayName(), now, null);
		return detail(actor, id);
	}

	public MeetingDetail addAgendaItem(Actor actor, UUID id, AddAgendaItem command) {
		JointMeeting meeting = step(actor, id, MeetingAction.EDIT_AGENDA).value();
		AgendaKind kind = command == null || command.kind() == null ? AgendaKind.TEXT : command.kind();
		String note = MeetingText.NOTE.optional(command == null ? null : command.note());
		String title;
		UUID ref = command == null ? null : command.refId();
		switch (kind) {
			case TEXT -> {
				title = MeetingText.TITLE.required(command == null ? null : command.title());
				ref = null;
			}
			case INCIDENT -> title = openIncidentTitle(meeting, requireRef(ref));
			case LIST_ITEM -> title = listItemTitle(actor, meeting, requireRef(ref));
			default -> throw new IllegalStateException(kind.name());
		}
		if (!meetings.addAgendaItem(Ids.newId(clock), id, kind, ref, title, note, actor.userId(), clock.instant())) {
			throw new DomainException(Category.CONFLICT, "ALREADY_ON_AGENDA", "meeting.alreadyOnAgenda");
		}
		return detail(actor, id);
	}

	public MeetingDetail removeAgendaItem(Actor actor, UUID id, UUID itemId) {
		step(actor, id, MeetingAction.EDIT_AGENDA);
		if (!meetings.removeAgendaItem(id, itemId)) {
			throw DomainException.notFound("agenda item");
		}
		return detail(actor, id);
	}

	public MeetingDetail recordAttendance(Actor actor, UUID id, RecordAttendance command) {
		JointMeeting meeting = step(actor, id, MeetingAction.RECORD_ATTENDANCE).value();
		if (command == null || command.kind() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("kind", "validation.required")));
		}
		String name = MeetingText.NAME.optional(command.name());
		if (command.kind() == RefKind.PERSON && command.refId() != null) {
			Account account = accounts.find(actor.scope(), command.refId())
				.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("refId", "meeting.unknownAccount"))));
			name = name == null ? account.displayName() : name;
		}
		if (command.kind() == RefKind.UNIT && command.refId() != null) {
			String unit = partners.nameOf(meeting.communityId(), command.refId())
				.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("refId", NOT_A_PARTNER))));
			name = name == null ? unit : name;
		}
		if (name == null) {
			throw DomainException.invalid(List.of(new FieldProblem("name", "validation.required")));
		}
		// an invitation in a planned meeting says nobody was there yet; in a held one, present unless told otherwise
		boolean present = command.present() != null ? command.present() : meeting.state() == MeetingState.HELD;
		meetings.recordAttendee(Ids.newId(clock), id, command.kind(), command.refId(), name, present, actor.userId(),
				clock.instant());
		return detail(actor, id);
	}

	public MeetingDetail decide(Actor actor, UUID id, TakeDecision command) {
		JointMeeting meeting = step(actor, id, MeetingAction.DECIDE).value();
		List<FieldProblem> problems = new ArrayList<>();
		String text = null;
		String ownerName = null;
		try {
			text = MeetingText.NOTE.as("text").required(command == null ? null : command.text());
		}
		catch (DomainException e) {
			problems.addAll(e.fieldProblems());
		}
		if (command == null || command.ownerKind() == null) {
			problems.add(new FieldProblem("ownerKind", "validation.required"));
		}
		if (command == null || command.dueOn() == null) {
			problems.add(new FieldProblem("dueOn", "validation.required"));
		}
		else if (command.dueOn().isBefore(LocalDate.ofInstant(meeting.heldAt(), zone))) {
			problems.add(new FieldProblem("dueOn", "meeting.dueBeforeMeeting"));
		}
		if (command != null && command.ownerKind() == RefKind.PERSON && command.ownerId() != null) {
			var account = accounts.find(actor.scope(), command.ownerId());
			if (account.isEmpty()) {
				problems.add(new FieldProblem("ownerId", "meeting.unknownAccount"));
			}
			else {
				ownerName = account.get().displayName();
			}
		}
		if (command != null && command.ownerKind() == RefKind.UNIT && command.ownerId() != null) {
			var unit = partners.nameOf(meeting.communityId(), command.ownerId());
			if (unit.isEmpty()) {
				problems.add(new FieldProblem("ownerId", NOT_A_PARTNER));
			}
			else {
				ownerName = unit.get();
			}
		}
		if (command != null && command.ownerName() != null && !command.ownerName().isBlank()) {
			try {
				ownerName = MeetingText.NAME.as("ownerName").optional(command.ownerName());
			}
			catch (DomainException e) {
				problems.addAll(e.fieldProblems());
			}
		}
		if (ownerName == null && problems.stream().noneMatch(p -> p.field().equals("ownerId") || p.field().equals("ownerName"))) {
			problems.add(new FieldProblem("ownerName", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Instant now = clock.instant();
		Decision decision = new Decision(Ids.newId(clock), id, text, command.ownerKind(), command.ownerId(), ownerName,
				command.dueOn(), null, now);
		UUID district = DataScope.districtOf(meeting.communityPath());
		meetings.insertDecision(decision, district, meeting.communityPath(), actor.userId());
		events.publishEvent(new DecisionTaken(decision.id(), id, meeting.communityId(), district, text,
				command.ownerKind(), command.ownerId(), ownerName, command.dueOn(), actor.userId(), now,
				meeting.communityPath(), meeting.title()));
		if (command.ownerKind() == RefKind.PERSON && command.ownerId() != null) {
			notices.task(command.ownerId(), id, meeting.title(), text + " · " + command.dueOn(), district);
		}
		return detail(actor, id);
	}

	/** Marks a decision's task done; doing it twice is harmless. Allowed whatever the meeting's state. */
	public MeetingDetail markDone(Actor actor, UUID id, UUID decisionId) {
		MeetingRules.requireStaff(actor);
		meetings.lock(actor.scope(), id).orElseThrow(() -> DomainException.notFound("meeting"));
		if (!meetings.decisionExists(id, decisionId)) {
			throw DomainException.notFound("decision");
		}
		meetings.markDone(id, decisionId, actor.userId(), clock.instant());
		return detail(actor, id);
	}

	// --- reads ----------------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public MeetingDetail get(Actor actor, UUID id) {
		MeetingRules.requireStaff(actor);
		return detail(actor, id);
	}

	@Transactional(readOnly = true)
	public List<JointMeeting> list(Actor actor, UUID communityId, int year, MeetingState state) {
		MeetingRules.requireStaff(actor);
		return meetings.list(actor.scope(), communityId, startOf(year), startOf(year + 1), state, LIST_LIMIT);
	}

	/** One community's year with its quota as of today (its own community for community staff). */
	@Transactional(readOnly = true)
	public YearOverview overview(Actor actor, UUID communityId, int year) {
		return overview(actor, communityId, year, LocalDate.now(clock.withZone(zone)));
	}

	@Transactional(readOnly = true)
	public YearOverview overview(Actor actor, UUID communityId, int year, LocalDate asOf) {
		MeetingRules.requireStaff(actor);
		OrgUnit community = communities.resolve(actor, communityId);
		List<JointMeeting> ofYear = meetings.list(community.scope(), community.id(), startOf(year), startOf(year + 1),
				null, LIST_LIMIT);
		int held = meetings.heldCounts(community.scope(), startOf(year), heldUntil(year, asOf))
			.getOrDefault(community.id(), 0);
		return new YearOverview(community.id(), community.name(), MeetingQuota.of(year, asOf, held), ofYear);
	}

	/** Every community of the actor's scope with its quota: the ones behind first, then by name. */
	@Transactional(readOnly = true)
	public List<YearOverview> overviews(Actor actor, int year, LocalDate asOf) {
		MeetingRules.requireStaff(actor);
		Map<UUID, Integer> held = meetings.heldCounts(actor.scope(), startOf(year), heldUntil(year, asOf));
		return communities.communities(actor)
			.stream()
			.map(c -> new YearOverview(c.id(), c.name(), MeetingQuota.of(year, asOf, held.getOrDefault(c.id(), 0)),
					List.of()))
			.sorted(Comparator.comparing((YearOverview o) -> !o.behind()).thenComparing(YearOverview::communityName))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<YearOverview> overviews(Actor actor, int year) {
		return overviews(actor, year, LocalDate.now(clock.withZone(zone)));
	}

	/** The open incidents of the meeting's community that are not on its agenda yet, the longest waiting first. */
	@Transactional(readOnly = true)
	public List<OpenIncident> openIncidents(Actor actor, UUID id) {
		MeetingRules.requireStaff(actor);
		JointMeeting meeting = meetings.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("meeting"));
		Set<UUID> onAgenda = meetings.agenda(id)
			.stream()
			.filter(a -> a.kind() == AgendaKind.INCIDENT)
			.map(a -> a.refId())
			.collect(Collectors.toSet());
		Map<String, String> names = categoryNames();
		DataScope community = new DataScope(meeting.communityId(), meeting.communityPath());
		List<IncidentView> open = new ArrayList<>();
		for (IncidentState state : OPEN_INCIDENT) {
			open.addAll(incidents.list(community, state, null, 0));
		}
		return open.stream()
			.filter(i -> i.closedAt() == null && !onAgenda.contains(i.id()))
			.sorted(Comparator.comparing(IncidentView::reportedAt))
			.limit(CANDIDATE_LIMIT)
			.map(i -> new OpenIncident(i.id(), incidentTitle(i, names), i.state().name(), i.reportedAt()))
			.toList();
	}

	/** The open items of the community's three lists not on the agenda yet. */
	@Transactional(readOnly = true)
	public List<ListItemRef> openListItems(Actor actor, UUID id) {
		MeetingRules.requireStaff(actor);
		JointMeeting meeting = meetings.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("meeting"));
		Set<UUID> onAgenda = meetings.agenda(id)
			.stream()
			.filter(a -> a.kind() == AgendaKind.LIST_ITEM)
			.map(a -> a.refId())
			.collect(Collectors.toSet());
		return listItems.openOf(actor.scope(), meeting.communityId()).stream().filter(i -> !onAgenda.contains(i.id())).toList();
	}

	/** The open decisions (tasks) of the scope, the earliest due first. */
	@Transactional(readOnly = true)
	public List<Decision> openTasks(Actor actor) {
		MeetingRules.requireStaff(actor);
		return meetings.openDecisions(actor.scope(), LIST_LIMIT);
	}

	// --- internals ------------------------------------------------------------------------------------------------

	/** Locks the meeting of the actor's scope, with its version, and checks that the action is allowed in its state. */
	private Versioned<JointMeeting> step(Actor actor, UUID id, MeetingAction action) {
		MeetingRules.requireStaff(actor);
		Versioned<JointMeeting> meeting = meetings.lock(actor.scope(), id)
			.orElseThrow(() -> DomainException.notFound("meeting"));
		MeetingLifecycle.TABLE.next(meeting.value().state(), action);
		return meeting;
	}

	/** A versioned save that found no row: somebody moved the meeting first, refused naming the state it is in now. */
	private void saved(boolean saved, Actor actor, UUID id, MeetingAction action) {
		if (!saved) {
			throw MeetingLifecycle.TABLE.illegal(meetings.find(actor.scope(), id).orElseThrow().state(), action);
		}
	}

	private MeetingDetail detail(Actor actor, UUID id) {
		return detail(actor, meetings.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("meeting")));
	}

	private MeetingDetail detail(Actor actor, JointMeeting meeting) {
		return new MeetingDetail(meeting, communities.name(actor, meeting.communityId()), meetings.agenda(meeting.id()),
				meetings.attendees(meeting.id()), meetings.decisions(meeting.id()), meetings.steps(meeting.id()));
	}

	private static UUID requireRef(UUID ref) {
		if (ref == null) {
			throw DomainException.invalid(List.of(new FieldProblem("refId", "validation.required")));
		}
		return ref;
	}

	private String openIncidentTitle(JointMeeting meeting, UUID incidentId) {
		DataScope community = new DataScope(meeting.communityId(), meeting.communityPath());
		IncidentView incident = incidents.view(community, incidentId)
			.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("refId", "meeting.notAnIncidentHere"))));
		if (incident.closedAt() != null || !OPEN_INCIDENT.contains(incident.state())) {
			throw DomainException.invalid(List.of(new FieldProblem("refId", "meeting.incidentClosed")));
		}
		return incidentTitle(incident, categoryNames());
	}

	/** The title of an open item of the meeting's community; any other id is a field error on {@code refId}. */
	private String listItemTitle(Actor actor, JointMeeting meeting, UUID itemId) {
		return listItems.openItem(actor.scope(), meeting.communityId(), itemId)
			.map(ListItemRef::title)
			.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("refId", "meeting.notAnOpenListItem"))));
	}

	private Map<String, String> categoryNames() {
		return incidents.categories()
			.stream()
			.collect(Collectors.toMap(IncidentCategory::code, IncidentCategory::name, (a, b) -> a));
	}

	private static String incidentTitle(IncidentView incident, Map<String, String> names) {
		String description = incident.description() == null ? "" : incident.description();
		if (description.length() > 60) {
			description = description.substring(0, 59) + "…";
		}
		return names.getOrDefault(incident.categoryCode(), incident.categoryCode()) + " · " + description;
	}

	Instant startOf(int year) {
		return LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
	}

	/** The end of the day asked about, but never beyond the year. */
	private Instant heldUntil(int year, LocalDate asOf) {
		Instant endOfDay = asOf.plusDays(1).atStartOfDay(zone).toInstant();
		Instant endOfYear = startOf(year + 1);
		return endOfDay.isBefore(endOfYear) ? endOfDay : endOfYear;
	}
}

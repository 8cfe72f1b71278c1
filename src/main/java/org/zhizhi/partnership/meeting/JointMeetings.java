package org.zhizhi.partnership.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
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
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.partnership.meeting.persistence.JdbcMeetings;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;

/**
 * The steps of the joint meetings of communities with their partner units ("4" of 1+4+X), each inside the actor's
 * scope and in one transaction, the house pattern: lock the {@link Meeting} → the command's shape
 * ({@link CommandShape}) → the aggregate's step (its {@link MeetingLifecycle} row and rules) → the versioned save,
 * which publishes the step's {@link MeetingEvent} ({@link MeetingNotices} tells the people concerned,
 * {@code DecisionProjects} makes a decision a project) → the step's row in the meeting's history. Reads are
 * {@link MeetingQueries}'.
 */
@Service
@Transactional
public class JointMeetings {

	/** A UNIT's refId must name a partner unit of the meeting's community (the column has a foreign key). */
	static final String NOT_A_PARTNER = "partnership.meeting.notAPartnerHere";

	private final JdbcMeetings meetings;

	private final MeetingQueries queries;

	private final CommunityResolver communities;

	private final AgendaCandidates candidates;

	private final AccountQueries accounts;

	private final CommunityPartners partners;

	private final CommandShape shape;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	JointMeetings(JdbcMeetings meetings, MeetingQueries queries, CommunityResolver communities,
			AgendaCandidates candidates, AccountQueries accounts, CommunityPartners partners, CommandShape shape,
			MessageSource messages, Clock clock, ZoneId zone) {
		this.meetings = meetings;
		this.queries = queries;
		this.communities = communities;
		this.candidates = candidates;
		this.accounts = accounts;
		this.partners = partners;
		this.shape = shape;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	public MeetingDetail schedule(Actor actor, ScheduleMeeting command) {
		return schedule(actor, command, clock.instant());
	}

	/*
	 * Each step below at an instant of its own: the live commands pass the clock's now, MeetingHistory the moment a
	 * past step happened — so both go through the same checks, aggregate methods and rows, and none is written twice.
	 */

	MeetingDetail schedule(Actor actor, ScheduleMeeting command, Instant now) {
		MeetingRules.requireStaff(actor);
		OrgUnit community = communities.resolve(actor, command.communityId());
		shape.check(command);
		String title = text(command.title());
		if (title == null) {
			String year = String.valueOf(Year.from(command.scheduledAt().atZone(zone)).getValue()); // not "2,026"
			String kind = messages.getMessage("meetingKind." + command.kind(), null, Locale.SIMPLIFIED_CHINESE);
			title = messages.getMessage("meeting.defaultTitle", new Object[] { year, kind }, Locale.SIMPLIFIED_CHINESE);
		}
		Meeting meeting = Meeting.schedule(Ids.newId(clock), community.id(), community.path(), command.kind(), title,
				command.scheduledAt(), text(command.place()), actor.userId(), now);
		meetings.insert(meeting, community.districtId());
		history(actor, meeting, MeetingAction.SCHEDULE, null, now, null);
		return queries.detail(actor, meeting.id());
	}

	public MeetingDetail reschedule(Actor actor, UUID id, Reschedule command) {
		Meeting meeting = load(actor, id, MeetingAction.RESCHEDULE, command == null ? new Reschedule(null, null) : command);
		MeetingState from = meeting.state();
		Instant now = clock.instant();
		meeting.reschedule(command.scheduledAt(), text(command.place()), now);
		return save(actor, meeting, MeetingAction.RESCHEDULE, from, now, command.scheduledAt().toString());
	}

	public MeetingDetail cancel(Actor actor, UUID id, Cancel command) {
		return cancel(actor, id, command, clock.instant());
	}

	MeetingDetail cancel(Actor actor, UUID id, Cancel command, Instant now) {
		Cancel cancel = command == null ? new Cancel(null) : command;
		Meeting meeting = load(actor, id, MeetingAction.CANCEL, cancel);
		MeetingState from = meeting.state();
		meeting.cancel(cancel.reason().strip(), now);
		return save(actor, meeting, MeetingAction.CANCEL, from, now, cancel.reason().strip());
	}

	public MeetingDetail hold(Actor actor, UUID id, Hold command) {
		return hold(actor, id, command, clock.instant());
	}

	MeetingDetail hold(Actor actor, UUID id, Hold command, Instant now) {
		Meeting meeting = load(actor, id, MeetingAction.HOLD, command == null ? new Hold(null) : command);
		MeetingState from = meeting.state();
		meeting.hold(command == null ? null : command.heldAt(), now);
		return save(actor, meeting, MeetingAction.HOLD, from, now, null);
	}

	public MeetingDetail minute(Actor actor, UUID id, Minute command) {
		return minute(actor, id, command, clock.instant());
	}

	MeetingDetail minute(Actor actor, UUID id, Minute command, Instant now) {
		Minute minute = command == null ? new Minute(null) : command;
		Meeting meeting = load(actor, id, MeetingAction.MINUTE, minute);
		MeetingState from = meeting.state();
		meeting.minute(minute.minutes().strip(), now);
		return save(actor, meeting, MeetingAction.MINUTE, from, now, null);
	}

	public MeetingDetail addAgendaItem(Actor actor, UUID id, AddAgendaItem command) {
		return addAgendaItem(actor, id, command, clock.instant());
	}

	MeetingDetail addAgendaItem(Actor actor, UUID id, AddAgendaItem command, Instant now) {
		AddAgendaItem item = command == null ? new AddAgendaItem(null, null, null, null) : command;
		Meeting meeting = load(actor, id, MeetingAction.EDIT_AGENDA, item);
		meeting.prepare(MeetingAction.EDIT_AGENDA);
		AgendaKind kind = item.kind() == null ? AgendaKind.TEXT : item.kind();
		UUID ref = item.refId();
		String title = switch (kind) {
			case TEXT -> {
				ref = null;
				yield required("title", item.title());
			}
			case INCIDENT -> candidates.openIncidentTitle(meeting.view(), requireRef(ref));
			case LIST_ITEM -> candidates.listItemTitle(actor, meeting.view(), requireRef(ref));
		};
		if (!meetings.addAgendaItem(Ids.newId(clock), id, kind, ref, title, text(item.note()), actor.userId(), now)) {
			throw new DomainException(Category.CONFLICT, "ALREADY_ON_AGENDA", "meeting.alreadyOnAgenda");
		}
		return queries.detail(actor, id);
	}

	public MeetingDetail removeAgendaItem(Actor actor, UUID id, UUID itemId) {
		Meeting meeting = lock(actor, id);
		meeting.prepare(MeetingAction.EDIT_AGENDA);
		if (!meetings.removeAgendaItem(id, itemId)) {
			throw DomainException.notFound("agenda item");
		}
		return queries.detail(actor, id);
	}

	public MeetingDetail recordAttendance(Actor actor, UUID id, RecordAttendance command) {
		return recordAttendance(actor, id, command, clock.instant());
	}

	MeetingDetail recordAttendance(Actor actor, UUID id, RecordAttendance command, Instant now) {
		RecordAttendance attendance = command == null ? new RecordAttendance(null, null, null, null) : command;
		Meeting meeting = load(actor, id, MeetingAction.RECORD_ATTENDANCE, attendance);
		meeting.prepare(MeetingAction.RECORD_ATTENDANCE);
		String name = text(attendance.name());
		if (attendance.kind() == RefKind.PERSON && attendance.refId() != null) {
			Account account = accounts.find(actor.scope(), attendance.refId())
				.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("refId", "meeting.unknownAccount"))));
			name = name == null ? account.displayName() : name;
		}
		if (attendance.kind() == RefKind.UNIT && attendance.refId() != null) {
			String unit = partners.nameOf(meeting.view().communityId(), attendance.refId())
				.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("refId", NOT_A_PARTNER))));
			name = name == null ? unit : name;
		}
		if (name == null) {
			throw DomainException.invalid(List.of(new FieldProblem("name", "validation.required")));
		}
		// an invitation in a planned meeting says nobody was there yet; in a held one, present unless told otherwise
		boolean present = attendance.present() != null ? attendance.present() : meeting.state() == MeetingState.HELD;
		meetings.recordAttendee(Ids.newId(clock), id, attendance.kind(), attendance.refId(), name, present,
				actor.userId(), now);
		return queries.detail(actor, id);
	}

	/**
	 * A held meeting gives a task an owner — a partner unit or a person of the scope by id, or a name alone — and a
	 * due date. Every problem of the request is told at once: its shape and the owner it names.
	 */
	public MeetingDetail decide(Actor actor, UUID id, TakeDecision command) {
		return decide(actor, id, command, clock.instant());
	}

	MeetingDetail decide(Actor actor, UUID id, TakeDecision command, Instant now) {
		TakeDecision decision = command == null ? new TakeDecision(null, null, null, null, null) : command;
		Meeting meeting = lock(actor, id);
		MeetingLifecycle.TABLE.next(meeting.state(), MeetingAction.DECIDE);
		List<FieldProblem> problems = new ArrayList<>(shape.problems(decision));
		String ownerName = null;
		if (decision.ownerKind() == RefKind.PERSON && decision.ownerId() != null) {
			var account = accounts.find(actor.scope(), decision.ownerId());
			account.ifPresentOrElse(a -> { }, () -> problems.add(new FieldProblem("ownerId", "meeting.unknownAccount")));
			ownerName = account.map(Account::displayName).orElse(null);
		}
		if (decision.ownerKind() == RefKind.UNIT && decision.ownerId() != null) {
			var unit = partners.nameOf(meeting.view().communityId(), decision.ownerId());
			unit.ifPresentOrElse(u -> { }, () -> problems.add(new FieldProblem("ownerId", NOT_A_PARTNER)));
			ownerName = unit.orElse(null);
		}
		ownerName = text(decision.ownerName()) != null ? text(decision.ownerName()) : ownerName;
		boolean ownerTold = problems.stream().anyMatch(p -> p.field().equals("ownerId") || p.field().equals("ownerName"));
		if (ownerName == null && !ownerTold) {
			problems.add(new FieldProblem("ownerName", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		DecisionTaken taken = meeting.decide(Ids.newId(clock), decision.text().strip(), decision.ownerKind(),
				decision.ownerId(), ownerName, decision.dueOn(), actor.userId(), now, zone);
		meetings.insertDecision(new Decision(taken.decisionId(), id, taken.text(), taken.ownerKind(), taken.ownerId(),
				ownerName, taken.dueOn(), null, now), taken.districtId(), taken.communityPath(), actor.userId());
		meetings.save(meeting);
		return queries.detail(actor, id);
	}

	/** Marks a decision's task done; doing it twice is harmless. Allowed whatever the meeting's state. */
	public MeetingDetail markDone(Actor actor, UUID id, UUID decisionId) {
		return markDone(actor, id, decisionId, clock.instant());
	}

	MeetingDetail markDone(Actor actor, UUID id, UUID decisionId, Instant now) {
		lock(actor, id);
		if (!meetings.decisionExists(id, decisionId)) {
			throw DomainException.notFound("decision");
		}
		meetings.markDone(id, decisionId, actor.userId(), now);
		return queries.detail(actor, id);
	}

	// --- the house pattern's steps --------------------------------------------------------------------------------

	/** The meeting of the actor's scope, locked: a second command on it waits and then sees what the first did. */
	private Meeting lock(Actor actor, UUID id) {
		MeetingRules.requireStaff(actor);
		return meetings.lock(actor.scope(), id).orElseThrow(() -> DomainException.notFound("meeting"));
	}

	/** Locks the meeting, checks the step is allowed in its state, then the command's shape. */
	private Meeting load(Actor actor, UUID id, MeetingAction action, Object command) {
		Meeting meeting = lock(actor, id);
		MeetingLifecycle.TABLE.next(meeting.state(), action);
		shape.check(command);
		return meeting;
	}

	/** The versioned save (0 rows: someone moved it first — refused naming the state it is in now), then history. */
	private MeetingDetail save(Actor actor, Meeting meeting, MeetingAction action, MeetingState from, Instant at,
			String note) {
		if (!meetings.save(meeting)) {
			throw MeetingLifecycle.TABLE.illegal(meetings.find(actor.scope(), meeting.id()).orElseThrow().state(),
					action);
		}
		history(actor, meeting, action, from, at, note);
		return queries.detail(actor, meeting.id());
	}

	private void history(Actor actor, Meeting meeting, MeetingAction action, MeetingState from, Instant at,
			String note) {
		meetings.step(Ids.newId(clock), meeting.id(), action, from, meeting.state(), actor.userId(),
				actor.displayName(), at, note);
	}

	/** Text as stored: stripped, and none when blank (its length is the command's shape). */
	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String required(String field, String value) {
		String text = text(value);
		if (text == null) {
			throw DomainException.invalid(List.of(new FieldProblem(field, "validation.required")));
		}
		return text;
	}

	private static UUID requireRef(UUID ref) {
		if (ref == null) {
			throw DomainException.invalid(List.of(new FieldProblem("refId", "validation.required")));
		}
		return ref;
	}
}

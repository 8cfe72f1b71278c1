package org.zhizhi.partnership.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.zhizhi.partnership.meeting.MeetingEvent.MeetingCancelled;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingHeld;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingMinuted;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingRescheduled;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingScheduled;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * A joint meeting (联席会议) as the aggregate its steps change: each method asks {@link MeetingLifecycle}, checks the
 * meeting's own rules, changes only what its step changes and registers its past-tense {@link MeetingEvent}. Free of
 * Spring and SQL; {@code JdbcMeetings} loads it under a row lock and saves it against its version. Readers get the
 * {@link JointMeeting} view. The agenda, the attendance and the decisions are rows of their own: their steps ask the
 * meeting ({@link #prepare}, {@link #decide}) and change nothing of it.
 */
public final class Meeting extends AggregateRoot<MeetingEvent> {

	private final UUID id;

	private final UUID communityId;

	private final String communityPath;

	private final MeetingKind kind;

	private final String title;

	private Instant scheduledAt;

	private String place;

	private MeetingState state;

	private Instant heldAt;

	private String minutes;

	private String cancelReason;

	private final UUID createdBy;

	private final Instant createdAt;

	private Instant updatedAt;

	/** Whether a step changed the meeting's own row (the agenda's, attendance's and decisions' steps do not). */
	private boolean moved;

	private Meeting(JointMeeting m, int version) {
		super(version);
		this.id = m.id();
		this.communityId = m.communityId();
		this.communityPath = m.communityPath();
		this.kind = m.kind();
		this.title = m.title();
		this.scheduledAt = m.scheduledAt();
		this.place = m.place();
		this.state = m.state();
		this.heldAt = m.heldAt();
		this.minutes = m.minutes();
		this.cancelReason = m.cancelReason();
		this.createdBy = m.createdBy();
		this.createdAt = m.createdAt();
		this.updatedAt = m.updatedAt();
	}

	/** A meeting as stored, at the version it was read with. */
	public static Meeting of(JointMeeting stored, int version) {
		return new Meeting(stored, version);
	}

	/** SCHEDULE: a new planned meeting of the community (no row of the table: it creates the meeting). */
	static Meeting schedule(UUID id, UUID communityId, String communityPath, MeetingKind kind, String title,
			Instant scheduledAt, String place, UUID by, Instant at) {
		Meeting meeting = new Meeting(new JointMeeting(id, communityId, communityPath, kind, title, scheduledAt, place,
				MeetingState.PLANNED, null, null, null, by, at, at), 0);
		meeting.register(new MeetingScheduled(meeting.view()));
		return meeting;
	}

	/** RESCHEDULE: a planned meeting moves; a place left out stays as it was. */
	void reschedule(Instant to, String newPlace, Instant at) {
		MeetingLifecycle.TABLE.next(state, MeetingAction.RESCHEDULE);
		scheduledAt = to;
		place = newPlace == null ? place : newPlace;
		touch(at);
		register(new MeetingRescheduled(view()));
	}

	/** CANCEL: a planned meeting will not take place, and why. */
	void cancel(String reason, Instant at) {
		state = MeetingLifecycle.TABLE.next(state, MeetingAction.CANCEL);
		cancelReason = reason;
		touch(at);
		register(new MeetingCancelled(view()));
	}

	/** HOLD: the meeting took place — now, or at a moment already past. */
	void hold(Instant when, Instant now) {
		MeetingState next = MeetingLifecycle.TABLE.next(state, MeetingAction.HOLD);
		Instant held = when == null ? now : when;
		if (held.isAfter(now)) {
			throw DomainException.invalid(List.of(new FieldProblem("heldAt", "meeting.heldInFuture")));
		}
		state = next;
		heldAt = held;
		touch(now);
		register(new MeetingHeld(view()));
	}

	/** MINUTE: the minutes close a held meeting; what was decided stays as recorded. */
	void minute(String text, Instant at) {
		state = MeetingLifecycle.TABLE.next(state, MeetingAction.MINUTE);
		minutes = text;
		touch(at);
		register(new MeetingMinuted(view()));
	}

	/** EDIT_AGENDA or RECORD_ATTENDANCE: allowed in this state? The rows they write are their own. */
	void prepare(MeetingAction action) {
		if (action != MeetingAction.EDIT_AGENDA && action != MeetingAction.RECORD_ATTENDANCE) {
			throw new IllegalArgumentException(action.name());
		}
		MeetingLifecycle.TABLE.next(state, action);
	}

	/**
	 * DECIDE: a held meeting gives a task an owner and a due date, not before the day it was held; registers
	 * {@link DecisionTaken}, which makes it a project of the community's lists.
	 */
	DecisionTaken decide(UUID decisionId, String text, RefKind ownerKind, UUID ownerId, String ownerName,
			LocalDate dueOn, UUID by, Instant at, ZoneId zone) {
		MeetingLifecycle.TABLE.next(state, MeetingAction.DECIDE);
		if (dueOn.isBefore(LocalDate.ofInstant(heldAt, zone))) {
			throw DomainException.invalid(List.of(new FieldProblem("dueOn", "meeting.dueBeforeMeeting")));
		}
		return register(new DecisionTaken(decisionId, id, communityId, DataScope.districtOf(communityPath), text,
				ownerKind, ownerId, ownerName, dueOn, by, at, communityPath, title));
	}

	private void touch(Instant at) {
		updatedAt = at;
		moved = true;
	}

	public JointMeeting view() {
		return new JointMeeting(id, communityId, communityPath, kind, title, scheduledAt, place, state, heldAt, minutes,
				cancelReason, createdBy, createdAt, updatedAt);
	}

	public UUID id() {
		return id;
	}

	public MeetingState state() {
		return state;
	}

	/** Whether the meeting's own row has to be written (see {@link #moved}). */
	public boolean moved() {
		return moved;
	}

	/** After a save: the next step starts from a clean slate. */
	public void stored() {
		moved = false;
	}
}

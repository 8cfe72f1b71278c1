package org.zhizhi.party;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.zhizhi.party.BranchMeetingEvent.MeetingCancelled;
import org.zhizhi.party.BranchMeetingEvent.MeetingHeld;
import org.zhizhi.party.BranchMeetingEvent.MemberAttended;
import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * A meeting of a party organisation's organisational life (三会一课, 主题党日): scheduled with its topic, time and place;
 * members sign in on their phones while it runs, the secretary records who came and who was absent and why; held with
 * its minutes, or cancelled. Each step asks {@link BranchMeetingLifecycle}; attendance is a row per member whose key
 * decides two sign-ins at once, and a member present registers {@link MemberAttended}, which earns his points.
 */
public final class BranchMeeting extends AggregateRoot<BranchMeetingEvent> {

	/** A member may sign in from an hour before the start, as people arrive early and queue at the sheet. */
	static final Duration SIGN_IN_OPENS = Duration.ofHours(1);

	/** … to four hours after it: a 主题党日 with a service activity runs through the morning. */
	static final Duration SIGN_IN_CLOSES = Duration.ofHours(4);

	private final UUID id;

	private final UUID orgId;

	private final String orgName;

	private final MeetingKind kind;

	private final String topic;

	private final String place;

	private final Instant startsAt;

	private MeetingState state;

	private String minutes;

	private Instant heldAt;

	private String cancelReason;

	public BranchMeeting(UUID id, UUID orgId, String orgName, MeetingKind kind, String topic, String place,
			Instant startsAt, MeetingState state, String minutes, Instant heldAt, String cancelReason, int version) {
		super(version);
		this.id = id;
		this.orgId = orgId;
		this.orgName = orgName;
		this.kind = kind;
		this.topic = topic;
		this.place = place;
		this.startsAt = startsAt;
		this.state = state;
		this.minutes = minutes;
		this.heldAt = heldAt;
		this.cancelReason = cancelReason;
	}

	/** A new meeting of the organisation, SCHEDULED. */
	public static BranchMeeting schedule(UUID id, PartyOrg org, MeetingKind kind, String topic, String place,
			Instant startsAt) {
		return new BranchMeeting(id, org.id(), org.name(), kind, topic.strip(), place.strip(), startsAt,
				MeetingState.SCHEDULED, null, null, null, 0);
	}

	/**
	 * Whether attendance may be taken now: a member's own sign-in only while the meeting is SCHEDULED and inside its
	 * sign-in window; the secretary's record while it is scheduled or after it was held (from the paper sheet).
	 */
	public void checkAttendance(boolean self, Instant now) {
		if (self) {
			BranchMeetingLifecycle.TABLE.require(state, MeetingAction.SIGN_IN);
			if (now.isBefore(startsAt.minus(SIGN_IN_OPENS)) || now.isAfter(startsAt.plus(SIGN_IN_CLOSES))) {
				throw new DomainException(Category.CONFLICT, "SIGN_IN_CLOSED", "party.meeting.signInClosed");
			}
		}
		else {
			BranchMeetingLifecycle.TABLE.require(state, MeetingAction.RECORD_ATTENDANCE);
		}
	}

	/** The member was recorded present (his row was written just now): his attendance earns his points. */
	public void attended(UUID memberId, UUID accountId, boolean self, Instant now) {
		checkAttendance(self, now);
		register(new MemberAttended(id, orgId, kind, memberId, accountId, self, now, startsAt));
	}

	/** Held: what was discussed and decided is in its minutes. Not before it began. */
	public void hold(String meetingMinutes, UUID by, Instant now) {
		BranchMeetingLifecycle.TABLE.require(state, MeetingAction.HOLD);
		if (now.isBefore(startsAt)) {
			throw new DomainException(Category.CONFLICT, "MEETING_NOT_STARTED", "party.meeting.notStarted");
		}
		state = BranchMeetingLifecycle.TABLE.next(state, MeetingAction.HOLD);
		minutes = meetingMinutes.strip();
		heldAt = now;
		register(new MeetingHeld(id, orgId, kind, by, now));
	}

	public void cancel(String reason, UUID by, Instant now) {
		state = BranchMeetingLifecycle.TABLE.next(state, MeetingAction.CANCEL);
		cancelReason = reason.strip();
		register(new MeetingCancelled(id, orgId, kind, by, now));
	}

	public UUID id() {
		return id;
	}

	public UUID orgId() {
		return orgId;
	}

	public String orgName() {
		return orgName;
	}

	public MeetingKind kind() {
		return kind;
	}

	public String topic() {
		return topic;
	}

	public String place() {
		return place;
	}

	public Instant startsAt() {
		return startsAt;
	}

	public MeetingState state() {
		return state;
	}

	public String minutes() {
		return minutes;
	}

	public Instant heldAt() {
		return heldAt;
	}

	public String cancelReason() {
		return cancelReason;
	}
}

package org.zhizhi.volunteer;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;

/**
 * A person's part in an activity, from sign-up to approved hours. The minutes served are what lies between his
 * check-in and check-out inside the activity's own time — travel and waiting around excluded — approved by the
 * organiser and from then on locked: only an accepted correction changes them.
 */
public final class Participation extends AggregateRoot<Object> {

	private final UUID activityId;

	private final UUID personId;

	private final String personName;

	private final Instant queuedAt;

	private ParticipationState state;

	private Instant checkedInAt;

	private Double checkInLat;

	private Double checkInLng;

	private Instant checkedOutAt;

	private Double checkOutLat;

	private Double checkOutLng;

	private Integer minutes;

	private Instant approvedAt;

	private UUID approvedBy;

	private String approvedByName;

	public Participation(UUID activityId, UUID personId, String personName, Instant queuedAt, ParticipationState state,
			Instant checkedInAt, Double checkInLat, Double checkInLng, Instant checkedOutAt, Double checkOutLat,
			Double checkOutLng, Integer minutes, Instant approvedAt, UUID approvedBy, String approvedByName,
			int version) {
		super(version);
		this.activityId = activityId;
		this.personId = personId;
		this.personName = personName;
		this.queuedAt = queuedAt;
		this.state = state;
		this.checkedInAt = checkedInAt;
		this.checkInLat = checkInLat;
		this.checkInLng = checkInLng;
		this.checkedOutAt = checkedOutAt;
		this.checkOutLat = checkOutLat;
		this.checkOutLng = checkOutLng;
		this.minutes = minutes;
		this.approvedAt = approvedAt;
		this.approvedBy = approvedBy;
		this.approvedByName = approvedByName;
	}

	/** Signed up while a place is left, else on the waiting list, in the order of signing up. */
	public static Participation signUp(UUID activityId, UUID personId, String personName, boolean placeLeft,
			Instant at) {
		return new Participation(activityId, personId, personName, at,
				placeLeft ? ParticipationState.SIGNED_UP : ParticipationState.WAITING, null, null, null, null, null,
				null, null, null, null, null, 0);
	}

	public void cancel() {
		state = ParticipationLifecycle.TABLE.next(state, ParticipationAction.CANCEL);
	}

	/** A place freed: the first one waiting moves up. */
	public void promote() {
		state = ParticipationLifecycle.TABLE.next(state, ParticipationAction.PROMOTE);
	}

	public void checkIn(Instant at, double lat, double lng) {
		state = ParticipationLifecycle.TABLE.next(state, ParticipationAction.CHECK_IN);
		checkedInAt = at;
		checkInLat = lat;
		checkInLng = lng;
	}

	public void checkOut(Instant at, double lat, double lng) {
		state = ParticipationLifecycle.TABLE.next(state, ParticipationAction.CHECK_OUT);
		checkedOutAt = at;
		checkOutLat = lat;
		checkOutLng = lng;
	}

	/** The organiser approves the minutes served within the activity's time; from now on they are locked. */
	public void approve(Activity activity, UUID by, String byName, Instant at) {
		state = ParticipationLifecycle.TABLE.next(state, ParticipationAction.APPROVE);
		minutes = served(checkedInAt, checkedOutAt, activity.startsAt(), activity.endsAt());
		approvedAt = at;
		approvedBy = by;
		approvedByName = byName;
		register(new HoursApproved(activityId, personId, personName, minutes, activity.teamId(), activity.scopePath(),
				at));
	}

	public void markAbsent() {
		state = ParticipationLifecycle.TABLE.next(state, ParticipationAction.MARK_ABSENT);
	}

	/** An accepted correction: the approved minutes become these, and the points module hears by how much. */
	public void correct(Activity activity, UUID correctionId, int corrected, Instant at) {
		ParticipationLifecycle.TABLE.next(state, ParticipationAction.CORRECT);
		int before = minutes;
		minutes = corrected;
		register(new HoursCorrected(activityId, personId, personName, before, corrected, activity.teamId(),
				activity.scopePath(), at, correctionId));
	}

	/** The minutes between check-in and check-out that fall inside the activity's own time, never below zero. */
	static int served(Instant in, Instant out, Instant start, Instant end) {
		Instant from = in.isBefore(start) ? start : in;
		Instant until = out.isAfter(end) ? end : out;
		return until.isAfter(from) ? (int) Duration.between(from, until).toMinutes() : 0;
	}

	public void check(ParticipationAction action) {
		ParticipationLifecycle.TABLE.require(state, action);
	}

	public UUID activityId() {
		return activityId;
	}

	public UUID personId() {
		return personId;
	}

	public String personName() {
		return personName;
	}

	public Instant queuedAt() {
		return queuedAt;
	}

	public ParticipationState state() {
		return state;
	}

	public Instant checkedInAt() {
		return checkedInAt;
	}

	public Double checkInLat() {
		return checkInLat;
	}

	public Double checkInLng() {
		return checkInLng;
	}

	public Instant checkedOutAt() {
		return checkedOutAt;
	}

	public Double checkOutLat() {
		return checkOutLat;
	}

	public Double checkOutLng() {
		return checkOutLng;
	}

	public Integer minutes() {
		return minutes;
	}

	public Instant approvedAt() {
		return approvedAt;
	}

	public UUID approvedBy() {
		return approvedBy;
	}

	public String approvedByName() {
		return approvedByName;
	}
}

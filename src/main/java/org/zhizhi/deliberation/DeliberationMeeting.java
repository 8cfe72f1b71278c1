package org.zhizhi.deliberation;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;

/**
 * A deliberation meeting (逢四说事, 院坝会, 居民代表议事协商会议 …) of an estate or a community: scheduled by its
 * series' rhythm or by the desk, its agenda built from topics, attendees signing in, held with its minutes or
 * cancelled. Each step asks {@link DeliberationMeetingLifecycle}; agenda items and attendees are rows of their own, whose keys
 * decide a topic added twice or a household signing in twice.
 */
public final class DeliberationMeeting extends AggregateRoot<DeliberationMeetingEvent> {

	private final UUID id;
	private final UUID seriesId;
	private final MeetingFormat format;
	private final Topic.Place place;
	private final String title;
	private final String signInCode;
	private String location;
	private Instant scheduledAt;
	private DeliberationMeetingState state;
	private String minutes;
	private Instant heldAt;
	private String heldByName;
	private String cancelReason;
	private Instant updatedAt;

	public DeliberationMeeting(UUID id, UUID seriesId, MeetingFormat format, Topic.Place place, String title,
			String signInCode, String location, Instant scheduledAt, DeliberationMeetingState state, String minutes,
			Instant heldAt, String heldByName, String cancelReason, Instant updatedAt, int version) {
		super(version);
		this.id = id;
		this.seriesId = seriesId;
		this.format = format;
		this.place = place;
		this.title = title;
		this.signInCode = signInCode;
		this.location = location;
		this.scheduledAt = scheduledAt;
		this.state = state;
		this.minutes = minutes;
		this.heldAt = heldAt;
		this.heldByName = heldByName;
		this.cancelReason = cancelReason;
		this.updatedAt = updatedAt;
	}

	/** A new meeting, SCHEDULED, with the code attendees sign in with on their phones. */
	public static DeliberationMeeting schedule(UUID id, UUID seriesId, MeetingFormat format, Topic.Place place,
			String title, String location, Instant at, String signInCode, UUID by, String byName, Instant now) {
		DeliberationMeeting meeting = new DeliberationMeeting(id, seriesId, format, place, title, signInCode, location,
				at, DeliberationMeetingState.SCHEDULED, null, null, null, null, now, 0);
		meeting.register(new DeliberationMeetingEvent(id, place.districtId(), DeliberationMeetingAction.SCHEDULE, DeliberationMeetingState.SCHEDULED, by,
				byName, now, title));
		return meeting;
	}

	public void check(DeliberationMeetingAction action) {
		DeliberationMeetingLifecycle.TABLE.require(state, action);
	}

	/** A step that adds a row (an agenda item, an attendee) and changes nothing here. */
	public void told(DeliberationMeetingAction action, UUID by, String byName, Instant now, String note) {
		check(action);
		register(new DeliberationMeetingEvent(id, place.districtId(), action, state, by, byName, now, note));
	}

	public void reschedule(Instant at, String newLocation, UUID by, String byName, Instant now) {
		check(DeliberationMeetingAction.RESCHEDULE);
		scheduledAt = at;
		location = newLocation;
		updatedAt = now;
		register(new DeliberationMeetingEvent(id, place.districtId(), DeliberationMeetingAction.RESCHEDULE, state, by, byName, now, null));
	}

	/** Held: what was said and decided is in its minutes. */
	public void hold(String meetingMinutes, UUID by, String byName, Instant now) {
		state = DeliberationMeetingLifecycle.TABLE.next(state, DeliberationMeetingAction.HOLD);
		minutes = meetingMinutes.strip();
		heldAt = now;
		heldByName = byName;
		updatedAt = now;
		register(new DeliberationMeetingEvent(id, place.districtId(), DeliberationMeetingAction.HOLD, state, by, byName, now, null));
	}

	public void cancel(String reason, UUID by, String byName, Instant now) {
		state = DeliberationMeetingLifecycle.TABLE.next(state, DeliberationMeetingAction.CANCEL);
		cancelReason = reason.strip();
		updatedAt = now;
		register(new DeliberationMeetingEvent(id, place.districtId(), DeliberationMeetingAction.CANCEL, state, by, byName, now, reason));
	}

	public UUID id() {
		return id;
	}

	public UUID seriesId() {
		return seriesId;
	}

	public MeetingFormat format() {
		return format;
	}

	public Topic.Place place() {
		return place;
	}

	public String title() {
		return title;
	}

	public String signInCode() {
		return signInCode;
	}

	public String location() {
		return location;
	}

	public Instant scheduledAt() {
		return scheduledAt;
	}

	public DeliberationMeetingState state() {
		return state;
	}

	public String minutes() {
		return minutes;
	}

	public Instant heldAt() {
		return heldAt;
	}

	public String heldByName() {
		return heldByName;
	}

	public String cancelReason() {
		return cancelReason;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}

package org.zhizhi.partnership.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What readers of joint meetings and activities see. */
public final class MeetingViews {

	private MeetingViews() {
	}

	public enum RefKind {
		/**
		 * A partner unit of the community (refId: its id, checked, held by a foreign key), or by name only (no refId)
		 * the community itself or a unit that is none of its partners.
		 */
		UNIT,
		/** An account of the platform or a named guest. */
		PERSON
	}

	public enum AgendaKind {
		TEXT, LIST_ITEM, INCIDENT
	}

	public record JointMeeting(UUID id, UUID communityId, String communityPath, MeetingKind kind, String title,
			Instant scheduledAt, String place, MeetingState state, Instant heldAt, String minutes, String cancelReason,
			UUID createdBy, Instant createdAt, Instant updatedAt) {
	}

	public record AgendaItem(UUID id, int position, AgendaKind kind, UUID refId, String title, String note) {
	}

	public record Attendee(UUID id, RefKind kind, UUID refId, String name, boolean present) {
	}

	/** A decision of a meeting and the task it became: who owns it and by when it is to be done. */
	public record Decision(UUID id, UUID meetingId, String text, RefKind ownerKind, UUID ownerId, String ownerName,
			LocalDate dueOn, Instant doneAt, Instant createdAt) {

		public boolean overdue(LocalDate today) {
			return doneAt == null && today.isAfter(dueOn);
		}
	}

	public record Step(MeetingAction action, MeetingState fromState, MeetingState toState, String actorName,
			Instant at, String note) {
	}

	public record MeetingDetail(JointMeeting meeting, String communityName, List<AgendaItem> agenda,
			List<Attendee> attendees, List<Decision> decisions, List<Step> steps) {
	}

	/** One community's year: its meetings in date order and whether it is behind the quota. */
	public record YearOverview(UUID communityId, String communityName, MeetingQuota quota,
			List<JointMeeting> meetings) {

		public boolean behind() {
			return quota.behind();
		}
	}

	/** An open incident of the community that may go on an agenda. */
	public record OpenIncident(UUID id, String title, String state, Instant reportedAt) {
	}

	public record JointActivity(UUID id, UUID communityId, ActivityKind kind, String title, LocalDate heldOn,
			String place, String summary, int headcount, List<Participant> participants, Instant createdAt) {
	}

	public record Participant(RefKind kind, UUID refId, String name) {
	}
}

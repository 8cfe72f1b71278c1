package org.zhizhi.partnership.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhizhi.partnership.meeting.MeetingViews.AgendaKind;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;

/** The commands on joint meetings and activities, as the API and the pages send them. Every field may be missing. */
public final class MeetingCommands {

	private MeetingCommands() {
	}

	/** @param communityId optional for community staff (their own community) */
	public record ScheduleMeeting(UUID communityId, MeetingKind kind, String title, Instant scheduledAt,
			String place) {
	}

	public record Reschedule(Instant scheduledAt, String place) {
	}

	public record Cancel(String reason) {
	}

	/** @param heldAt when it took place; now if missing */
	public record Hold(Instant heldAt) {
	}

	public record Minute(String minutes) {
	}

	/**
	 * @param refId the list item or incident; none for TEXT
	 * @param title the text of a TEXT item; a LIST_ITEM or INCIDENT takes the title of what it names
	 */
	public record AddAgendaItem(AgendaKind kind, UUID refId, String title, String note) {
	}

	/** Invites (in a planned meeting) or records (in a held one) a unit or a person; present says who came. */
	public record RecordAttendance(RefKind kind, UUID refId, String name, Boolean present) {
	}

	public record TakeDecision(String text, RefKind ownerKind, UUID ownerId, String ownerName, LocalDate dueOn) {
	}

	public record NewParticipant(RefKind kind, UUID refId, String name) {
	}

	public record LogActivity(UUID communityId, ActivityKind kind, String title, LocalDate heldOn, String place,
			String summary, Integer headcount, List<NewParticipant> participants) {
	}
}

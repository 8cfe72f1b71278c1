package org.zhizhi.partnership.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.zhizhi.partnership.meeting.MeetingViews.AgendaKind;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.shared.HasText;
import org.zhizhi.shared.PlausibleDate;

/**
 * The commands on joint meetings and activities, as the API and the pages send them. Every field may be missing; the
 * meeting commands' shape — what is required, how long text may be — is on their components (Bean Validation, checked
 * by {@code shared.CommandShape}), the rules that depend on the meeting or on other data stay with {@link Meeting} and
 * {@link JointMeetings}.
 */
public final class MeetingCommands {

	static final String REQUIRED = "{validation.required}";

	/** The message names the bound: "不能超过 {0} 个字". */
	static final String TOO_LONG = "{meeting.tooLong}";

	static final int MAX_TITLE = 200;

	static final int MAX_NAME = 100;

	static final int MAX_NOTE = 2000;

	static final int MAX_MINUTES = 20_000;

	private MeetingCommands() {
	}

	/** @param communityId optional for community staff (their own community) */
	public record ScheduleMeeting(UUID communityId, @NotNull(message = REQUIRED) MeetingKind kind,
			@Size(max = MAX_TITLE, message = TOO_LONG) String title, @NotNull(message = REQUIRED) @PlausibleDate Instant scheduledAt,
			@Size(max = MAX_TITLE, message = TOO_LONG) String place) {
	}

	/** @param place a new place; the old one stays if missing */
	public record Reschedule(@NotNull(message = REQUIRED) @PlausibleDate Instant scheduledAt,
			@Size(max = MAX_TITLE, message = TOO_LONG) String place) {
	}

	public record Cancel(@HasText(message = REQUIRED) @Size(max = MAX_NOTE, message = TOO_LONG) String reason) {
	}

	/** @param heldAt when it took place; now if missing */
	public record Hold(@PlausibleDate Instant heldAt) {
	}

	public record Minute(
			@HasText(message = REQUIRED) @Size(max = MAX_MINUTES, message = TOO_LONG) String minutes) {
	}

	/**
	 * @param refId the list item or incident; none for TEXT
	 * @param title the text of a TEXT item; a LIST_ITEM or INCIDENT takes the title of what it names
	 */
	public record AddAgendaItem(AgendaKind kind, UUID refId, @Size(max = MAX_TITLE, message = TOO_LONG) String title,
			@Size(max = MAX_NOTE, message = TOO_LONG) String note) {
	}

	/** Invites (in a planned meeting) or records (in a held one) a unit or a person; present says who came. */
	public record RecordAttendance(@NotNull(message = REQUIRED) RefKind kind, UUID refId,
			@Size(max = MAX_NAME, message = TOO_LONG) String name, Boolean present) {
	}

	/** The owner is a unit or person by id (his name then taken from it) or by {@code ownerName} alone. */
	public record TakeDecision(@HasText(message = REQUIRED) @Size(max = MAX_NOTE, message = TOO_LONG) String text,
			@NotNull(message = REQUIRED) RefKind ownerKind, UUID ownerId,
			@Size(max = MAX_NAME, message = TOO_LONG) String ownerName, @NotNull(message = REQUIRED) LocalDate dueOn) {
	}

	public record NewParticipant(RefKind kind, UUID refId, String name) {
	}

	public record LogActivity(UUID communityId, ActivityKind kind, String title, LocalDate heldOn, String place,
			String summary, Integer headcount, List<NewParticipant> participants) {
	}
}

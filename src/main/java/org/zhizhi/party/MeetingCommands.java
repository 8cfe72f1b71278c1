package org.zhizhi.party;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/** The shapes of the branch meetings' commands. */
public final class MeetingCommands {

	static final String REQUIRED = "{validation.required}";

	static final String LENGTH = "{party.length}";

	private MeetingCommands() {
	}

	/** A meeting of an organisation: its kind, topic, place and time. */
	public record ScheduleMeeting(@NotNull(message = REQUIRED) UUID orgId, @NotNull(message = REQUIRED) MeetingKind kind,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 100, message = LENGTH) String topic,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 100, message = LENGTH) String place,
			@NotNull(message = REQUIRED) @PlausibleDate(yearsBack = 1, yearsAhead = 1) Instant startsAt) {
	}

	/** The secretary's record of one member: present, or absent with the reason he gave (请假). */
	public record RecordAttendance(@NotNull(message = REQUIRED) UUID memberId,
			@NotNull(message = REQUIRED) Boolean present,
			@TextLength(min = 0, max = 200, message = LENGTH) String absenceReason) {
	}

	/** Held, with its minutes: what was discussed and decided. */
	public record HoldMeeting(
			@HasText(message = REQUIRED) @TextLength(min = 10, max = 5000, message = LENGTH) String minutes) {
	}

	/** Cancelled, with the reason. */
	public record CancelMeeting(
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 200, message = LENGTH) String reason) {
	}
}

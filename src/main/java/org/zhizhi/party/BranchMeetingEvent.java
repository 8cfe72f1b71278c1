package org.zhizhi.party;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a branch meeting, past tense. {@link MemberAttended} is heard by the points module (党员积分 for
 * attending); the others say what the meeting's own pages show.
 */
public sealed interface BranchMeetingEvent {

	UUID meetingId();

	Instant at();

	/**
	 * A member was present at a meeting: signed in himself or recorded by the secretary ({@code at}: when). Once per
	 * member and meeting. {@code meetingStartsAt} is the day of the deed, which a sheet recorded later still names.
	 */
	record MemberAttended(UUID meetingId, UUID orgId, MeetingKind kind, UUID memberId, UUID accountId,
			boolean signedInSelf, Instant at, Instant meetingStartsAt) implements BranchMeetingEvent {
	}

	record MeetingHeld(UUID meetingId, UUID orgId, MeetingKind kind, UUID by, Instant at) implements BranchMeetingEvent {
	}

	record MeetingCancelled(UUID meetingId, UUID orgId, MeetingKind kind, UUID by, Instant at)
			implements BranchMeetingEvent {
	}
}

package org.zhizhi.deliberation;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a deliberation meeting, registered by {@link DeliberationMeeting} and published by its repository
 * after the step is stored: scheduled, rescheduled, a topic on the agenda, someone signed in, held, cancelled.
 */
public record DeliberationMeetingEvent(UUID meetingId, UUID districtId, DeliberationMeetingAction action, DeliberationMeetingState state, UUID by,
		String byName, Instant at, String note) {
}

package org.zhizhi.deliberation;

import java.time.Instant;
import java.util.UUID;

/** A topic on a meeting's agenda, with where it stands now. */
public record MeetingAgendaItem(UUID topicId, String title, String state, Instant addedAt) {
}

package org.zhizhi.deliberation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/**
 * A meeting of a format for an estate or a community: one on a date, or — {@code monthly} — a series that schedules
 * each month's meeting by itself on {@code dayOfMonth} (the format's own day by default, moved off weekends).
 */
public record ScheduleMeeting(@NotNull(message = TopicInput.REQUIRED) MeetingFormat format,
		@NotNull(message = TopicInput.REQUIRED) PlaceKind placeKind, @NotNull(message = TopicInput.REQUIRED) UUID placeId,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 2, max = 60, message = TopicInput.LENGTH) String title,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 2, max = 100,
				message = TopicInput.LENGTH) String location,
		@PlausibleDate LocalDate date, @NotNull(message = TopicInput.REQUIRED) LocalTime time, boolean monthly,
		@Min(value = 1, message = "{deliberation.meeting.dayRange}") @Max(value = 31,
				message = "{deliberation.meeting.dayRange}") Integer dayOfMonth) {
}

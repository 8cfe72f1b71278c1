package org.zhizhi.volunteer;

import java.time.Instant;
import java.util.UUID;

/**
 * A volunteer's approved minutes changed by a correction the organiser accepted — published for the points module to
 * pay the difference in full hours (or take it back), once per correction ({@code correctionId}). {@code scopePath}
 * is where the activity took place.
 */
public record HoursCorrected(UUID activityId, UUID personId, String personName, int fromMinutes, int toMinutes,
		UUID teamId, String scopePath, Instant at, UUID correctionId) {
}

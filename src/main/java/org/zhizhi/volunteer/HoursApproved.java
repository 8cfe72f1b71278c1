package org.zhizhi.volunteer;

import java.time.Instant;
import java.util.UUID;

/**
 * A volunteer's service hours approved by the organiser — published for the points module to pay the hours' points,
 * once per activity and person. {@code scopePath} is where the activity took place.
 */
public record HoursApproved(UUID activityId, UUID personId, String personName, int minutes, UUID teamId,
		String scopePath, Instant at) {
}

package org.zhizhi.volunteer;

import java.time.Instant;
import java.util.UUID;

/** One person serving on the spot now: checked in at an activity that has not ended, and where. */
public record VolunteerOnSite(UUID personId, String personName, UUID activityId, String activityTitle,
		String teamName, String place, Instant checkedInAt, Instant endsAt) {
}

package org.zhizhi.volunteer;

import java.time.Instant;
import java.util.UUID;

/**
 * A volunteer activity: what, where (a position the check-in is measured against), when, how many places, who
 * organises it (he shows the rotating code on the spot and approves the hours).
 */
public record Activity(UUID id, UUID teamId, String teamName, String scopePath, UUID districtId, String title,
		String description, String place, double lat, double lng, Instant startsAt, Instant endsAt, int slots,
		UUID organiserId, String organiserName, ActivityState state, Instant createdAt) {
}

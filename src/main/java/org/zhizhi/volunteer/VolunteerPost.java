package org.zhizhi.volunteer;

import java.time.Instant;
import java.util.UUID;

/** A post of a place held by a person, with his duty schedule as he and the place agreed it. */
public record VolunteerPost(UUID id, UUID orgUnitId, String orgUnitName, String scopePath, PostKind kind,
		UUID holderId, String holderName, String duty, Instant claimedAt, Instant releasedAt) {
}

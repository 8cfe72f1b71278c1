package org.zhizhi.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * One incident as readers see it. The check-in distance is that of the latest check-in; the flag stays set once any
 * check-in lay beyond the radius.
 */
public record Incident(UUID id, Channel channel, String categoryCode, String description, double lat, double lng,
		UUID gridId, UUID microGridId, String scopePath, UUID districtId, IncidentState state, Triage triage,
		WhistleType whistleType, RejectReason rejectReason, UUID claimedBy, UUID reporterId, Instant reportedAt,
		Instant updatedAt, Double checkInDistanceM, boolean checkInFlagged, Rating rating, String ratingComment) {
}

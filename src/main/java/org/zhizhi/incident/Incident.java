package org.zhizhi.incident;

import java.time.Instant;
import java.util.UUID;

/** One incident as readers see it. */
public record Incident(UUID id, Channel channel, String categoryCode, String description, double lat, double lng,
		UUID gridId, UUID microGridId, String scopePath, UUID districtId, IncidentState state, Triage triage,
		WhistleType whistleType, RejectReason rejectReason, UUID claimedBy, UUID reporterId, Instant reportedAt,
		Instant updatedAt) {
}

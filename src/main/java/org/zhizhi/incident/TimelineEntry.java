package org.zhizhi.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step of an incident: who, in which role, when, where, what, with which photos. Never changed once written. A
 * check-in also carries its distance to the incident in metres and whether it lay beyond the check-in radius
 * (flagged).
 */
public record TimelineEntry(UUID id, UUID incidentId, Instant occurredAt, UUID actorId, String actorName,
		String actorRole, IncidentAction action, IncidentState fromState, IncidentState toState, Double lat, Double lng,
		String detail, Double distanceM, boolean flagged, List<UUID> photoIds) {

	public TimelineEntry {
		photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
	}

	public TimelineEntry(UUID id, UUID incidentId, Instant occurredAt, UUID actorId, String actorName,
			String actorRole, IncidentAction action, IncidentState fromState, IncidentState toState, Double lat,
			Double lng, String detail) {
		this(id, incidentId, occurredAt, actorId, actorName, actorRole, action, fromState, toState, lat, lng, detail,
				null, false, List.of());
	}
}

package org.zhizhi.incident;

import java.time.Instant;
import java.util.UUID;

/** One step of an incident: who, in which role, when, where, what. Never changed once written. */
public record TimelineEntry(UUID id, UUID incidentId, Instant occurredAt, UUID actorId, String actorName,
		String actorRole, IncidentAction action, IncidentState fromState, IncidentState toState, Double lat, Double lng,
		String detail) {
}

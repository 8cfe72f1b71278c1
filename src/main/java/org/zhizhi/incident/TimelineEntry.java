package org.zhizhi.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step of an incident: who, in which role, when, where, what, with which photos. Never changed once written. A
 * check-in also carries its distance to the incident in metres and whether it lay beyond the check-in radius
 * (flagged). {@code note} is what the person wrote, {@code payload} the choices the step made, typed; {@code detail} is
 * the two in the text format of the first API version (entries written before the payload have only that).
 */
public record TimelineEntry(UUID id, UUID incidentId, Instant occurredAt, UUID actorId, String actorName,
		String actorRole, IncidentAction action, IncidentState fromState, IncidentState toState, Double lat, Double lng,
		String detail, Double distanceM, boolean flagged, List<UUID> photoIds, String note, TimelineDetail payload) {

	public TimelineEntry {
		photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
	}

	/** An entry of a step: its detail text is written from the note and the payload. */
	public static TimelineEntry of(UUID id, UUID incidentId, Instant occurredAt, UUID actorId, String actorName,
			String actorRole, IncidentAction action, IncidentState fromState, IncidentState toState, Double lat,
			Double lng, String note, TimelineDetail payload, Double distanceM, boolean flagged, List<UUID> photoIds) {
		return new TimelineEntry(id, incidentId, occurredAt, actorId, actorName, actorRole, action, fromState, toState,
				lat, lng, payload == null ? note : payload.legacy(note), distanceM, flagged, photoIds, note, payload);
	}

	/** The same entry without the person who took it (an anonymous reporter's own steps, seen by others). */
	public TimelineEntry withoutActor() {
		return new TimelineEntry(id, incidentId, occurredAt, null, null, actorRole, action, fromState, toState, lat, lng,
				detail, distanceM, flagged, photoIds, note, payload);
	}
}

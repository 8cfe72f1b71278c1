package org.zhizhi.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * Published, inside the step's own transaction, after every step of an incident has been written: listeners that keep
 * figures (KPI rollups) or tell people (inbox) see exactly the steps that commit, and nothing of the ones that do not.
 * {@code from} is null for the report itself.
 */
public record IncidentStepped(UUID incidentId, IncidentAction action, IncidentState from, IncidentState to,
		Instant at, UUID actorId) {
}

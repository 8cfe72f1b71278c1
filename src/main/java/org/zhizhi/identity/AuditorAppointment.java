package org.zhizhi.identity;

import java.time.Instant;
import java.util.UUID;

/** A proposed auditor waiting for a second administrator to confirm him; never carries the password hash. */
public record AuditorAppointment(UUID id, String username, String displayName, UUID orgUnitId, String scopePath,
		UUID appointedBy, String appointedByName, Instant appointedAt) {
}

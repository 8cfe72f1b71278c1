package org.zhizhi.property;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A mediation session ({@code SESSION}) or a follow-up of the agreement ({@code FOLLOW_UP}) as it was recorded. */
public record DisputeStep(UUID id, UUID disputeId, String kind, LocalDate heldOn, String present, String note,
		UUID byId, String byName, Instant at) {
}

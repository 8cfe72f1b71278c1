package org.zhizhi.servicepoint;

import java.time.Instant;
import java.util.UUID;

/** A step of an errand's history as it was recorded. */
public record ErrandStep(UUID id, UUID errandId, ErrandAction action, ErrandState state, Instant at, UUID byId,
		String byName, String note) {
}

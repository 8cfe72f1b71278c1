package org.zhizhi.servicepoint;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to an errand, published after its versioned save: small records of ids and instants, for whoever
 * follows errands (a runner's points, the notices). {@code scopePath} is the resident's grid.
 */
public sealed interface ErrandEvent {

	UUID errandId();

	Instant at();

	record ErrandAssigned(UUID errandId, UUID runnerId, String scopePath, Instant at) implements ErrandEvent {
	}

	record ErrandDone(UUID errandId, UUID runnerId, String scopePath, Instant at) implements ErrandEvent {
	}

	record ErrandConfirmed(UUID errandId, UUID runnerId, String scopePath, Instant at) implements ErrandEvent {
	}
}

package org.zhizhi.command;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to an alert, published after its save: small records of ids, enums and instants, for whoever follows
 * the sentinel (a webhook feed, the big screen). {@code scopePath} is where the subject lies.
 */
public sealed interface AlertEvent {

	UUID alertId();

	Instant at();

	record AlertRaised(UUID alertId, RuleKind kind, SubjectKind subjectKind, UUID subjectId, String scopePath,
			Instant at) implements AlertEvent {
	}

	record AlertAcknowledged(UUID alertId, UUID by, String scopePath, Instant at) implements AlertEvent {
	}

	record AlertAssigned(UUID alertId, UUID ownerId, String scopePath, Instant at) implements AlertEvent {
	}

	record AlertHandled(UUID alertId, UUID by, String scopePath, Instant at) implements AlertEvent {
	}

	record AlertClosed(UUID alertId, AlertOutcome outcome, String scopePath, Instant at) implements AlertEvent {
	}
}

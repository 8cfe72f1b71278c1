package org.zhizhi.command;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to an emergency whistle, published after its save: for the screen's live feed and the city platform's
 * feed. {@code scopePath} is the node that covers the whole area.
 */
public sealed interface EmergencyEvent {

	UUID whistleId();

	String scopePath();

	Instant at();

	record EmergencyWhistleBlown(UUID whistleId, EmergencyKind kind, String title, int called, String scopePath,
			Instant at) implements EmergencyEvent {
	}

	record EmergencyAnswered(UUID whistleId, UUID accountId, AnswerState answer, String scopePath, Instant at)
			implements EmergencyEvent {
	}

	record EmergencyStoodDown(UUID whistleId, String scopePath, Instant at) implements EmergencyEvent {
	}
}

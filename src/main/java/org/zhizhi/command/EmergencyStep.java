package org.zhizhi.command;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an emergency whistle's history: blown, each answer, stood down — who, when, and what he said.
 * {@code action} is BLOW, STAND_DOWN or an {@link AnswerAction}'s name.
 */
public record EmergencyStep(UUID id, UUID whistleId, String action, Instant at, UUID actorId, String actorName,
		String note) {
}

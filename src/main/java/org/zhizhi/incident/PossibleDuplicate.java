package org.zhizhi.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * An open incident near the spot a reporter is about to report, of the same category: perhaps the same thing. The
 * description is cut short (the full one is on the incident); the distance is from the reporter's position.
 */
public record PossibleDuplicate(UUID id, String categoryCode, String categoryName, String description,
		double distanceM, Instant reportedAt, IncidentState state, int followers) {
}

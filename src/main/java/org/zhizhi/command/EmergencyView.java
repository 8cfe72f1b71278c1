package org.zhizhi.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An emergency whistle as the caller sees it: what, where, whom it called, how many stand where, and what the caller
 * may do now — the leader's stand-down, or his own answers if he was called ({@code myAnswer} null otherwise);
 * {@code drawnArea} the polygon drawn for it (GeoJSON), null when its grids were ticked.
 */
public record EmergencyView(UUID id, EmergencyKind kind, String title, String details,
		List<EmergencyWhistle.AreaGrid> area, Set<EmergencyForce> forces, UUID incidentId, String blownByName,
		Instant blownAt, EmergencyState state, Instant stoodDownAt, String summary, Map<AnswerState, Integer> counts,
		Set<EmergencyAction> allowedActions, AnswerState myAnswer, Set<AnswerAction> allowedAnswers,
		String drawnArea) {

	public int called() {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	public int count(AnswerState state) {
		return counts.getOrDefault(state, 0);
	}
}

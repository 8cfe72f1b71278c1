package org.zhizhi.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An entry of a virtue bank's 道德红黑榜: a person held up as an example (红榜) or named for what harmed the place
 * (黑榜) — the latter only by a recorded decision and only until its expiry.
 */
public record Honour(UUID id, UUID schemeId, HonourBoard board, UUID personId, String personName, String reason,
		String decision, LocalDate expiresOn, UUID decidedBy, String decidedByName, Instant decidedAt) {

	/** Whether it is shown on the day: a red entry always, a black one until its expiry. */
	public boolean standsOn(LocalDate day) {
		return board == HonourBoard.RED || (expiresOn != null && !day.isAfter(expiresOn));
	}
}

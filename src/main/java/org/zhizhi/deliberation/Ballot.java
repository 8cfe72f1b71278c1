package org.zhizhi.deliberation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A household's vote as the vote desk lists it: the household's dwelling, its vote if any, how it was cast. */
public record Ballot(UUID householdId, String dwellingLabel, boolean owner, BigDecimal areaM2, VoteChoice choice,
		String channel, Instant castAt) {
}

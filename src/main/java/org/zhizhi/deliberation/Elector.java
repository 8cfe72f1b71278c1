package org.zhizhi.deliberation;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A household concerned by a topic: its dwelling, whether it owns it and the floor area — frozen as a vote's
 * electorate when the vote opens.
 */
public record Elector(UUID householdId, String dwellingLabel, boolean owner, BigDecimal areaM2) {
}

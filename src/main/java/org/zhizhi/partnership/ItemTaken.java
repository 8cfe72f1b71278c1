package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A claim took {@code amount} of the item; {@code claimed} is how much is pledged now (FULLY_CLAIMED when all). */
public record ItemTaken(UUID itemId, UUID communityId, ItemStatus from, ItemStatus to, BigDecimal amount,
		BigDecimal claimed, UUID by, Instant at) implements ItemEvent {
}

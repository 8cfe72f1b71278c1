package org.zhizhi.partnership;

import java.time.Instant;
import java.util.UUID;

/** Every pledge on the fully claimed item was accepted: the item is done (the acceptance of its last pledge did it). */
public record ItemCompleted(UUID itemId, UUID communityId, ItemStatus from, ItemStatus to, Instant at)
		implements ItemEvent {
}

package org.zhizhi.partnership;

import java.time.Instant;
import java.util.UUID;

/** The item was taken off the list before anybody claimed it. */
public record ItemWithdrawn(UUID itemId, UUID communityId, ItemStatus from, ItemStatus to, UUID by, Instant at)
		implements ItemEvent {
}

package org.zhizhi.partnership;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a list item, registered by {@link Item} and published by its repository after the save, inside the
 * step's transaction. Each carries the item, its community, the state before and after and when.
 */
public sealed interface ItemEvent permits ItemTaken, ItemWithdrawn, ItemCompleted {

	UUID itemId();

	UUID communityId();

	ItemStatus from();

	ItemStatus to();

	Instant at();
}

package org.zhizhi.wish;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A wish was fulfilled: who did what, when — published once, inside the fulfilment's transaction, for the points module
 * to reward each taker later.
 */
public record WishFulfilled(UUID wishId, UUID districtId, UUID communityId, String title, WishCategory category,
		List<Taker> takers, UUID fulfilledBy, Instant fulfilledAt) {

	public WishFulfilled {
		takers = List.copyOf(takers);
	}
}

package org.zhizhi.wish;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A wish was fulfilled: who did what, when — published once, inside the fulfilment's transaction, for the points module
 * to reward each taker later. {@code takers} are all of them as they stand once the wish is FULFILLED (the versioned
 * save refuses a fulfilment that a take overtook, and it is read again). Read by other modules and kept in the event
 * publication registry: the reporter's name and note stay inside the module ({@link WishFulfilmentReported}).
 */
public record WishFulfilled(UUID wishId, UUID districtId, UUID communityId, String title, WishCategory category,
		List<Taker> takers, UUID fulfilledBy, Instant fulfilledAt) implements WishEvent {

	public WishFulfilled {
		takers = List.copyOf(takers);
	}
}

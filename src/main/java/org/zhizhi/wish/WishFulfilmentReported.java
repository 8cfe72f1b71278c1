package org.zhizhi.wish;

import java.time.Instant;
import java.util.UUID;

/**
 * A taker reported the wish fulfilled, in his words: the wish's own timeline is written from it. Never leaves the
 * module — other modules hear of the fulfilment through {@link WishFulfilled}, which carries ids, not text.
 */
record WishFulfilmentReported(UUID wishId, UUID districtId, UUID by, String byName, Instant at, String note)
		implements WishEvent {
}

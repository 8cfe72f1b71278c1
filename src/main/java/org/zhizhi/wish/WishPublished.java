package org.zhizhi.wish;

import java.time.Instant;
import java.util.UUID;

/** The community put a wish on its wall (after approval, or again after it was raised). */
public record WishPublished(UUID wishId, UUID districtId, WishState from, UUID by, String byName, Instant at)
		implements WishEvent {
}

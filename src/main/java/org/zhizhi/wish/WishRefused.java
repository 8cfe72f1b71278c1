package org.zhizhi.wish;

import java.time.Instant;
import java.util.UUID;

/** The community refused a posted wish, with its reason. */
public record WishRefused(UUID wishId, UUID districtId, UUID by, String byName, Instant at, String reason)
		implements WishEvent {
}

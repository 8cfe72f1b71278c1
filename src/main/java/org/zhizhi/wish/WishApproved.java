package org.zhizhi.wish;

import java.time.Instant;
import java.util.UUID;

/** The community approved a posted wish. */
public record WishApproved(UUID wishId, UUID districtId, UUID by, String byName, Instant at) implements WishEvent {
}

package org.zhizhi.wish;

import java.time.Instant;
import java.util.UUID;

/** A resident posted a wish (or a grid worker or the community for him). */
public record WishPosted(UUID wishId, UUID districtId, UUID by, String byName, Instant at) implements WishEvent {
}

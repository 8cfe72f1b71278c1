package org.zhizhi.wish;

import java.time.Instant;
import java.util.UUID;

/** 党员接单: someone took a wish (or the community recorded a team's or unit's take); {@code taker} is who has it. */
public record WishTaken(UUID wishId, UUID districtId, WishState from, UUID by, String byName, Instant at, Taker taker)
		implements WishEvent {
}

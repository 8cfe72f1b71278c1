package org.zhizhi.wish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Nobody took a wish by its date: it went back to the community. */
public record WishRaised(UUID wishId, UUID districtId, WishState from, Instant at, LocalDate dueOn)
		implements WishEvent {
}

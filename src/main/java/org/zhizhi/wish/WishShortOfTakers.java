package org.zhizhi.wish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A wish for several takers passed its date with places left: the community is told, the takers keep it. */
public record WishShortOfTakers(UUID wishId, UUID districtId, Instant at, LocalDate dueOn, int takerCount,
		int maxTakers) implements WishEvent {
}

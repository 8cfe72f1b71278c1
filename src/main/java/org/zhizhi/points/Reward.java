package org.zhizhi.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Goods or a service a sponsor gives for {@code price} points while {@code stock} lasts, until a day, at a place. */
public record Reward(UUID id, UUID schemeId, UUID sponsorId, String sponsorName, String name, String description,
		int price, int stock, LocalDate validUntil, String place, Instant createdAt) {
}

package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a community's three lists; {@code offeredBy}/{@code offeredByName} only for resources. */
public record ListItem(UUID id, UUID communityId, String communityName, ItemKind kind, UUID offeredBy,
		String offeredByName, String title, ItemCategory category, String description, BigDecimal quantity,
		Measure measure, BigDecimal claimed, LocalDate periodStart, LocalDate periodEnd, Double lat, Double lng,
		ItemStatus status, Instant publishedAt, Instant firstClaimedAt, Instant completedAt) {

	public BigDecimal remaining() {
		return quantity.subtract(claimed);
	}
}

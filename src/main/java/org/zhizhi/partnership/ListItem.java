package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of a community's three lists; {@code offeredBy}/{@code offeredByName} only for resources. A project that a
 * joint meeting decided names its {@code decisionId} and {@code meetingId}, and the partner unit the decision made its
 * owner ({@code ownerPartnerId}/{@code ownerPartnerName}) when it named one — a reference, not a claim.
 */
public record ListItem(UUID id, UUID communityId, String communityName, ItemKind kind, UUID offeredBy,
		String offeredByName, String title, ItemCategory category, String description, BigDecimal quantity,
		Measure measure, BigDecimal claimed, LocalDate periodStart, LocalDate periodEnd, Double lat, Double lng,
		ItemStatus status, Instant publishedAt, Instant firstClaimedAt, Instant completedAt, UUID decisionId,
		UUID meetingId, UUID ownerPartnerId, String ownerPartnerName) {

	public BigDecimal remaining() {
		return quantity.subtract(claimed);
	}

	/**
	 * The status as the lists show it: an open item of which a unit pledged a part is "partly claimed", not "to be
	 * claimed" — a reader would take the latter for "nobody has answered yet".
	 */
	public String shownStatus() {
		return status == ItemStatus.OPEN && claimed.signum() > 0 ? "PARTLY_CLAIMED" : status.name();
	}
}

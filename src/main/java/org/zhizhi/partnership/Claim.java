package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A claim on a list item — the public pledge (公开承诺). {@code partnerId} is always the unit that delivers: the claimer
 * of a need or project, the offerer of a resource.
 */
public record Claim(UUID id, UUID itemId, String itemTitle, ClaimerKind claimerKind, UUID claimerId,
		String claimerName, UUID partnerId, String partnerName, BigDecimal amount, LocalDate dueOn, ClaimStatus status,
		Instant claimedAt, Instant deliveredAt, Instant acceptedAt, BigDecimal valueYuan, BigDecimal hours,
		Integer peopleServed) {

	/** The pledge without what was reported delivered (for other units, until the community accepts it). */
	public Claim withoutDelivery() {
		return new Claim(id, itemId, itemTitle, claimerKind, claimerId, claimerName, partnerId, partnerName, amount,
				dueOn, status, claimedAt, null, acceptedAt, null, null, null);
	}

	public enum ClaimerKind {
		PARTNER, COMMUNITY
	}
}

package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The deliverer reported completion with evidence and what it added up to; the community is to accept it. */
public record PledgeDelivered(UUID claimId, UUID itemId, UUID partnerId, String note, UUID evidenceId,
		BigDecimal valueYuan, BigDecimal hours, Integer peopleServed, UUID by, Instant at) implements PledgeEvent {
}

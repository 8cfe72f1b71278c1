package org.zhizhi.partnership;

import java.time.Instant;
import java.util.UUID;

/** The community accepted the delivery ({@code note}: its words, 验收通过 when it gave none). */
public record PledgeAccepted(UUID claimId, UUID itemId, UUID partnerId, String note, UUID by, Instant at)
		implements PledgeEvent {
}

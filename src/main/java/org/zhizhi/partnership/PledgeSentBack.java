package org.zhizhi.partnership;

import java.time.Instant;
import java.util.UUID;

/** The community refused the delivery for a reason: the pledge is PLEDGED again, to be delivered again. */
public record PledgeSentBack(UUID claimId, UUID itemId, UUID partnerId, String reason, UUID by, Instant at)
		implements PledgeEvent {
}

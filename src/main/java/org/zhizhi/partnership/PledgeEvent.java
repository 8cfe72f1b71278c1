package org.zhizhi.partnership;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a pledge, registered by {@link Pledge} and published by its repository after the save, inside the
 * step's transaction: {@link ClaimNotices} tells the community of a delivery and the unit of the community's answer.
 * Each carries the pledge, its item, the unit that delivers, who took the step and when.
 */
public sealed interface PledgeEvent permits PledgeMade, PledgeProgressed, PledgeDelivered, PledgeAccepted,
		PledgeSentBack {

	UUID claimId();

	UUID itemId();

	UUID partnerId();

	UUID by();

	Instant at();
}

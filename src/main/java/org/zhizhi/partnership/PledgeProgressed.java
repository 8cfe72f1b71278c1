package org.zhizhi.partnership;

import java.time.Instant;
import java.util.UUID;

/** The deliverer noted how far it has come (perhaps with a photo); the pledge stays PLEDGED. */
public record PledgeProgressed(UUID claimId, UUID itemId, UUID partnerId, String note, UUID photoId, UUID by,
		Instant at) implements PledgeEvent {
}

package org.zhizhi.wish;

import java.time.Instant;
import java.util.UUID;

/** The resident (or his grid worker or the community for him) confirmed the fulfilment, perhaps with thanks. */
public record WishConfirmed(UUID wishId, UUID districtId, UUID by, String byName, Instant at, String thanks)
		implements WishEvent {
}

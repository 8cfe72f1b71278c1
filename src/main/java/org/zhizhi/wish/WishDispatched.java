package org.zhizhi.wish;

import java.time.Instant;
import java.util.UUID;

/** 社区派单: the community dispatched a wish to a named account, or to a team or unit by name. */
public record WishDispatched(UUID wishId, UUID districtId, WishState from, UUID by, String byName, Instant at,
		DispatchKind kind, UUID accountId, String name) implements WishEvent {
}

package org.zhizhi.wish;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The community edited a wish while vetting it; {@code changed} names what it changed. */
public record WishEdited(UUID wishId, UUID districtId, WishState state, UUID by, String byName, Instant at,
		List<String> changed) implements WishEvent {

	public WishEdited {
		changed = List.copyOf(changed);
	}
}

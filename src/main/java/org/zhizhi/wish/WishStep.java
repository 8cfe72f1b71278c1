package org.zhizhi.wish;

import java.time.Instant;
import java.util.UUID;

/** One entry of a wish's insert-only timeline. */
public record WishStep(UUID id, UUID wishId, Instant at, UUID actorId, String actorName, WishAction action,
		WishState fromState, WishState toState, String note) {
}

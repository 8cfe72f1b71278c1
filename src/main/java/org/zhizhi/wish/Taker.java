package org.zhizhi.wish;

import java.time.Instant;
import java.util.UUID;

/**
 * One who took a wish. {@code takerId} is his account, or for a team or unit whose take the community recorded, an id
 * derived from its name; {@code accountId} is whoever pressed the button.
 */
public record Taker(UUID takerId, String name, TakerKind kind, UUID accountId, Instant takenAt) {
}

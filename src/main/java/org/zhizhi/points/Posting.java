package org.zhizhi.points;

import java.util.UUID;

/** One side of a movement: the account and the points it gains (positive) or gives (negative). */
public record Posting(UUID accountId, long amount) {
}

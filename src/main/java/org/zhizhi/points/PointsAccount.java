package org.zhizhi.points;

import java.time.Instant;
import java.util.UUID;

/** An account of a scheme: whose it is, where he belongs (scope), what it holds now and all it ever earned. */
public record PointsAccount(UUID id, UUID schemeId, AccountKind kind, UUID holderId, String holderName,
		String scopePath, UUID districtId, long balance, long earned, Instant openedAt) {
}

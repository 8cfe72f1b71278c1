package org.zhizhi.points;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A points scheme run by a node for its subtree: {@code yuanPerPoint} values a redeemed point for the scheme's figures;
 * earned points lapse {@code expiryMonths} after they were earned (null: never); a vetted claim stays
 * {@code noticeDays} on public notice.
 */
public record Scheme(UUID id, String code, SchemeKind kind, String name, UUID orgUnitId, String orgUnitName,
		String scopePath, UUID districtId, BigDecimal yuanPerPoint, Integer expiryMonths, int noticeDays,
		Instant createdAt) {
}

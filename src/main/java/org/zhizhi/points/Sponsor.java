package org.zhizhi.points;

import java.time.Instant;
import java.util.UUID;

/** A sponsor (爱心企业、商铺) of a scheme: its goods and services are redeemed for points; its liaison confirms them. */
public record Sponsor(UUID id, UUID schemeId, String name, String address, UUID liaisonId, Instant createdAt) {
}

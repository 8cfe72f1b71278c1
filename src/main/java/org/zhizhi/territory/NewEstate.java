package org.zhizhi.territory;

import java.util.UUID;

/** Add an estate to a community. {@code address} may be {@code null}. */
public record NewEstate(UUID communityId, String name, EstateKind kind, GovernanceMode governanceMode,
		String address) {
}

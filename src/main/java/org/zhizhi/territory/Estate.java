package org.zhizhi.territory;

import java.util.UUID;

/**
 * An estate (小区) of a community. It may span several grids; it is scoped by its community, and a user below the
 * community sees it when one of its buildings lies inside his scope.
 */
public record Estate(UUID id, UUID communityId, String name, EstateKind kind, GovernanceMode governanceMode,
		String address, String scopePath) {
}

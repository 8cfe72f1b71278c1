package org.zhizhi.territory;

import java.util.UUID;

/** Optional criteria for listing nodes; every one that is not {@code null} must match. */
public record OrgUnitFilter(String nameContains, UUID parentId, OrgLevel level) {

	public static OrgUnitFilter childrenOf(UUID parentId) {
		return new OrgUnitFilter(null, parentId, null);
	}
}

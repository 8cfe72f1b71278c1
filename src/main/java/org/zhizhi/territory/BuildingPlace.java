package org.zhizhi.territory;

import java.util.UUID;

/**
 * A building where it stands, with how many dwellings it holds and the community and grid it lies in — for
 * computations over every dwelling of a scope (the 15-minute service circle), which treat a building's dwellings as
 * sharing its position.
 */
public record BuildingPlace(UUID id, String label, double lat, double lng, int dwellings, UUID communityId,
		UUID gridId, String scopePath) {
}

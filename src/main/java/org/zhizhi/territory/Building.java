package org.zhizhi.territory;

import java.util.UUID;

/**
 * A building (楼栋) of an estate. Its grid and micro-grid are derived from its position; {@code scopePath} is that
 * micro-grid's path.
 */
public record Building(UUID id, UUID estateId, String name, Integer floors, Double lat, Double lng, UUID gridId,
		UUID microGridId, String scopePath) {
}

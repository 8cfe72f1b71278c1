package org.zhizhi.territory;

import java.util.UUID;

/**
 * Add a building to an estate at a position (WGS-84). Its grid and micro-grid are not given: they follow from the
 * position. {@code floors} may be {@code null}.
 */
public record NewBuilding(UUID estateId, String name, Integer floors, Double lat, Double lng) {
}

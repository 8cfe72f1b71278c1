package org.zhizhi.territory;

import java.util.UUID;

/** Add an entrance (单元) to a building. */
public record NewEntrance(UUID buildingId, String name) {
}

package org.zhizhi.territory;

import java.util.UUID;

/** An entrance (单元) of a building. */
public record Entrance(UUID id, UUID buildingId, String name) {
}

package org.zhizhi.territory;

import java.time.LocalDate;
import java.util.UUID;

/** A building head (楼栋长) appointment; {@code endedOn} is empty while it lasts. */
public record BuildingHead(UUID id, UUID buildingId, UUID residentId, String name, boolean red, LocalDate appointedOn,
		LocalDate endedOn) {
}

package org.zhizhi.territory;

import java.math.BigDecimal;
import java.util.UUID;

/** A dwelling (房屋) as the places pages list it; other modules use {@link DwellingRef}. */
public record Dwelling(UUID id, UUID buildingId, UUID entranceId, String entranceName, String label, Integer floor,
		BigDecimal areaM2, UUID gridId, UUID microGridId) {
}

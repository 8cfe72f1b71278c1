package org.zhizhi.territory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Add a dwelling to a building. It lies in the building's grid and, unless {@code microGridId} names another
 * micro-grid of that same grid (a high-rise's floors are often split between micro-grids of 50–80 households), in the
 * building's micro-grid. {@code entranceId}, {@code floor}, {@code areaM2} and {@code microGridId} may be {@code null}.
 */
public record NewDwelling(UUID buildingId, UUID entranceId, String label, Integer floor, BigDecimal areaM2,
		UUID microGridId) {

	public NewDwelling(UUID buildingId, UUID entranceId, String label, Integer floor) {
		this(buildingId, entranceId, label, floor, null, null);
	}
}

package org.zhizhi.territory;

import java.util.UUID;

/**
 * Where a point lies: its grid and, where the grid is cut into micro-grids, its micro-grid ({@code null} otherwise).
 */
public record GridLocation(UUID id, String name, String code, String kind, MicroGrid microGrid) {

	public record MicroGrid(UUID id, String name, String code) {
	}
}

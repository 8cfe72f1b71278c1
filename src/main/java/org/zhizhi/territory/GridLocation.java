package org.zhizhi.territory;

import java.util.UUID;

/**
 * Where a point lies: its grid and, where the grid is cut into micro-grids, its micro-grid ({@code null} otherwise).
 * The grid's materialised path and district come along, so that a report can be placed and written in its district's
 * partition without reading the tree again (issue 16: that read was the only database call on a report's request
 * thread).
 */
public record GridLocation(UUID id, String name, String code, String kind, String path, UUID districtId,
		MicroGrid microGrid) {

	public record MicroGrid(UUID id, String name, String code) {
	}
}

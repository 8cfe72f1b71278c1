package org.zhizhi.territory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Which micro-grid of a community a position lies in: point-in-polygon against the micro-grids' boundaries with JTS.
 * A point on the edge two micro-grids share belongs to the first of them in code order, so the answer never depends
 * on the order rows come back in. A community has a few dozen micro-grids, so a plain scan is enough here.
 */
final class MicroGridPlacement {

	/** A micro-grid of the community, with its grid. */
	record Cell(UUID microGridId, UUID gridId, String code, String path, Geometry boundary) {
	}

	private MicroGridPlacement() {
	}

	static Optional<Cell> locate(List<Cell> cellsInCodeOrder, double lat, double lng) {
		Point point = Boundaries.WGS84.createPoint(new Coordinate(lng, lat));
		for (Cell cell : cellsInCodeOrder) {
			if (cell.boundary().covers(point)) {
				return Optional.of(cell);
			}
		}
		return Optional.empty();
	}
}

package org.zhizhi.territory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.zhizhi.shared.DataScope;

/**
 * An immutable in-memory index of grid and micro-grid boundaries: an STR-tree over the grids' envelopes, each grid
 * holding its micro-grids, every boundary prepared (JTS {@link PreparedGeometry}) so that a point test is an indexed
 * look-up rather than a walk around the polygon. Built once, then only read — safe to share between threads.
 * <p>
 * A point on an edge that two grids share lies in both ({@code covers}): the grid with the lower code wins, and so for
 * micro-grids, so the answer never depends on the order the boundaries were loaded in. Pure JTS, no Spring; public
 * only so that the micro benchmark under {@code territory.bench} can drive it.
 */
public final class GridIndex {

	/** One grid or micro-grid as the index needs it. {@code parentId} of a micro-grid is its grid. */
	public record Cell(UUID id, UUID parentId, OrgLevel level, String name, String code, String kind, String path,
			UUID districtId, Geometry boundary) {
	}

	private record Entry(Cell cell, PreparedGeometry prepared, List<Entry> children) {
	}

	private final STRtree tree = new STRtree();

	private final int grids;

	private final int microGrids;

	/** The names of the grids and micro-grids indexed, by id. */
	private final Map<UUID, String> names = new HashMap<>();

	private GridIndex(List<Cell> cells) {
		Map<UUID, Entry> gridEntries = new HashMap<>();
		List<Cell> micro = new ArrayList<>();
		for (Cell cell : cells) {
			if (cell.boundary() == null || cell.boundary().isEmpty()) {
				continue;
			}
			if (cell.level() == OrgLevel.GRID) {
				gridEntries.put(cell.id(), new Entry(cell, prepare(cell.boundary()), new ArrayList<>()));
			}
			else if (cell.level() == OrgLevel.MICRO_GRID) {
				micro.add(cell);
			}
		}
		int placed = 0;
		for (Cell cell : micro) {
			Entry grid = gridEntries.get(cell.parentId());
			if (grid != null) {
				grid.children().add(new Entry(cell, prepare(cell.boundary()), List.of()));
				placed++;
			}
		}
		Comparator<Entry> byCode = Comparator.comparing(e -> e.cell().code());
		for (Entry grid : gridEntries.values()) {
			grid.children().sort(byCode);
			tree.insert(grid.cell().boundary().getEnvelopeInternal(), grid);
		}
		tree.build();
		gridEntries.values().forEach(grid -> {
			names.put(grid.cell().id(), grid.cell().name());
			grid.children().forEach(child -> names.put(child.cell().id(), child.cell().name()));
		});
		this.grids = gridEntries.size();
		this.microGrids = placed;
	}

	public static GridIndex of(List<Cell> cells) {
		return new GridIndex(cells);
	}

	public int grids() {
		return grids;
	}

	public int microGrids() {
		return microGrids;
	}

	/** The name of an indexed grid or micro-grid (one with a boundary); empty for any other id. */
	public Optional<String> nameOf(UUID id) {
		return Optional.ofNullable(names.get(id));
	}

	/** The grid (and micro-grid) of the scope that covers the point, if any. */
	public Optional<GridLocation> locate(DataScope scope, double lat, double lng) {
		Coordinate coordinate = new Coordinate(lng, lat);
		Point point = Boundaries.WGS84.createPoint(coordinate);
		Entry found = null;
		for (Object candidate : tree.query(new Envelope(coordinate))) {
			Entry grid = (Entry) candidate;
			if ((found == null || grid.cell().code().compareTo(found.cell().code()) < 0)
					&& scope.covers(grid.cell().path()) && grid.prepared().covers(point)) {
				found = grid;
			}
		}
		if (found == null) {
			return Optional.empty();
		}
		GridLocation.MicroGrid microGrid = null;
		for (Entry child : found.children()) {
			if (child.cell().boundary().getEnvelopeInternal().covers(coordinate) && child.prepared().covers(point)) {
				microGrid = new GridLocation.MicroGrid(child.cell().id(), child.cell().name(), child.cell().code());
				break;
			}
		}
		Cell grid = found.cell();
		return Optional.of(new GridLocation(grid.id(), grid.name(), grid.code(), grid.kind(), grid.path(),
				grid.districtId(), microGrid));
	}

	/**
	 * The grids of the scope whose boundary covers or touches the area (a shared edge or corner counts: a flood along
	 * a grid's edge is that grid's too), by code. Micro-grids are not listed: a grid stands for them.
	 */
	public List<GridLocation> touching(DataScope scope, Geometry area) {
		List<Entry> found = new ArrayList<>();
		for (Object candidate : tree.query(area.getEnvelopeInternal())) {
			Entry grid = (Entry) candidate;
			if (scope.covers(grid.cell().path()) && grid.prepared().intersects(area)) {
				found.add(grid);
			}
		}
		found.sort(Comparator.comparing(e -> e.cell().code()));
		return found.stream().map(e -> {
			Cell grid = e.cell();
			return new GridLocation(grid.id(), grid.name(), grid.code(), grid.kind(), grid.path(), grid.districtId(),
					null);
		}).toList();
	}

	private static PreparedGeometry prepare(Geometry boundary) {
		PreparedGeometry prepared = PreparedGeometryFactory.prepare(boundary);
		// the prepared geometry builds its point locator on first use: do it now, not on the first request
		prepared.covers(boundary.getInteriorPoint());
		return prepared;
	}
}

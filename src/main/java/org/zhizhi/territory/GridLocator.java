package org.zhizhi.territory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.invalidation.Invalidations;
import org.zhizhi.territory.persistence.JdbcBoundaries;

/**
 * Position to grid: which grid and micro-grid of the caller's scope hold a point. Answers from an in-memory
 * {@link GridIndex} (an STR-tree of prepared boundaries), so a look-up costs microseconds and no database round trip.
 * <p>
 * <b>Keeping the index fresh.</b> It is built at startup. A boundary changed through {@link TerritoryManagement} on this
 * node marks it stale at once ({@link BoundaryChanged}, after commit). A change made on another node (or straight in
 * the database) is caught too: a trigger on the tree bumps a one-row version ({@code territory.boundary_version}) and
 * announces {@value #BOUNDARIES_CHANGED} ({@link Invalidations}), which every node hears as the change commits and
 * which marks the index stale. The next look-up then reads the version and rebuilds the index if it moved. While this
 * node cannot hear the announcements, a look-up reads the version at most once per {@code zhizhi.grids.version-check}
 * (default 2 s) instead, as it always did before the platform ran on several nodes. Only the one look-up that finds a
 * new version rebuilds the index (tens of milliseconds for a district); look-ups on other threads keep using the old
 * index until the new one is swapped in.
 */
@Service
public class GridLocator {

	private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

	private final JdbcBoundaries boundaries;

	private final long checkIntervalNanos;

	private volatile Snapshot snapshot;

	private volatile long nextCheck;

	/** Set when a boundary changed (here or, announced, on any node) and the index was not yet checked since. */
	private volatile boolean stale;

	/** What a change of the tree announces (the trigger of territory/V6 does, whoever changes it). */
	static final String BOUNDARIES_CHANGED = "territory.boundaries";

	private final Invalidations invalidations;

	private final AtomicBoolean checking = new AtomicBoolean();

	private record Snapshot(long version, GridIndex index) {
	}

	GridLocator(JdbcBoundaries boundaries, GridProperties settings, Invalidations invalidations) {
		this.boundaries = boundaries;
		this.checkIntervalNanos = settings.versionCheck().toNanos();
		this.invalidations = invalidations;
		invalidations.onAnnounced(BOUNDARIES_CHANGED, key -> stale = true);
	}

	/** The grid (and micro-grid) inside the scope that covers the point; empty outside every grid of the scope. */
	public Optional<GridLocation> locate(DataScope scope, double lat, double lng) {
		return current().locate(scope, lat, lng);
	}

	/**
	 * The name of a grid or micro-grid with a boundary, from the index (a rename bumps the boundaries' version like a
	 * redrawn boundary, so it is as fresh as the look-ups); empty for a place the index does not hold. For the
	 * notices of a burst of reports, which name each report's grid: no database read per grid.
	 */
	public Optional<String> nameOf(UUID placeId) {
		return current().nameOf(placeId);
	}

	/**
	 * The grids inside the scope that a drawn area (a WGS-84 polygon) covers or touches, by code; empty when it
	 * touches none of them. Grids outside the scope are not named, as for {@link #locate}.
	 */
	public List<GridLocation> gridsTouching(DataScope scope, Geometry area) {
		return current().touching(scope, area);
	}

	/** The index as it is now, rebuilt first if the boundaries changed since it was built. */
	GridIndex current() {
		Snapshot current = snapshot;
		if (current == null) {
			return refresh(true).index();
		}
		boolean due = stale || !invalidations.listening() && System.nanoTime() - nextCheck >= 0;
		if (due && checking.compareAndSet(false, true)) {
			try {
				current = refresh(false);
			}
			finally {
				checking.set(false);
			}
		}
		return current.index();
	}

	@EventListener(ApplicationReadyEvent.class)
	void buildAtStartup() {
		refresh(true);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(BoundaryChanged event) {
		stale = true;
	}

	private synchronized Snapshot refresh(boolean force) {
		// cleared before the version is read: a change announced while it is read marks the index stale again
		stale = false;
		nextCheck = System.nanoTime() + checkIntervalNanos;
		long version = boundaries.version();
		Snapshot current = snapshot;
		if (!force && current != null && current.version() == version) {
			return current;
		}
		long started = System.nanoTime();
		List<GridIndex.Cell> cells = boundaries.allCells()
			.stream()
			.map(row -> new GridIndex.Cell(row.id(), row.parentId(), row.level(), row.name(), row.code(), row.kind(),
					row.path(), row.districtId(), Boundaries.parse(row.boundary())))
			.toList();
		GridIndex index = GridIndex.of(cells);
		snapshot = new Snapshot(version, index);
		log.info("Grid index built: {} grids, {} micro-grids, version {}, in {} ms", index.grids(), index.microGrids(),
				version, (System.nanoTime() - started) / 1_000_000);
		return snapshot;
	}
}

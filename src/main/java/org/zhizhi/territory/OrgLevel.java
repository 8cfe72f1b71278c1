package org.zhizhi.territory;

import java.util.Optional;

/**
 * The levels of the management tree. CITY is the installation's root (the municipality that holds the districts it
 * serves); the rest are the levels the seeds' people work at.
 */
public enum OrgLevel {

	CITY, DISTRICT, STREET, COMMUNITY, GRID, MICRO_GRID;

	/** The level a node of this level hangs under; none for the root. */
	public Optional<OrgLevel> parentLevel() {
		return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
	}

	/** Grids and micro-grids are drawn on the map; the administrative levels above them need not be. */
	public boolean hasBoundary() {
		return this == GRID || this == MICRO_GRID;
	}
}

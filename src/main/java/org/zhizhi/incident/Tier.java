package org.zhizhi.incident;

import java.util.Optional;
import java.util.UUID;

/**
 * The tiers of 分级响应 (三级联动): an incident starts at its grid and may be raised one tier at a time. At each tier its
 * owner is the org unit of that level above the incident's grid.
 */
public enum Tier {
	GRID, COMMUNITY, STREET, DISTRICT;

	/** The tier above, if there is one. */
	public Optional<Tier> above() {
		return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}

	/**
	 * The path of this tier's org unit above a grid, read off the grid's materialised path
	 * {@code /<city>/<district>/<street>/<community>/<grid>/}: the grid itself, then one node up per tier.
	 */
	public String pathAbove(String gridPath) {
		String path = gridPath;
		for (int i = 0; i < ordinal(); i++) {
			path = path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
		}
		return path;
	}

	/** The id of this tier's org unit above a grid. */
	public UUID orgUnitAbove(String gridPath) {
		String path = pathAbove(gridPath);
		return UUID.fromString(path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1));
	}
}

package org.zhizhi.incident;

import java.util.Optional;

/** The tiers of 分级响应 (三级联动): an incident starts at its grid and may be raised one tier at a time. */
public enum Tier {
	GRID, COMMUNITY, STREET, DISTRICT;

	/** The tier above, if there is one. */
	public Optional<Tier> above() {
		return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}
}

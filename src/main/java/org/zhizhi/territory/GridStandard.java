package org.zhizhi.territory;

import java.util.Optional;

/**
 * How many households a grid should hold (300–500) and a micro-grid (50–80). Outside the range is a warning for the
 * community to look at, never a refusal — and industrial-park grids, which serve firms rather than households, are not
 * held to it at all.
 */
public record GridStandard(int min, int max) {

	public static final GridStandard GRID = new GridStandard(300, 500);

	public static final GridStandard MICRO_GRID = new GridStandard(50, 80);

	public enum Verdict {
		WITHIN, BELOW, ABOVE
	}

	/** The standard a node is held to: residential grids and micro-grids; none for park grids and other levels. */
	public static Optional<GridStandard> of(OrgLevel level, String kind) {
		return switch (level) {
			case GRID -> "PARK".equals(kind) ? Optional.empty() : Optional.of(GRID);
			case MICRO_GRID -> Optional.of(MICRO_GRID);
			default -> Optional.empty();
		};
	}

	public Verdict judge(long households) {
		return households < min ? Verdict.BELOW : households > max ? Verdict.ABOVE : Verdict.WITHIN;
	}
}

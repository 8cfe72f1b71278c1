package org.zhizhi.command;

import java.util.Map;
import java.util.UUID;

import org.zhizhi.shared.DataScope;

/**
 * Open risk alerts per grid, for the screen's map: a grid's colour is its load, and an alert weighs on it beside its
 * open and overdue incidents. The screen asks every implementation there is: today the risk sentinel
 * ({@link SentinelQueries}).
 */
public interface GridRisk {

	/** The grids of the scope with open risk alerts, and how many each has; grids without any are left out. */
	Map<UUID, Long> openAlertsByGrid(DataScope scope);
}

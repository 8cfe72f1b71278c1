package org.zhizhi.command.screen;

import java.util.ArrayList;
import java.util.List;

import org.zhizhi.command.screen.ScreenSnapshot.GridLoad;
import org.zhizhi.incident.IncidentLists.ReportedIncident;

/**
 * What one event of a screen's stream carries: the reports it has not shown yet, oldest first, and — when they moved
 * or were due again — the loads of the scope's grids (null: unchanged). {@code position} is the event's id: the
 * instant (epoch milliseconds) up to which reports were read, from which a reconnecting screen is replayed.
 *
 * @param resync true when more arrived than one event carries: the screen reloads its panels and list instead
 */
public record ScreenBatch(long position, List<ReportedIncident> incidents, List<GridLoad> loads, boolean resync) {

	/** Two batches a slow connection has not sent yet, sent as one. */
	ScreenBatch merge(ScreenBatch later) {
		List<ReportedIncident> both = new ArrayList<>(incidents);
		both.addAll(later.incidents);
		return new ScreenBatch(Math.max(position, later.position), both, later.loads != null ? later.loads : loads,
				resync || later.resync);
	}
}

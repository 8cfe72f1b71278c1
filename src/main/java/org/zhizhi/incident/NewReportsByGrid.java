package org.zhizhi.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is told of which of the new reports written together (issue 16, one notice per grid per group): a burst in one
 * place — a water main, a flood — must not fill a grid worker's inbox with one 新上报 message per report. Each
 * recipient gets one message per grid, about the reports of that grid he would have been told of one by one; the
 * recipients of each report stay exactly what they were. Recipients told of the same reports share one notice.
 */
final class NewReportsByGrid {

	/** A new report and who would be told of it alone. */
	record NewReport(UUID gridId, UUID incidentId, Set<UUID> recipients) {
	}

	/** One notice: the reports of one grid it tells of, in the order they came, and who gets it. */
	record Told(UUID gridId, List<UUID> incidentIds, Set<UUID> recipients) {

		boolean single() {
			return incidentIds.size() == 1;
		}
	}

	private NewReportsByGrid() {
	}

	static List<Told> group(List<NewReport> reports) {
		// grid → recipient → the reports he is told of, each in the order of first appearance
		Map<UUID, Map<UUID, List<UUID>>> byGrid = new LinkedHashMap<>();
		for (NewReport report : reports) {
			Map<UUID, List<UUID>> recipients = byGrid.computeIfAbsent(report.gridId(), grid -> new LinkedHashMap<>());
			for (UUID recipient : report.recipients()) {
				List<UUID> told = recipients.computeIfAbsent(recipient, r -> new ArrayList<>());
				if (!told.contains(report.incidentId())) {
					told.add(report.incidentId());
				}
			}
		}
		List<Told> notices = new ArrayList<>();
		byGrid.forEach((grid, recipients) -> {
			// recipients told of the very same reports (a micro-grid's worker may be told of fewer) share a notice
			Map<List<UUID>, Set<UUID>> sameReports = new LinkedHashMap<>();
			recipients.forEach((recipient, told) -> sameReports.computeIfAbsent(told, t -> new LinkedHashSet<>())
				.add(recipient));
			sameReports.forEach((told, who) -> notices.add(new Told(grid, List.copyOf(told), Set.copyOf(who))));
		});
		return notices;
	}
}

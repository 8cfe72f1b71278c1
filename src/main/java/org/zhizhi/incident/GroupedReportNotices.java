package org.zhizhi.incident;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.shared.BeforeCommit;
import org.zhizhi.shared.Role;

/**
 * The 新上报 notices of the new reports of a group written at once ({@link ReportIntake}), told together just before
 * the group commits: their incidents read in one query, the people of each place once, every notice written in two
 * statements (issue 16). Whoever {@link IncidentNotices} would tell of each report alone is told here — where several
 * of the group's reports are in one grid, once per grid with their count ({@link NewReportsByGrid}); a report alone in
 * its grid gets the very notice {@link IncidentNotices} would send. Every other step, and a report written outside a
 * group, stays with {@link IncidentNotices}.
 */
@Component
class GroupedReportNotices {

	/** Kind of the one notice of several new reports in one grid. */
	static final String REPORTS_IN_GRID = "INCIDENT_REPORTS_IN_GRID";

	private final IncidentNotices notices;

	private final IncidentQueries incidents;

	private final AccountQueries accounts;

	private final Notifications notifications;

	GroupedReportNotices(IncidentNotices notices, IncidentQueries incidents, AccountQueries accounts,
			Notifications notifications) {
		this.notices = notices;
		this.incidents = incidents;
		this.accounts = accounts;
		this.notifications = notifications;
	}

	@EventListener
	void on(IncidentEvent event) {
		if (event.action() == IncidentAction.REPORT && ReportIntake.writesGroup()) {
			BeforeCommit.gather(this, event, this::tellReports);
		}
	}

	/** The group's reports, each to whom {@link IncidentNotices} would tell it (its REPORT rule), all at once. */
	private void tellReports(List<IncidentEvent> reports) {
		// as the group wrote them ({@link IncidentQueries#views} does not read them back)
		Map<UUID, IncidentView> reported = new HashMap<>();
		incidents.views(IncidentNotices.PLATFORM, reports.stream().map(IncidentEvent::incidentId).toList())
			.forEach(i -> reported.put(i.id(), i));
		// who covers each place, for all of the group's places in one query
		Map<String, List<Account>> coveringPlace = accounts.coveringEach(
				reported.values().stream().map(IncidentNotices::placeOf).distinct().toList(),
				EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF));
		Map<UUID, IncidentEvent> eventOf = new HashMap<>();
		List<NewReportsByGrid.NewReport> told = new ArrayList<>();
		for (IncidentEvent event : reports) {
			IncidentView incident = reported.get(event.incidentId());
			if (incident == null) {
				continue;
			}
			Set<UUID> recipients = IncidentNotices.dispatchersAmong(incident,
					coveringPlace.get(IncidentNotices.placeOf(incident)));
			recipients.remove(event.actorId());
			eventOf.put(incident.id(), event);
			told.add(new NewReportsByGrid.NewReport(incident.gridId(), incident.id(), recipients));
		}
		Map<UUID, String> gridNames = new HashMap<>();
		List<Notifications.Addressing> addressed = new ArrayList<>();
		for (NewReportsByGrid.Told notice : NewReportsByGrid.group(told)) {
			IncidentView first = reported.get(notice.incidentIds().getFirst());
			String place = gridNames.computeIfAbsent(notice.gridId(), notices::gridName);
			if (notice.single()) {
				IncidentNotices.Addressees to = new IncidentNotices.Addressees(notice.recipients(),
						"INCIDENT_REPORTED", IncidentNotices.staffPage(first));
				addressed.add(new Notifications.Addressing(
						notices.notice(to, eventOf.get(first.id()), new IncidentDetail(first, List.of()), place)
							.about(IncidentNotices.SUBJECT, first.id(), first.state().name()),
						notice.recipients()));
			}
			else {
				addressed.add(new Notifications.Addressing(reportsInGrid(place, notice, first), notice.recipients()));
			}
		}
		notifications.notifyAll(addressed);
	}

	/**
	 * 网格X 新上报 N 件, linking to the desk's new reports of that grid. It is about no single incident, so no step
	 * settles it: the desk it links to shows what is still waiting.
	 */
	private Notice reportsInGrid(String place, NewReportsByGrid.Told told, IncidentView first) {
		String key = "notice." + REPORTS_IN_GRID;
		Object[] values = { place, told.incidentIds().size() };
		return new Notice(REPORTS_IN_GRID, notices.text(key + ".title", values), notices.text(key + ".body", values),
				"/incidents?state=" + IncidentState.REPORTED.name() + "&grid=" + told.gridId(), first.districtId());
	}
}

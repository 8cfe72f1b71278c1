package org.zhizhi.partnership.meeting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.partnership.meeting.MeetingViews.AgendaKind;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.OpenIncident;
import org.zhizhi.partnership.meeting.OpenListItems.ListItemRef;
import org.zhizhi.partnership.meeting.persistence.JdbcMeetings;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * What a meeting's agenda may take up besides free text: the community's open incidents and the open items of its
 * three lists — offered to the organiser (not yet on the agenda, the longest waiting first) and checked when one is
 * added (of this community, still open), named by the same titles both ways.
 */
@Service
@Transactional(readOnly = true)
public class AgendaCandidates {

	/** How many open incidents an agenda offers: the oldest first, as they have waited longest. */
	static final int CANDIDATE_LIMIT = 30;

	/** Incidents not yet closed: what a meeting may still do something about. */
	static final Set<IncidentState> OPEN_INCIDENT = EnumSet.of(IncidentState.REPORTED, IncidentState.ACCEPTED,
			IncidentState.TRIAGED, IncidentState.WHISTLED, IncidentState.CLAIMED, IncidentState.ASSIGNED,
			IncidentState.CHECKED_IN, IncidentState.RESOLVED, IncidentState.REWORK);

	private final JdbcMeetings meetings;

	private final IncidentQueries incidents;

	private final OpenListItems listItems;

	AgendaCandidates(JdbcMeetings meetings, IncidentQueries incidents, OpenListItems listItems) {
		this.meetings = meetings;
		this.incidents = incidents;
		this.listItems = listItems;
	}

	/** The open incidents of the meeting's community that are not on its agenda yet, the longest waiting first. */
	public List<OpenIncident> openIncidents(Actor actor, UUID id) {
		JointMeeting meeting = readable(actor, id);
		Set<UUID> onAgenda = onAgenda(id, AgendaKind.INCIDENT);
		Map<String, String> names = categoryNames();
		DataScope community = new DataScope(meeting.communityId(), meeting.communityPath());
		List<IncidentView> open = new ArrayList<>();
		for (IncidentState state : OPEN_INCIDENT) {
			open.addAll(incidents.list(community, state, null, 0));
		}
		return open.stream()
			.filter(i -> i.closedAt() == null && !onAgenda.contains(i.id()))
			.sorted(Comparator.comparing(IncidentView::reportedAt))
			.limit(CANDIDATE_LIMIT)
			.map(i -> new OpenIncident(i.id(), incidentTitle(i, names), i.state().name(), i.reportedAt()))
			.toList();
	}

	/** The open items of the community's three lists not on the agenda yet. */
	public List<ListItemRef> openListItems(Actor actor, UUID id) {
		JointMeeting meeting = readable(actor, id);
		Set<UUID> onAgenda = onAgenda(id, AgendaKind.LIST_ITEM);
		return listItems.openOf(actor.scope(), meeting.communityId())
			.stream()
			.filter(i -> !onAgenda.contains(i.id()))
			.toList();
	}

	/** The title of an open incident of the meeting's community; any other id is a field error on {@code refId}. */
	String openIncidentTitle(JointMeeting meeting, UUID incidentId) {
		DataScope community = new DataScope(meeting.communityId(), meeting.communityPath());
		IncidentView incident = incidents.view(community, incidentId)
			.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("refId", "meeting.notAnIncidentHere"))));
		if (incident.closedAt() != null || !OPEN_INCIDENT.contains(incident.state())) {
			throw DomainException.invalid(List.of(new FieldProblem("refId", "meeting.incidentClosed")));
		}
		return incidentTitle(incident, categoryNames());
	}

	/** The title of an open item of the meeting's community; any other id is a field error on {@code refId}. */
	String listItemTitle(Actor actor, JointMeeting meeting, UUID itemId) {
		return listItems.openItem(actor.scope(), meeting.communityId(), itemId)
			.map(ListItemRef::title)
			.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("refId", "meeting.notAnOpenListItem"))));
	}

	private JointMeeting readable(Actor actor, UUID id) {
		MeetingRules.requireStaff(actor);
		return meetings.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("meeting"));
	}

	private Set<UUID> onAgenda(UUID meetingId, AgendaKind kind) {
		return meetings.agenda(meetingId)
			.stream()
			.filter(a -> a.kind() == kind)
			.map(a -> a.refId())
			.collect(Collectors.toSet());
	}

	private Map<String, String> categoryNames() {
		return incidents.categories()
			.stream()
			.collect(Collectors.toMap(IncidentCategory::code, IncidentCategory::name, (a, b) -> a));
	}

	private static String incidentTitle(IncidentView incident, Map<String, String> names) {
		String description = incident.description() == null ? "" : incident.description();
		if (description.length() > 60) {
			description = description.substring(0, 59) + "…";
		}
		return names.getOrDefault(incident.categoryCode(), incident.categoryCode()) + " · " + description;
	}
}

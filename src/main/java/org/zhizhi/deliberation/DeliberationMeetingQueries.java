package org.zhizhi.deliberation;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.deliberation.persistence.JdbcDeliberationMeetings;
import org.zhizhi.deliberation.persistence.JdbcTopics;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;

/** Reads of deliberation meetings for the desk of their scope: the calendar, one meeting, the groups that missed one. */
@Service
@Transactional(readOnly = true)
public class DeliberationMeetingQueries {

	/** A series meeting this long past its time and still not held is a missed meeting, flagged to the community. */
	static final Duration GRACE = Duration.ofDays(3);

	private final JdbcDeliberationMeetings meetings;

	private final JdbcTopics topics;

	private final Clock clock;

	private final org.zhizhi.incident.IncidentQueries incidents;

	private final org.zhizhi.territory.OrgUnitQueries orgUnits;

	DeliberationMeetingQueries(JdbcDeliberationMeetings meetings, JdbcTopics topics, Clock clock,
			org.zhizhi.incident.IncidentQueries incidents, org.zhizhi.territory.OrgUnitQueries orgUnits) {
		this.meetings = meetings;
		this.topics = topics;
		this.clock = clock;
		this.incidents = incidents;
		this.orgUnits = orgUnits;
	}

	/** States in which an incident is still being handled: what a meeting of the place may take up. */
	private static final Set<org.zhizhi.incident.IncidentState> DONE = EnumSet.of(
			org.zhizhi.incident.IncidentState.REJECTED, org.zhizhi.incident.IncidentState.CLOSED,
			org.zhizhi.incident.IncidentState.RATED);

	/**
	 * The open incidents of the meeting's community, newest first (one page), as far as the desk's scope reaches: what
	 * its agenda may take up beside the topics (a meeting hears how the whistles of its place stand).
	 */
	public List<org.zhizhi.incident.IncidentView> openIncidents(Actor actor, UUID id) {
		if (!actor.hasAny(DeliberationRoles.DESK)) {
			return List.of();
		}
		DeliberationMeeting meeting = meetings.meeting(actor.scope(), id)
			.orElseThrow(() -> DomainException.notFound("meeting"));
		return orgUnits.bindingOf(meeting.place().communityId())
			.map(community -> new org.zhizhi.shared.DataScope(community.id(), community.path()))
			.filter(community -> actor.scope().covers(community) || community.covers(actor.scope()))
			.map(community -> actor.scope().covers(community) ? community : actor.scope())
			.map(scope -> incidents.list(scope, null, null, 0)
				.stream()
				.filter(incident -> !DONE.contains(incident.state()))
				.toList())
			.orElse(List.of());
	}

	public List<DeliberationMeetingView> upcoming(Actor actor) {
		requireReader(actor);
		return views(actor, meetings.meetings(actor.scope(), clock.instant().minus(Duration.ofHours(12)), true, 100));
	}

	public List<DeliberationMeetingView> past(Actor actor) {
		requireReader(actor);
		return views(actor, meetings.meetings(actor.scope(), clock.instant().minus(Duration.ofHours(12)), false, 100));
	}

	/** Monthly meetings not held three days after their date: the group missed its meeting. */
	public List<DeliberationMeetingView> missed(Actor actor) {
		requireReader(actor);
		return views(actor, meetings.missed(actor.scope(), clock.instant().minus(GRACE)));
	}

	public DeliberationMeetingView meeting(Actor actor, UUID id) {
		requireReader(actor);
		return views(actor, List.of(meetings.meeting(actor.scope(), id)
			.orElseThrow(() -> DomainException.notFound("meeting")))).getFirst();
	}

	/** Topics of the meeting's community, in the desk's scope, that its agenda may take up. */
	public List<TopicSummary> agendaCandidates(Actor actor, UUID id) {
		if (!actor.hasAny(DeliberationRoles.DESK)) {
			return List.of();
		}
		DeliberationMeeting meeting = meetings.meeting(actor.scope(), id)
			.orElseThrow(() -> DomainException.notFound("meeting"));
		Set<UUID> onAgenda = meetings.agenda(id).stream().map(MeetingAgendaItem::topicId)
			.collect(java.util.stream.Collectors.toSet());
		return topics.inScope(actor.scope(), List.copyOf(DeliberationMeetingManagement.AGENDA_STATES), 200)
			.stream()
			.filter(t -> t.place().communityId().equals(meeting.place().communityId()))
			.filter(t -> !onAgenda.contains(t.id()))
			.map(TopicSummary::of)
			.toList();
	}

	/** The desk, and the district that oversees its communities' meetings (read only). */
	static void requireReader(Actor actor) {
		if (!actor.hasAny(DeliberationRoles.DESK) && !actor.has(org.zhizhi.shared.Role.DISTRICT_ADMIN)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}

	/** The meetings as the desk sees them: agendas and attendees read in one query each, whatever their number. */
	private List<DeliberationMeetingView> views(Actor actor, List<DeliberationMeeting> list) {
		List<UUID> ids = list.stream().map(DeliberationMeeting::id).toList();
		Map<UUID, List<MeetingAgendaItem>> agendas = meetings.agendas(ids);
		Map<UUID, List<MeetingAttendee>> attendees = meetings.attendees(ids);
		return list.stream().map(m -> {
			Set<DeliberationMeetingAction> allowed = EnumSet.noneOf(DeliberationMeetingAction.class);
			if (actor.hasAny(DeliberationRoles.DESK)) {
				for (DeliberationMeetingAction action : DeliberationMeetingLifecycle.TABLE.actionsFrom(m.state())) {
					if (DeliberationMeetingLifecycle.TABLE.mayTake(actor.roles(), action)) {
						allowed.add(action);
					}
				}
			}
			return DeliberationMeetingView.of(m, agendas.getOrDefault(m.id(), List.of()),
					attendees.getOrDefault(m.id(), List.of()), allowed);
		}).toList();
	}
}

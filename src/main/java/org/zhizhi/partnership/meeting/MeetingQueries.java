package org.zhizhi.partnership.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.meeting.CommunityPartners.LiaisonUnit;
import org.zhizhi.partnership.meeting.MeetingViews.Decision;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.MeetingDetail;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.partnership.meeting.MeetingViews.YearOverview;
import org.zhizhi.partnership.meeting.persistence.JdbcMeetings;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnit;

/** The reads of joint meetings: the organising staff's inside their scope, a liaison's of his unit's meetings. */
@Service
@Transactional(readOnly = true)
public class MeetingQueries {

	static final int LIST_LIMIT = 200;

	private final JdbcMeetings meetings;

	private final CommunityResolver communities;

	private final Clock clock;

	private final ZoneId zone;

	private final CommunityPartners partners;

	MeetingQueries(JdbcMeetings meetings, CommunityResolver communities, CommunityPartners partners, Clock clock,
			ZoneId zone) {
		this.meetings = meetings;
		this.partners = partners;
		this.communities = communities;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * The meeting with everything the staff see; for a liaison, a meeting his unit is invited to, with its agenda,
	 * attendance and minutes, of its decisions only his unit's, and without the staff's step history. Any other
	 * meeting is not found for him, as one that does not exist.
	 */
	public MeetingDetail get(Actor actor, UUID id) {
		if (MeetingRules.isStaff(actor)) {
			return detail(actor, id);
		}
		LiaisonUnit unit = unitOf(actor);
		JointMeeting meeting = meetings.findInvited(id, unit.communityId(), unit.partnerId(), unit.name())
			.orElseThrow(() -> DomainException.notFound("meeting"));
		List<Decision> ours = meetings.decisions(meeting.id()).stream().filter(d -> owns(unit, d)).toList();
		return new MeetingDetail(meeting, communities.name(actor, meeting.communityId()), meetings.agenda(meeting.id()),
				meetings.attendees(meeting.id()), ours, List.of());
	}

	/**
	 * The meetings the liaison's unit is invited to, the latest first; none for a liaison who answers for no partner
	 * unit (an incident unit's, a sponsor's).
	 */
	public List<JointMeeting> invited(Actor actor) {
		requireLiaison(actor);
		return partners.unitOfLiaison(actor.userId())
			.map(unit -> meetings.invited(unit.communityId(), unit.partnerId(), unit.name(), LIST_LIMIT))
			.orElse(List.of());
	}

	/** The liaison's unit; for a liaison of no partner unit every meeting is one his unit is not invited to. */
	private LiaisonUnit unitOf(Actor actor) {
		requireLiaison(actor);
		return partners.unitOfLiaison(actor.userId()).orElseThrow(() -> DomainException.notFound("meeting"));
	}

	private static void requireLiaison(Actor actor) {
		if (actor == null || !actor.has(Role.PARTNER_LIAISON)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}

	private static boolean owns(LiaisonUnit unit, Decision decision) {
		return decision.ownerKind() == RefKind.UNIT && (unit.partnerId().equals(decision.ownerId())
				|| decision.ownerId() == null && unit.name().equals(decision.ownerName()));
	}

	/** Meetings of the scope (optionally one community) held or planned in the year, by date. */
	public List<JointMeeting> list(Actor actor, UUID communityId, int year, MeetingState state) {
		MeetingRules.requireStaff(actor);
		return meetings.list(actor.scope(), communityId, startOf(year), startOf(year + 1), state, LIST_LIMIT);
	}

	/** One community's year with its quota as of today (its own community for community staff). */
	public YearOverview overview(Actor actor, UUID communityId, int year) {
		return overview(actor, communityId, year, LocalDate.now(clock.withZone(zone)));
	}

	public YearOverview overview(Actor actor, UUID communityId, int year, LocalDate asOf) {
		MeetingRules.requireStaff(actor);
		OrgUnit community = communities.resolve(actor, communityId);
		List<JointMeeting> ofYear = meetings.list(community.scope(), community.id(), startOf(year), startOf(year + 1),
				null, LIST_LIMIT);
		int held = meetings.heldCounts(community.scope(), startOf(year), heldUntil(year, asOf))
			.getOrDefault(community.id(), 0);
		return new YearOverview(community.id(), community.name(), MeetingQuota.of(year, asOf, held), ofYear);
	}

	/** Every community of the actor's scope with its quota: the ones behind first, then by name. */
	public List<YearOverview> overviews(Actor actor, int year, LocalDate asOf) {
		MeetingRules.requireStaff(actor);
		Map<UUID, Integer> held = meetings.heldCounts(actor.scope(), startOf(year), heldUntil(year, asOf));
		return communities.communities(actor)
			.stream()
			.map(c -> new YearOverview(c.id(), c.name(), MeetingQuota.of(year, asOf, held.getOrDefault(c.id(), 0)),
					List.of()))
			.sorted(Comparator.comparing((YearOverview o) -> !o.behind()).thenComparing(YearOverview::communityName))
			.toList();
	}

	public List<YearOverview> overviews(Actor actor, int year) {
		return overviews(actor, year, LocalDate.now(clock.withZone(zone)));
	}

	/** The open decisions (tasks) of the scope, the earliest due first. */
	public List<Decision> openTasks(Actor actor) {
		MeetingRules.requireStaff(actor);
		return meetings.openDecisions(actor.scope(), LIST_LIMIT);
	}

	/** The meeting with its agenda, attendance, decisions and steps, as the commands answer it. */
	MeetingDetail detail(Actor actor, UUID id) {
		JointMeeting meeting = meetings.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("meeting"));
		return new MeetingDetail(meeting, communities.name(actor, meeting.communityId()), meetings.agenda(meeting.id()),
				meetings.attendees(meeting.id()), meetings.decisions(meeting.id()), meetings.steps(meeting.id()));
	}

	Instant startOf(int year) {
		return LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
	}

	/** The end of the day asked about, but never beyond the year. */
	private Instant heldUntil(int year, LocalDate asOf) {
		Instant endOfDay = asOf.plusDays(1).atStartOfDay(zone).toInstant();
		Instant endOfYear = startOf(year + 1);
		return endOfDay.isBefore(endOfYear) ? endOfDay : endOfYear;
	}
}

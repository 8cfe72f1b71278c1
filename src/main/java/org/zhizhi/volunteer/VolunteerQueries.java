package org.zhizhi.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.volunteer.persistence.JdbcOnSite;
import org.zhizhi.volunteer.persistence.JdbcPosts;
import org.zhizhi.volunteer.persistence.JdbcVolunteer;

/**
 * What the volunteer pages and the API read, for someone: the teams and activities of his scope (the desk) or of the
 * place he lives in (a volunteer), an activity with his own part and — for its organiser — everyone's with what may
 * be done to it, and a person's service record with its approved hours.
 */
@Service
@Transactional(readOnly = true)
public class VolunteerQueries {

	public static final int LIMIT = 200;

	/** A page of a list on a phone. */
	public static final int PAGE = 20;

	private final JdbcVolunteer volunteer;

	private final VolunteerTeams teams;

	private final Clock clock;

	private final JdbcOnSite onSite;

	private final JdbcPosts posts;

	VolunteerQueries(JdbcVolunteer volunteer, VolunteerTeams teams, JdbcOnSite onSite, JdbcPosts posts, Clock clock) {
		this.volunteer = volunteer;
		this.onSite = onSite;
		this.posts = posts;
		this.teams = teams;
		this.clock = clock;
	}

	public List<Team> teams(Actor actor) {
		return actor.hasAny(VolunteerRoles.DESK) ? volunteer.teams(actor.scope())
				: volunteer.teamsCovering(actor.scope().path());
	}

	/**
	 * A team as its page shows it: what is coming first, then a page of the activities held (the latest first), how
	 * many it has put on in all; its members for its organisers.
	 */
	public record TeamView(Team team, List<JdbcVolunteer.Member> members, List<Activity> upcoming, List<Activity> past,
			int pastPage, boolean morePast, long activityCount, boolean member, boolean organiser) {
	}

	public TeamView team(Actor actor, UUID id) {
		return team(actor, id, 0);
	}

	public TeamView team(Actor actor, UUID id, int pastPage) {
		Team team = teams.visibleTeam(actor, id);
		boolean organiser = teams.mayOrganise(actor, team);
		Instant now = clock.instant();
		int page = Math.max(0, pastPage);
		List<Activity> past = volunteer.activitiesOfTeam(id, now, PAGE + 1, page * PAGE);
		return new TeamView(team, organiser ? volunteer.members(id) : List.of(), volunteer.upcomingOfTeam(id, now, LIMIT),
				past.stream().limit(PAGE).toList(), page, past.size() > PAGE, volunteer.activityCount(id),
				volunteer.isMember(id, actor.userId()), organiser);
	}

	/** A team's name and place for a public page (no members, no activities). */
	public java.util.Optional<Team> publicTeam(UUID id) {
		return volunteer.team(id);
	}

	/** A page of all a team's activities, the latest first (size at most {@link #LIMIT}). */
	public List<Activity> activitiesOfTeam(Actor actor, UUID id, int page, int size) {
		Team team = teams.visibleTeam(actor, id);
		int limit = Math.clamp(size, 1, LIMIT);
		return volunteer.activitiesOfTeam(team.id(), null, limit, Math.max(0, page) * limit);
	}

	/** The activities the person may join, or — for the desk — those of its scope, from a month ago on. */
	public List<Activity> activities(Actor actor) {
		Instant now = clock.instant();
		return actor.hasAny(VolunteerRoles.DESK) ? volunteer.activities(actor.scope(), now.minus(Duration.ofDays(30)), LIMIT)
				: volunteer.activitiesCovering(actor.scope().path(), now, LIMIT);
	}

	/** One person's part as the reader may see it, with what he may do to it. */
	public record PartView(UUID personId, String personName, ParticipationState state, Instant queuedAt,
			Instant checkedInAt, Instant checkedOutAt, Integer minutes, Set<ParticipationAction> allowedActions) {
	}

	public record ActivityView(Activity activity, long taken, long waiting, boolean organiser, boolean over,
			PartView mine, List<PartView> parts, List<JdbcVolunteer.Correction> corrections) {
	}

	public ActivityView activity(Actor actor, UUID id) {
		Activity activity = volunteer.activity(id)
			.filter(a -> actor.scope().covers(a.scopePath()) || actor.scope().path().startsWith(a.scopePath()))
			.orElseThrow(() -> DomainException.notFound("activity"));
		boolean organiser = teams.organises(actor, activity);
		List<Participation> all = volunteer.participations(id);
		PartView mine = all.stream()
			.filter(p -> p.personId().equals(actor.userId()))
			.findFirst()
			.map(p -> view(actor, organiser, p))
			.orElse(null);
		long waiting = all.stream().filter(p -> p.state() == ParticipationState.WAITING).count();
		return new ActivityView(activity, volunteer.taken(id), waiting, organiser,
				!clock.instant().isBefore(activity.endsAt()), mine,
				organiser ? all.stream().map(p -> view(actor, organiser, p)).toList() : List.of(),
				organiser ? volunteer.corrections(id) : List.of());
	}

	PartView view(Actor actor, boolean organiser, Participation p) {
		return new PartView(p.personId(), p.personName(), p.state(), p.queuedAt(), p.checkedInAt(), p.checkedOutAt(),
				p.minutes(), ParticipationPolicy.allowedActions(actor, p,
						new ParticipationPolicy.Relation(actor.userId().equals(p.personId()), organiser)));
	}

	/** A person's service record: every activity with his part, and the approved hours in all. */
	public record ServiceRecord(List<JdbcVolunteer.Record> entries, long approvedMinutes) {
	}

	public ServiceRecord record(Actor actor) {
		return new ServiceRecord(volunteer.recordOf(actor.userId(), LIMIT), volunteer.approvedMinutes(actor.userId()));
	}

	/**
	 * The volunteers on duty now in the desk's scope: how many people are checked in at its activities still running
	 * (each once), the lines of who is where (the latest to arrive first), and how many of the scope's posts are held
	 * (志愿岗位, whose duty schedules are the holders' words and so are counted as held, not as on duty this minute).
	 */
	public record OnDutyNow(long people, List<VolunteerOnSite> onSite, long postsHeld) {
	}

	/** For the desk of a scope ({@code GET /api/v1/volunteer/on-duty}, the desk's 志愿服务 page, the big screen). */
	public OnDutyNow onDutyNow(Actor actor) {
		if (!actor.hasAny(VolunteerRoles.DESK)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		List<VolunteerOnSite> lines = onSite.checkedIn(actor.scope(), clock.instant());
		long people = lines.stream().map(VolunteerOnSite::personId).distinct().count();
		return new OnDutyNow(people, lines.stream().limit(LIMIT).toList(), posts.countHeld(actor.scope()));
	}

	/**
	 * What the desk's scope did in a period (from included, to excluded): activities held, volunteers who served, the
	 * minutes approved — a month's report of volunteering. The desk's alone, like the scope's activity list.
	 */
	public VolunteerMonth served(Actor actor, Instant from, Instant to) {
		if (!actor.hasAny(VolunteerRoles.DESK)) {
			throw new DomainException(DomainException.Category.FORBIDDEN,
					"ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		return volunteer.served(actor.scope(), from, to);
	}
}

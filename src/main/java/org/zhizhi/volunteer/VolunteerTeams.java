package org.zhizhi.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.identity.TotpCodes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.volunteer.VolunteerCommands.NewActivity;
import org.zhizhi.volunteer.VolunteerCommands.NewTeam;
import org.zhizhi.volunteer.VolunteerCommands.TeamSettings;
import org.zhizhi.volunteer.persistence.JdbcVolunteer;

/**
 * Teams and their activities: the desk sets up a team of a node of its scope with its leader; people of the place
 * join it; the desk or the team's leader puts on an activity, whose organiser he becomes, with a fresh seed for the
 * rotating code he shows on the spot.
 */
@Service
@EnableConfigurationProperties(VolunteerProperties.class)
public class VolunteerTeams {

	private final JdbcVolunteer volunteer;

	private final OrgUnitQueries orgUnits;

	private final AccountQueries accounts;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	VolunteerTeams(JdbcVolunteer volunteer, OrgUnitQueries orgUnits, AccountQueries accounts, CommandShape shape,
			Clock clock, ZoneId zone) {
		this.volunteer = volunteer;
		this.orgUnits = orgUnits;
		this.accounts = accounts;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional
	public Team createTeam(Actor actor, NewTeam command) {
		requireDesk(actor);
		List<FieldProblem> more = new ArrayList<>();
		OrgUnit unit = command.orgUnitId() == null ? null : orgUnits.find(actor.scope(), command.orgUnitId()).orElse(null);
		if (command.orgUnitId() != null && unit == null) {
			more.add(new FieldProblem("orgUnitId", "volunteer.orgUnitNotYours"));
		}
		Account leader = command.leaderId() == null ? null : accounts.find(actor.scope(), command.leaderId()).orElse(null);
		if (command.leaderId() != null && leader == null) {
			more.add(new FieldProblem("leaderId", "volunteer.personNotFound"));
		}
		if (command.leaderId() == null && (command.leaderName() == null || command.leaderName().isBlank())) {
			more.add(new FieldProblem("leaderName", "validation.required"));
		}
		shape.check(command, more);
		if (volunteer.teamNamed(unit.id(), command.name().strip())) {
			throw new DomainException(Category.CONFLICT, "TEAM_EXISTS", "volunteer.teamExists");
		}
		Team team = new Team(Ids.newId(clock), unit.id(), unit.name(), unit.path(), DataScope.districtOf(unit.path()),
				command.name().strip(), command.kind(), leader == null ? null : leader.id(),
				leader == null ? command.leaderName().strip() : leader.displayName(),
				blankToNull(command.description()), true, 0, clock.instant(), blankToNull(command.contact()), null);
		volunteer.insert(team);
		if (leader != null) {
			volunteer.join(team.id(), leader.id(), leader.displayName(), kindOf(leader.roles()),
					LocalDate.now(clock.withZone(zone)));
		}
		return team;
	}

	/** The leader or the desk of its scope sets a team's contact and its recruitment. */
	@Transactional
	public Team settle(Actor actor, UUID teamId, TeamSettings command) {
		Team team = visibleTeam(actor, teamId);
		if (!mayOrganise(actor, team)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		shape.check(command);
		volunteer.settle(team.id(), blankToNull(command.contact()), command.recruiting(),
				blankToNull(command.recruitment()));
		return volunteer.team(team.id()).orElseThrow();
	}

	/** A person of the team's place joins it (once). */
	@Transactional
	public void join(Actor actor, UUID teamId) {
		if (!actor.hasAny(ParticipationLifecycle.VOLUNTEERS)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		Team team = visibleTeam(actor, teamId);
		if (!team.recruiting()) {
			throw new DomainException(Category.CONFLICT, "NOT_RECRUITING", "volunteer.notRecruiting");
		}
		if (!volunteer.join(team.id(), actor.userId(), actor.displayName(), kindOf(actor.roles()),
				LocalDate.now(clock.withZone(zone)))) {
			throw new DomainException(Category.CONFLICT, "ALREADY_MEMBER", "volunteer.alreadyMember");
		}
	}

	/** An activity of a team, put on by the desk of its scope or the team's leader, who organises it. */
	@Transactional
	public Activity createActivity(Actor actor, NewActivity command) {
		List<FieldProblem> more = new ArrayList<>();
		Team team = command.teamId() == null ? null : volunteer.team(command.teamId()).orElse(null);
		if (command.teamId() != null && (team == null || !mayOrganise(actor, team))) {
			more.add(new FieldProblem("teamId", "volunteer.teamNotYours"));
		}
		if (command.startsAt() != null && command.endsAt() != null && !command.endsAt().isAfter(command.startsAt())) {
			more.add(new FieldProblem("endsAt", "volunteer.endsBeforeStart"));
		}
		shape.check(command, more);
		Activity activity = new Activity(Ids.newId(clock), team.id(), team.name(), team.scopePath(), team.districtId(),
				command.title().strip(), command.description().strip(), command.place().strip(), command.lat(),
				command.lng(), command.startsAt(), command.endsAt(), command.slots(), actor.userId(),
				actor.displayName(), ActivityState.OPEN, clock.instant());
		volunteer.insert(activity, TotpCodes.newSecret());
		return activity;
	}

	/** The organiser's code of the moment, and when it changes: shown on his phone for those who check in. */
	public record Code(String code, Instant validUntil) {
	}

	public Code currentCode(Actor actor, UUID activityId) {
		Activity activity = volunteer.activity(activityId).orElseThrow(() -> DomainException.notFound("activity"));
		if (!organises(actor, activity)) {
			throw DomainException.notFound("activity");
		}
		Instant now = clock.instant();
		long step = TotpCodes.stepOf(now);
		return new Code(new TotpCodes().codeAt(volunteer.codeSecret(activityId), now),
				Instant.ofEpochSecond((step + 1) * TotpCodes.STEP.toSeconds()));
	}

	/** Whether the actor organises the activity: its organiser, its team's leader, or the desk of its scope. */
	public boolean organises(Actor actor, Activity activity) {
		return actor.userId().equals(activity.organiserId())
				|| volunteer.team(activity.teamId()).map(team -> mayOrganise(actor, team)).orElse(false);
	}

	boolean mayOrganise(Actor actor, Team team) {
		return actor.userId().equals(team.leaderId())
				|| (actor.hasAny(VolunteerRoles.DESK) && actor.scope().covers(team.scopePath()));
	}

	/** A team the actor may organise (its leader, the desk of its scope), for what he sets up with it. */
	java.util.Optional<Team> teamOfScope(Actor actor, UUID teamId) {
		return volunteer.team(teamId).filter(team -> mayOrganise(actor, team));
	}

	/** A team of the actor's scope, or of the place he lives in. */
	Team visibleTeam(Actor actor, UUID teamId) {
		return volunteer.team(teamId)
			.filter(team -> actor.scope().covers(team.scopePath()) || actor.scope().path().startsWith(team.scopePath()))
			.orElseThrow(() -> DomainException.notFound("team"));
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static MemberKind kindOf(java.util.Set<Role> roles) {
		return roles.contains(Role.PARTY_MEMBER) ? MemberKind.MEMBER
				: roles.contains(Role.PARTNER_LIAISON) ? MemberKind.UNIT_STAFF : MemberKind.RESIDENT;
	}

	private static void requireDesk(Actor actor) {
		if (!actor.hasAny(VolunteerRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}
}

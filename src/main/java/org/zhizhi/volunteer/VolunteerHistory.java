package org.zhizhi.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.TotpCodes;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.volunteer.persistence.JdbcPairings;
import org.zhizhi.volunteer.persistence.JdbcVolunteer;

/**
 * Volunteering brought in from a community's paper records (the demo's year): teams with their members, activities
 * that took place with everyone's minutes as the organiser approved them, pairings with their visits. No event is
 * published: the hours and visits of the past were never paid in points, and are not now.
 */
@Component
public class VolunteerHistory {

	/** One who served: his account (or an id of the paper records), his name, the minutes approved. */
	public record Served(UUID personId, String name, int minutes) {
	}

	/** One who came to an activity under way, and when he checked in on the spot. */
	public record Arrival(UUID personId, String name, Instant checkedInAt) {
	}

	private final JdbcVolunteer volunteer;

	private final JdbcPairings pairings;

	VolunteerHistory(JdbcVolunteer volunteer, JdbcPairings pairings) {
		this.volunteer = volunteer;
		this.pairings = pairings;
	}

	/** A team of a node by its name. */
	public java.util.Optional<Team> teamNamed(OrgUnit unit, String name) {
		return volunteer.teamsCovering(unit.path())
			.stream()
			.filter(t -> t.orgUnitId().equals(unit.id()) && t.name().equals(name))
			.findFirst();
	}

	/** A pairing set up on its first day by the desk of the records. */
	@Transactional
	public UUID paired(Pairing.Terms terms, Instant at) {
		Pairing pairing = Pairing.start(Ids.newId(Clock.fixed(at, ZoneOffset.UTC)), terms);
		pairings.insert(pairing, new UUID(0, 0), at);
		return pairing.id();
	}

	/** A visit of a pairing, as the helper logged it that evening. */
	@Transactional
	public void visited(UUID pairingId, LocalDate on, String note, UUID by, String byName, Instant at) {
		Pairing pairing = pairings.find(pairingId).orElseThrow();
		UUID visitId = Ids.newId(Clock.fixed(at, ZoneOffset.UTC));
		pairings.insert(new JdbcPairings.Visit(visitId, pairingId, on, at, note, null, null, null, by, byName));
		pairing.visit(visitId, on, at, by, byName);
		pairing.clearEvents();
		pairings.save(pairing);
	}

	@Transactional
	public Team team(OrgUnit unit, String name, TeamKind kind, UUID leaderId, String leaderName, String description,
			Instant at) {
		Team team = new Team(Ids.newId(Clock.fixed(at, ZoneOffset.UTC)), unit.id(), unit.name(), unit.path(),
				DataScope.districtOf(unit.path()), name, kind, leaderId, leaderName, description, true, 0, at, null,
				null);
		volunteer.insert(team);
		return team;
	}

	/** The contact a team's certificates print, and what help it seeks (it recruits, as a new team does). */
	@Transactional
	public void settle(Team team, String contact, String recruitment) {
		volunteer.settle(team.id(), contact, true, recruitment);
	}

	@Transactional
	public void member(Team team, UUID personId, String name, MemberKind kind, LocalDate joinedOn) {
		volunteer.join(team.id(), personId, name, kind, joinedOn);
	}

	/** An activity that took place, everyone's minutes approved by its organiser when it ended. */
	@Transactional
	public UUID held(Team team, String title, String description, String place, double lat, double lng, Instant start,
			Instant end, UUID organiserId, String organiserName, List<Served> served) {
		Activity activity = new Activity(Ids.newId(Clock.fixed(start.minusSeconds(86_400 * 3), ZoneOffset.UTC)),
				team.id(), team.name(), team.scopePath(), team.districtId(), title, description, place, lat, lng, start,
				end, Math.max(served.size(), 1), organiserId, organiserName, ActivityState.OPEN,
				start.minusSeconds(86_400 * 3));
		volunteer.insert(activity, TotpCodes.newSecret());
		for (Served s : served) {
			Participation p = Participation.signUp(activity.id(), s.personId(), s.name(), true,
					start.minusSeconds(86_400));
			volunteer.insert(p);
			p.checkIn(start, lat, lng);
			p.checkOut(start.plusSeconds(60L * s.minutes()), lat, lng);
			p.approve(activity, organiserId, organiserName, end);
			p.clearEvents();
			volunteer.save(p);
		}
		return activity.id();
	}

	/**
	 * An activity under way at the moment of the records: those who came signed up the day before and checked in on
	 * the spot at the venue, and have not checked out — what the desk's 此刻在岗志愿者 counts until the activity ends.
	 * Their hours are for the organiser to approve once they check out, as for any activity.
	 */
	@Transactional
	public UUID underWay(Team team, String title, String description, String place, double lat, double lng,
			Instant start, Instant end, int slots, UUID organiserId, String organiserName, List<Arrival> arrivals) {
		if (arrivals.size() > slots || arrivals.stream().anyMatch(a -> a.checkedInAt().isAfter(end))) {
			throw new IllegalArgumentException("more arrivals than places, or one after the end: " + title);
		}
		Instant published = start.minusSeconds(86_400 * 3);
		Activity activity = new Activity(Ids.newId(Clock.fixed(published, ZoneOffset.UTC)), team.id(), team.name(),
				team.scopePath(), team.districtId(), title, description, place, lat, lng, start, end, slots,
				organiserId, organiserName, ActivityState.OPEN, published);
		volunteer.insert(activity, TotpCodes.newSecret());
		for (Arrival a : arrivals) {
			Participation p = Participation.signUp(activity.id(), a.personId(), a.name(), true,
					start.minusSeconds(86_400));
			volunteer.insert(p);
			p.checkIn(a.checkedInAt(), lat, lng);
			p.clearEvents();
			volunteer.save(p);
		}
		return activity.id();
	}

	/** An activity to come, open for sign-up. */
	@Transactional
	public UUID upcoming(Team team, String title, String description, String place, double lat, double lng,
			Instant start, Instant end, int slots, UUID organiserId, String organiserName, Instant now) {
		Activity activity = new Activity(Ids.newId(Clock.fixed(now, ZoneOffset.UTC)), team.id(), team.name(),
				team.scopePath(), team.districtId(), title, description, place, lat, lng, start, end, slots,
				organiserId, organiserName, ActivityState.OPEN, now);
		volunteer.insert(activity, TotpCodes.newSecret());
		return activity.id();
	}
}

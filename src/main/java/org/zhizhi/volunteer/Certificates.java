package org.zhizhi.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.RegisteredIdentity;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Ids;
import org.zhizhi.volunteer.persistence.JdbcCertificates;
import org.zhizhi.volunteer.persistence.JdbcVolunteer;

/**
 * Certificates of service hours (志愿服务记录证明), after 民政部令第67号《志愿服务记录与证明出具办法》: the team that recorded
 * the hours issues them (谁记录谁证明) — to the volunteer who asks for his own, or by its leader or the desk of its scope
 * for one who served with it. A certificate counts the approved hours of that team up to the day, names what he did,
 * the issuer, the handler (the leader, or the one at the desk who issued it) and the team's contact; its number is
 * printed on the PDF, checked on the public page, and the list of certificates issued is the public notice. Asking
 * twice on a day with nothing new served gives the same certificate.
 */
@Service
public class Certificates {

	/** The ID type the platform keeps: residents are registered with their 居民身份证. */
	static final String ID_CARD = "居民身份证";

	private final JdbcCertificates certificates;

	private final JdbcVolunteer volunteer;

	private final VolunteerTeams teams;

	private final PeopleQueries people;

	private final Clock clock;

	private final ZoneId zone;

	Certificates(JdbcCertificates certificates, JdbcVolunteer volunteer, VolunteerTeams teams, PeopleQueries people,
			Clock clock, ZoneId zone) {
		this.certificates = certificates;
		this.volunteer = volunteer;
		this.teams = teams;
		this.people = people;
		this.clock = clock;
		this.zone = zone;
	}

	/** Issues the certificate of a person's approved hours with a team, or gives the one issued today already. */
	@Transactional
	public Certificate issue(Actor actor, UUID teamId, UUID personId) {
		Team team = volunteer.team(teamId).orElseThrow(() -> DomainException.notFound("team"));
		boolean own = actor.userId().equals(personId);
		boolean organiser = teams.mayOrganise(actor, team);
		if (!own && !organiser) {
			throw DomainException.notFound("team");
		}
		Instant now = clock.instant();
		certificates.lock(teamId, personId);
		JdbcCertificates.Served served = certificates.served(teamId, personId, now, zone.getId());
		if (served.minutes() <= 0) {
			throw new DomainException(Category.CONFLICT, "NO_HOURS", "volunteer.noHours");
		}
		if (team.contact() == null) {
			throw new DomainException(Category.CONFLICT, "NO_CONTACT", "volunteer.noContact");
		}
		LocalDate today = LocalDate.ofInstant(now, zone);
		Optional<Certificate> same = certificates.sameSince(teamId, personId, (int) served.minutes(),
				today.atStartOfDay(zone).toInstant());
		if (same.isPresent()) {
			return same.get();
		}
		// the name and the ID number must be one person's: the resident's on the register where the account has one
		Optional<RegisteredIdentity> registered = people.identityOf(personId);
		String name = registered.map(RegisteredIdentity::name)
			.orElse(own ? actor.displayName() : served.personName());
		Certificate certificate = new Certificate(Ids.newId(clock), certificates.nextNumber(today.getYear()), team.id(),
				team.name(), team.orgUnitName(), team.scopePath(), personId, name,
				certificates.volunteerNumber(personId, now), ID_CARD,
				registered.map(RegisteredIdentity::idCardMasked).orElse(null), (int) served.minutes(), served.activities(),
				served.from(), served.to(), content(team, served),
				organiser && !own ? actor.displayName() : team.leaderName(), team.contact(), actor.userId(), now);
		certificates.insert(certificate);
		return certificate;
	}

	/** What he did, as the certificate words it: the team's activities by title, the most frequent first. */
	static String content(Team team, JdbcCertificates.Served served) {
		String titles = served.titles()
			.stream()
			.map(t -> t.title() + " " + t.times() + " 次")
			.collect(Collectors.joining("、"));
		String text = "参加" + team.name() + "组织的志愿服务活动 " + served.activities() + " 次：" + titles;
		return text.codePointCount(0, text.length()) <= 300 ? text
				: text.substring(0, text.offsetByCodePoints(0, 299)) + "…";
	}

	/** A certificate, for its holder, the team's leader and the desk of its scope. */
	public Certificate certificate(Actor actor, UUID id) {
		return certificates.byId(id)
			.filter(c -> actor.userId().equals(c.personId()) || volunteer.team(c.teamId())
				.map(team -> teams.mayOrganise(actor, team))
				.orElse(false))
			.orElseThrow(() -> DomainException.notFound("certificate"));
	}

	/** The teams the actor served with, his approved hours with each: those he may ask a certificate of. */
	public List<ServedHours> servedTeams(Actor actor) {
		return certificates.servedTeams(actor.userId());
	}

	/** Who served with a team and for how long, for its leader and the desk of its scope (the rest: nothing). */
	public List<ServedHours> servedWith(Actor actor, Team team, int page) {
		return teams.mayOrganise(actor, team)
				? certificates.servedWith(team.id(), VolunteerQueries.PAGE, Math.max(0, page) * VolunteerQueries.PAGE)
				: List.of();
	}

	/** The most lines a sheet of hours holds. */
	static final int SHEET_LIMIT = 50_000;

	/** A team's approved hours for its sheet, for its leader and the desk of its scope. */
	public List<HoursLine> hoursOfTeam(Actor actor, UUID teamId) {
		Team team = volunteer.team(teamId)
			.filter(t -> teams.mayOrganise(actor, t))
			.orElseThrow(() -> DomainException.notFound("team"));
		return certificates.hoursOfTeam(team.id(), SHEET_LIMIT);
	}

	/** The actor's own approved hours for his sheet. */
	public List<HoursLine> hoursOf(Actor actor) {
		return certificates.hoursOf(actor.userId(), SHEET_LIMIT);
	}

	/** The certificates issued to the actor, newest first. */
	public List<Certificate> mine(Actor actor) {
		return certificates.ofPerson(actor.userId(), VolunteerQueries.LIMIT);
	}

	/** A certificate as anyone may check it by its number: whether it exists, and what it says, with a masked name. */
	public Optional<Certificate> verify(String number) {
		return number == null || number.length() > 24 ? Optional.empty() : certificates.byNumber(number.strip());
	}

	/** The public notice of a team's certificates: the newest, with masked names (the caller masks them). */
	public List<Certificate> issuedBy(UUID teamId) {
		return certificates.ofTeam(teamId, VolunteerQueries.LIMIT);
	}
}

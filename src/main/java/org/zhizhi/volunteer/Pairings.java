package org.zhizhi.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.media.Photos;
import org.zhizhi.notification.Notifications;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleViews.ResidentSummary;
import org.zhizhi.people.ResidentTag;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.volunteer.persistence.JdbcPairings;
import org.zhizhi.volunteer.persistence.JdbcPairings.Visit;

/**
 * 结对帮扶 (seed 001: 红灯笼's volunteers paired one to one with the elders of 80 and more living alone, visiting every
 * month): the desk pairs a helper of its scope with a resident of its scope and says how often he visits; the helper
 * logs each visit with a note and a photo (late by a week at most, one a day, never changed), which earns his points;
 * a visit missed is flagged on both lists and told to the helper; the desk ends the pairing with the reason.
 */
@Service
public class Pairings {

	/** How far back a visit may be logged: the helper was there without signal, or forgot that evening. */
	static final int LATE_DAYS = 7;

	public record NewPairing(@NotNull(message = VolunteerCommands.REQUIRED) UUID residentId,
			@NotNull(message = VolunteerCommands.REQUIRED) UUID helperId, UUID teamId,
			@NotNull(message = VolunteerCommands.REQUIRED) PairingNeed need,
			@NotNull(message = VolunteerCommands.REQUIRED) @Min(value = 1, message = VolunteerCommands.RANGE)
			@Max(value = 92, message = VolunteerCommands.RANGE) Integer everyDays) {
	}

	public record NewVisit(@HasText(message = VolunteerCommands.REQUIRED) @TextLength(min = 2, max = 500,
			message = VolunteerCommands.LENGTH) String note, @PlausibleDate LocalDate visitedOn,
			@Latitude(message = "{incident.badLat}") Double lat, @Longitude(message = "{incident.badLng}") Double lng) {
	}

	public record EndPairing(@HasText(message = VolunteerCommands.REQUIRED) @TextLength(min = 2, max = 200,
			message = VolunteerCommands.LENGTH) String reason) {
	}

	/** A pairing as its pages and the API show it, with the next visit's due day and what the reader may do. */
	public record PairingView(UUID id, String orgUnitName, UUID teamId, UUID helperId, String helperName,
			UUID residentId, String residentName, String dwellingLabel, PairingNeed need, int everyDays,
			LocalDate startedOn, LocalDate lastVisitOn, int visits, PairingState state, LocalDate endedOn,
			String endReason, LocalDate dueOn, long daysOverdue, Set<PairingAction> allowedActions) {
	}

	public record PairingDetail(PairingView pairing, List<Visit> visits) {
	}

	/** The desk's list: the running pairings of its scope, the most overdue first, and the figures. */
	public record ScopeList(List<PairingView> pairings, long running, long overdue, int page, boolean more) {
	}

	private final JdbcPairings pairings;

	private final PeopleQueries people;

	private final AccountQueries accounts;

	private final OrgUnitQueries orgUnits;

	private final VolunteerTeams teams;

	private final Photos photos;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	private final Notifications notifications;

	/** What the sweep's missed-visit notices are about: settled by the next visit, or the pairing's end. */
	static final String SUBJECT = "PAIRING";

	Pairings(JdbcPairings pairings, PeopleQueries people, AccountQueries accounts, OrgUnitQueries orgUnits,
			VolunteerTeams teams, Photos photos, CommandShape shape, Clock clock, ZoneId zone,
			Notifications notifications) {
		this.pairings = pairings;
		this.people = people;
		this.accounts = accounts;
		this.orgUnits = orgUnits;
		this.teams = teams;
		this.photos = photos;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
		this.notifications = notifications;
	}

	/** The desk pairs a helper of its scope with a resident of its scope. */
	@Transactional
	public PairingView create(Actor actor, NewPairing command) {
		if (!actor.hasAny(VolunteerRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		List<FieldProblem> more = new ArrayList<>();
		ResidentSummary resident = null;
		if (command.residentId() != null) {
			try {
				resident = people.resident(actor, command.residentId());
			}
			catch (DomainException e) {
				more.add(new FieldProblem("residentId", "volunteer.personNotFound"));
			}
		}
		Account helper = command.helperId() == null ? null : accounts.find(actor.scope(), command.helperId())
			.filter(a -> a.enabled() && a.roles().stream().anyMatch(ParticipationLifecycle.VOLUNTEERS::contains))
			.orElse(null);
		if (command.helperId() != null && helper == null) {
			more.add(new FieldProblem("helperId", "volunteer.helperNotFound"));
		}
		Team team = null;
		if (command.teamId() != null) {
			team = teams.teamOfScope(actor, command.teamId()).orElse(null);
			if (team == null) {
				more.add(new FieldProblem("teamId", "volunteer.teamNotYours"));
			}
		}
		OrgUnit grid = resident == null || resident.gridId() == null ? null
				: orgUnits.find(actor.scope(), resident.gridId()).orElse(null);
		if (resident != null && grid == null) {
			more.add(new FieldProblem("residentId", "volunteer.personNotFound"));
		}
		shape.check(command, more);
		Instant now = clock.instant();
		Pairing pairing = Pairing.start(Ids.newId(clock),
				new Pairing.Terms(grid.id(), grid.name(), grid.path(), DataScope.districtOf(grid.path()),
						team == null ? null : team.id(), helper.id(), helper.displayName(), resident.id(),
						resident.name(), resident.dwellingLabel(), command.need(), command.everyDays(),
						LocalDate.ofInstant(now, zone)));
		if (!pairings.insert(pairing, actor.userId(), now)) {
			throw new DomainException(Category.CONFLICT, "PAIRED_ALREADY", "volunteer.pairedAlready");
		}
		return view(actor, pairing, LocalDate.ofInstant(now, zone));
	}

	/** The helper logs a visit (today, or up to a week late) with a note and, if he took one, a photo. */
	@Transactional
	public PairingView visit(Actor actor, UUID id, NewVisit command, byte[] photo) {
		Pairing pairing = pairings.find(id).orElseThrow(() -> DomainException.notFound("pairing"));
		PairingPolicy.require(actor, pairing, relation(actor, pairing), PairingAction.VISIT);
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate on = command.visitedOn() == null ? today : command.visitedOn();
		List<FieldProblem> more = new ArrayList<>();
		if (on.isAfter(today) || on.isBefore(today.minusDays(LATE_DAYS)) || on.isBefore(pairing.terms().startedOn())) {
			more.add(new FieldProblem("visitedOn", "volunteer.visitDay", LATE_DAYS));
		}
		shape.check(command, more);
		UUID visitId = Ids.newId(clock);
		UUID photoId = photo == null || photo.length == 0 ? null : photos.store(photo).id();
		if (!pairings.insert(new Visit(visitId, id, on, now, command.note().strip(), photoId, command.lat(),
				command.lng(), actor.userId(), actor.displayName()))) {
			throw new DomainException(Category.CONFLICT, "VISIT_LOGGED", "volunteer.visitLogged");
		}
		pairing.visit(visitId, on, now, actor.userId(), actor.displayName());
		if (!pairings.save(pairing)) {
			throw new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "volunteer.changedMeanwhile");
		}
		// the visit answers the "visit missed" notices: done in the helper's inbox (issue 15)
		notifications.settle(SUBJECT, id, pairing.state().name(), List.of(PairingSweeps.VISIT_MISSED));
		return view(actor, pairing, today);
	}

	/** The desk ends a pairing with the reason (moved away, passed away, the helper left …). */
	@Transactional
	public PairingView end(Actor actor, UUID id, EndPairing command) {
		Pairing pairing = pairings.find(id).orElseThrow(() -> DomainException.notFound("pairing"));
		PairingPolicy.require(actor, pairing, relation(actor, pairing), PairingAction.END);
		shape.check(command);
		LocalDate today = LocalDate.now(clock.withZone(zone));
		pairing.end(today, command.reason().strip());
		if (!pairings.save(pairing)) {
			throw new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "volunteer.changedMeanwhile");
		}
		notifications.settle(SUBJECT, id, pairing.state().name(), List.of());
		return view(actor, pairing, today);
	}

	/** The actor's own pairings as a helper, the next visit due first. */
	@Transactional(readOnly = true)
	public List<PairingView> mine(Actor actor) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		return pairings.ofHelper(actor.userId()).stream().map(p -> view(actor, p, today)).toList();
	}

	/** The desk's running pairings of its scope, the most overdue first; nothing for anyone else. */
	@Transactional(readOnly = true)
	public ScopeList ofScope(Actor actor, int page) {
		if (!actor.hasAny(VolunteerRoles.DESK)) {
			return new ScopeList(List.of(), 0, 0, 0, false);
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		int p = Math.max(0, page);
		List<Pairing> some = pairings.ofScope(actor.scope(), VolunteerQueries.PAGE + 1, p * VolunteerQueries.PAGE);
		JdbcPairings.Counts counts = pairings.counts(actor.scope(), today);
		return new ScopeList(some.stream().limit(VolunteerQueries.PAGE).map(x -> view(actor, x, today)).toList(),
				counts.running(), counts.overdue(), p, some.size() > VolunteerQueries.PAGE);
	}

	/** A pairing with its visits, for its helper and the desk of its scope. */
	@Transactional(readOnly = true)
	public PairingDetail detail(Actor actor, UUID id) {
		Pairing pairing = visible(actor, id);
		return new PairingDetail(view(actor, pairing, LocalDate.now(clock.withZone(zone))),
				pairings.visits(id, VolunteerQueries.LIMIT));
	}

	/** A visit's photo, for the pairing's helper and the desk of its scope. */
	@Transactional(readOnly = true)
	public Optional<byte[]> photo(Actor actor, UUID visitId) {
		Visit visit = pairings.visit(visitId).orElseThrow(() -> DomainException.notFound("visit"));
		visible(actor, visit.pairingId());
		return visit.photoId() == null ? Optional.empty() : photos.photo(visit.photoId());
	}

	/**
	 * The people of the desk's scope who need looking after and have nobody yet: elders living alone first, then
	 * those of 80 and more, at most a page of each — for the pairing form.
	 */
	@Transactional(readOnly = true)
	public List<ResidentSummary> toPair(Actor actor) {
		List<ResidentSummary> found = new ArrayList<>();
		for (ResidentTag tag : List.of(ResidentTag.ELDER_ALONE, ResidentTag.AGED_80_PLUS, ResidentTag.DISABLED,
				ResidentTag.SUBSISTENCE)) {
			List<ResidentSummary> some = people.search(actor, new org.zhizhi.people.PeopleViews.ResidentSearch(null, null,
					null, tag, null, null, null, false, 0, 100))
				.items();
			java.util.Set<UUID> paired = pairings.paired(some.stream().map(ResidentSummary::id).toList());
			some.stream()
				.filter(r -> found.stream().noneMatch(f -> f.id().equals(r.id())) && !paired.contains(r.id()))
				.forEach(found::add);
			if (found.size() >= 50) {
				break;
			}
		}
		return found.stream().limit(50).toList();
	}

	/** The accounts of the desk's scope that may be helpers (residents, party members, grid workers), by name. */
	@Transactional(readOnly = true)
	public List<Account> helpers(Actor actor) {
		if (!actor.hasAny(VolunteerRoles.DESK)) {
			return List.of();
		}
		List<Account> found = new ArrayList<>();
		for (int page = 0; page < 4; page++) {
			List<Account> some = accounts.list(actor.scope(), null, page);
			some.stream()
				.filter(a -> a.enabled() && a.roles().stream().anyMatch(ParticipationLifecycle.VOLUNTEERS::contains))
				.forEach(found::add);
			if (some.size() < org.zhizhi.identity.AccountQueries.PAGE_SIZE) {
				break;
			}
		}
		return found;
	}

	private Pairing visible(Actor actor, UUID id) {
		Pairing pairing = pairings.find(id).orElseThrow(() -> DomainException.notFound("pairing"));
		PairingPolicy.Relation relation = relation(actor, pairing);
		if (!relation.helper() && !relation.desk()) {
			throw DomainException.notFound("pairing");
		}
		return pairing;
	}

	PairingPolicy.Relation relation(Actor actor, Pairing pairing) {
		return new PairingPolicy.Relation(actor.userId().equals(pairing.terms().helperId()),
				actor.hasAny(VolunteerRoles.DESK) && actor.scope().covers(pairing.terms().scopePath()));
	}

	private PairingView view(Actor actor, Pairing p, LocalDate today) {
		Pairing.Terms t = p.terms();
		return new PairingView(p.id(), t.orgUnitName(), t.teamId(), t.helperId(), t.helperName(), t.residentId(),
				t.residentName(), t.dwellingLabel(), t.need(), t.everyDays(), t.startedOn(), p.lastVisitOn(),
				p.visits(), p.state(), p.endedOn(), p.endReason(), p.dueOn(), p.daysOverdue(today),
				PairingPolicy.allowedActions(actor, p, relation(actor, p)));
	}
}

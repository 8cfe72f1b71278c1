package org.zhizhi.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentLifecycle.Transition;
import org.zhizhi.incident.persistence.JdbcIncidents;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.GridLocation;
import org.zhizhi.territory.GridLocator;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

import tools.jackson.databind.json.JsonMapper;

/**
 * The commands of the incident life cycle: intake (idempotent per caller and key) and the steps from acceptance to
 * the claim. Each step is guarded by {@link IncidentLifecycle}, taken with one conditional update whose row count
 * decides a race, and appended to the timeline in the same transaction.
 */
@Service
public class IncidentManagement {

	/** Who accepts, rejects, triages and blows the whistle: the grid (leader) and the tiers above it. */
	static final Set<Role> DISPATCHERS = EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_STAFF,
			Role.DISTRICT_ADMIN, Role.SYSTEM_ADMIN);

	/** Who takes an open order (党员接单). */
	static final Set<Role> CLAIMERS = EnumSet.of(Role.PARTY_MEMBER);

	/** Who verifies a resolution or sends it back (never the claimer himself). */
	static final Set<Role> VERIFIERS = EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF);

	/** Who records a rating for the reporter, from a call-back (回访). */
	static final Set<Role> CALL_BACK_STAFF = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF);

	static final int MAX_DESCRIPTION = 2000;

	static final int MAX_NOTE = 1000;

	private final JdbcIncidents incidents;

	private final GridLocator grids;

	private final OrgUnitQueries orgUnits;

	private final IncidentQueries queries;

	private final Clock clock;

	private final JsonMapper json;

	private final double checkInRadiusM;

	private final ApplicationEventPublisher events;

	IncidentManagement(JdbcIncidents incidents, GridLocator grids, OrgUnitQueries orgUnits, IncidentQueries queries,
			Clock clock, JsonMapper json, @Value("${zhizhi.incident.check-in-radius-m:500}") double checkInRadiusM,
			ApplicationEventPublisher events) {
		this.events = events;
		this.checkInRadiusM = checkInRadiusM;
		this.incidents = incidents;
		this.grids = grids;
		this.orgUnits = orgUnits;
		this.queries = queries;
		this.clock = clock;
		this.json = json;
	}

	/**
	 * Takes a report in. The key row is inserted first, in this very transaction: of many submissions under one key
	 * exactly one does the work; one that arrives while it is still running is refused (409), one that arrives after
	 * it gets the stored answer, and one with a different body is refused (422).
	 */
	@Transactional
	public IdempotentResult report(Actor actor, String idempotencyKey, ReportIncident report) {
		String hash = sha256(json.writeValueAsString(report));
		if (!incidents.tryLockKey(actor.userId(), idempotencyKey)) {
			throw inProgress();
		}
		if (!incidents.claimKey(actor.userId(), idempotencyKey, hash, clock.instant())) {
			var stored = incidents.storedKey(actor.userId(), idempotencyKey).orElseThrow(IncidentManagement::inProgress);
			if (!stored.requestHash().equals(hash)) {
				throw new IdempotencyConflict();
			}
			if (stored.status() == null) {
				throw inProgress();
			}
			return new IdempotentResult(stored.status(), stored.body());
		}
		IncidentDetail created = create(actor, report);
		String body = json.writeValueAsString(created);
		incidents.storeResponse(actor.userId(), idempotencyKey, 201, body);
		return new IdempotentResult(201, body);
	}

	private IncidentDetail create(Actor actor, ReportIncident report) {
		List<FieldProblem> problems = new ArrayList<>();
		if (report.channel() == null) {
			problems.add(new FieldProblem("channel", "validation.required"));
		}
		if (report.categoryCode() == null || report.categoryCode().isBlank()) {
			problems.add(new FieldProblem("categoryCode", "validation.required"));
		}
		else if (!incidents.categoryExists(report.categoryCode())) {
			problems.add(new FieldProblem("categoryCode", "incident.unknownCategory"));
		}
		if (report.description() == null || report.description().isBlank()) {
			problems.add(new FieldProblem("description", "validation.required"));
		}
		else if (report.description().length() > MAX_DESCRIPTION) {
			problems.add(new FieldProblem("description", "incident.descriptionTooLong", MAX_DESCRIPTION));
		}
		boolean positioned = true;
		if (report.lat() == null || report.lat() < -90 || report.lat() > 90 || report.lat().isNaN()) {
			problems.add(new FieldProblem("lat", report.lat() == null ? "validation.required" : "incident.badLat"));
			positioned = false;
		}
		if (report.lng() == null || report.lng() < -180 || report.lng() > 180 || report.lng().isNaN()) {
			problems.add(new FieldProblem("lng", report.lng() == null ? "validation.required" : "incident.badLng"));
			positioned = false;
		}
		GridLocation location = null;
		OrgUnit grid = null;
		if (positioned) {
			location = grids.locate(actor.scope(), report.lat(), report.lng()).orElse(null);
			grid = location == null ? null : orgUnits.find(actor.scope(), location.id()).orElse(null);
			if (grid == null) {
				problems.add(new FieldProblem("lat", "incident.outsideGrids"));
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Instant now = clock.instant();
		UUID id = Ids.newId(clock);
		Incident incident = new Incident(id, report.channel(), report.categoryCode(), report.description().strip(),
				report.lat(), report.lng(), grid.id(),
				location.microGrid() == null ? null : location.microGrid().id(), grid.path(), grid.districtId(),
				IncidentState.REPORTED, null, null, null, null, actor.userId(), now, now, null, false, null, null,
				Boolean.TRUE.equals(report.anonymous()), Tier.GRID, OwnerKind.ORG_UNIT, grid.id(), null, null, null,
				null, 0, 0, 0, 0, null, null);
		incidents.insert(incident);
		incidents.append(new TimelineEntry(Ids.newId(clock), id, now, actor.userId(), actor.displayName(),
				actingRole(actor, EnumSet.allOf(Role.class)), IncidentAction.REPORT, null, IncidentState.REPORTED,
				report.lat(), report.lng(), report.channel().name()));
		events.publishEvent(new IncidentStepped(id, IncidentAction.REPORT, null, IncidentState.REPORTED, now,
				actor.userId()));
		return queries.get(actor.scope(), id);
	}

	@Transactional
	public IncidentDetail accept(Actor actor, UUID id, StepRequest step) {
		return take(actor, id, DISPATCHERS, step, IncidentLifecycle::accept, null, null, null, false,
				note(step.note()));
	}

	@Transactional
	public IncidentDetail reject(Actor actor, UUID id, StepRequest step) {
		return take(actor, id, DISPATCHERS, step, state -> IncidentLifecycle.reject(state, step.reason()), null,
				null, step.reason(), false, join(step.reason(), note(step.note())));
	}

	@Transactional
	public IncidentDetail triage(Actor actor, UUID id, StepRequest step) {
		return take(actor, id, DISPATCHERS, step,
				state -> IncidentLifecycle.triage(state, step.triage(), note(step.note())), step.triage(), null, null,
				false, join(step.triage(), note(step.note())));
	}

	@Transactional
	public IncidentDetail whistle(Actor actor, UUID id, StepRequest step) {
		return take(actor, id, DISPATCHERS, step, state -> IncidentLifecycle.whistle(state, step.type()), null,
				step.type(), null, false, join(step.type(), note(step.note())));
	}

	/** The first of many members pressing at once wins; the others are told the order is already claimed. */
	@Transactional
	public IncidentDetail claim(Actor actor, UUID id, StepRequest step) {
		return take(actor, id, CLAIMERS, step, IncidentLifecycle::claim, null, null, null, true, note(step.note()));
	}

	/**
	 * The claimer reports on site (线下报到) from where he stands. The distance to the incident is computed and kept; a
	 * check-in beyond the configured radius is allowed but flagged, on its timeline entry and on the incident.
	 */
	@Transactional
	public IncidentDetail checkIn(Actor actor, UUID id, StepRequest step) {
		Incident incident = claimersOwn(actor, id, step);
		Transition transition = IncidentLifecycle.checkIn(incident.state());
		List<FieldProblem> problems = new ArrayList<>();
		if (step.lat() == null || step.lat() < -90 || step.lat() > 90 || step.lat().isNaN()) {
			problems.add(new FieldProblem("lat", step.lat() == null ? "validation.required" : "incident.badLat"));
		}
		if (step.lng() == null || step.lng() < -180 || step.lng() > 180 || step.lng().isNaN()) {
			problems.add(new FieldProblem("lng", step.lng() == null ? "validation.required" : "incident.badLng"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		double distance = Math.round(GeoDistance.metres(incident.lat(), incident.lng(), step.lat(), step.lng()) * 10)
				/ 10.0;
		boolean flagged = distance > checkInRadiusM;
		String detail = String.format(Locale.ROOT, "%s%.0f m", flagged ? "FLAGGED " : "", distance);
		String note = note(step.note());
		return advance(actor, incident, actingRole(actor, CLAIMERS), transition, step,
				note == null ? detail : detail + ": " + note, distance, flagged, null, null);
	}

	/** The claimer reports the work done, with a note. */
	@Transactional
	public IncidentDetail resolve(Actor actor, UUID id, StepRequest step) {
		Incident incident = claimersOwn(actor, id, step);
		Transition transition = IncidentLifecycle.resolve(incident.state(), note(step.note()));
		return advance(actor, incident, actingRole(actor, CLAIMERS), transition, step, note(step.note()), null, false,
				null, null);
	}

	/** The grid or community passes the resolution, which closes the incident in the same transaction. */
	@Transactional
	public IncidentDetail verify(Actor actor, UUID id, StepRequest step) {
		Incident incident = verifiable(actor, id, step);
		Transition transition = IncidentLifecycle.verify(incident.state());
		String role = actingRole(actor, VERIFIERS);
		Instant now = clock.instant();
		advance(actor, incident, role, transition, step, note(step.note()), null, false, null, null, now);
		Transition close = IncidentLifecycle.close(transition.to());
		// a microsecond later, so that the timeline keeps the closure after the verification
		return advance(actor, incident, role, close, step, null, null, false, null, null, now.plusNanos(1_000));
	}

	/** The resolution fails verification and goes back to the claimer (返工), with the reason. */
	@Transactional
	public IncidentDetail rework(Actor actor, UUID id, StepRequest step) {
		Incident incident = verifiable(actor, id, step);
		Transition transition = IncidentLifecycle.rework(incident.state(), note(step.note()));
		return advance(actor, incident, actingRole(actor, VERIFIERS), transition, step, note(step.note()), null,
				false, null, null);
	}

	/** The reporter rates a closed incident, or staff record his rating from a call-back; once only. */
	@Transactional
	public IncidentDetail rate(Actor actor, UUID id, StepRequest step) {
		Incident incident = incidents.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("incident"));
		boolean reporter = actor.userId().equals(incident.reporterId());
		if (!reporter && !actor.hasAny(CALL_BACK_STAFF)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "incident.roleNotAllowed");
		}
		checkLength("comment", step.comment());
		checkLength("note", step.note());
		String comment = note(step.comment());
		Transition transition = IncidentLifecycle.rate(incident.state(), step.rating(), comment);
		String role = actor.hasAny(CALL_BACK_STAFF) ? actingRole(actor, CALL_BACK_STAFF)
				: actingRole(actor, EnumSet.allOf(Role.class));
		return advance(actor, incident, role, transition, step, join(step.rating(), comment), null, false,
				step.rating(), comment);
	}

	/** The incident, if the actor is a party member and the one who claimed it. */
	private Incident claimersOwn(Actor actor, UUID id, StepRequest step) {
		Incident incident = incidents.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("incident"));
		if (!actor.hasAny(CLAIMERS)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "incident.roleNotAllowed");
		}
		if (incident.claimedBy() != null && !incident.claimedBy().equals(actor.userId())) {
			throw new DomainException(Category.FORBIDDEN, "NOT_THE_CLAIMER", "incident.notTheClaimer");
		}
		checkLength("note", step.note());
		return incident;
	}

	/** The incident, if the actor may verify it: a verifier in scope who did not claim it himself. */
	private Incident verifiable(Actor actor, UUID id, StepRequest step) {
		Incident incident = incidents.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("incident"));
		if (!actor.hasAny(VERIFIERS)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "incident.roleNotAllowed");
		}
		if (actor.userId().equals(incident.claimedBy())) {
			throw new DomainException(Category.FORBIDDEN, "OWN_WORK", "incident.cannotVerifyOwnWork");
		}
		checkLength("note", step.note());
		return incident;
	}

	private static void checkLength(String field, String text) {
		if (text != null && text.length() > MAX_NOTE) {
			throw DomainException.invalid(List.of(new FieldProblem(field, "incident.noteTooLong", MAX_NOTE)));
		}
	}

	private IncidentDetail advance(Actor actor, Incident incident, String role, Transition transition,
			StepRequest step, String detail, Double distance, boolean flagged, Rating rating, String ratingComment) {
		return advance(actor, incident, role, transition, step, detail, distance, flagged, rating, ratingComment,
				clock.instant());
	}

	private IncidentDetail advance(Actor actor, Incident incident, String role, Transition transition,
			StepRequest step, String detail, Double distance, boolean flagged, Rating rating, String ratingComment,
			Instant now) {
		if (!incidents.advance(incident.id(), transition.from(), transition.to(), now, distance, flagged, rating,
				ratingComment)) {
			IncidentState current = incidents.find(actor.scope(), incident.id())
				.map(Incident::state)
				.orElse(incident.state());
			throw IncidentLifecycle.illegal(current, transition.action());
		}
		incidents.append(new TimelineEntry(Ids.newId(clock), incident.id(), now, actor.userId(), actor.displayName(),
				role, transition.action(), transition.from(), transition.to(), step.lat(), step.lng(), detail,
				distance, flagged));
		events.publishEvent(new IncidentStepped(incident.id(), transition.action(), transition.from(),
				transition.to(), now, actor.userId()));
		return queries.get(actor.scope(), incident.id());
	}

	private IncidentDetail take(Actor actor, UUID id, Set<Role> allowed, StepRequest step,
			Function<IncidentState, Transition> lifecycle, Triage triage, WhistleType whistle, RejectReason reason,
			boolean claiming, String detail) {
		Incident incident = incidents.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("incident"));
		if (!actor.hasAny(allowed)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "incident.roleNotAllowed");
		}
		if (step.note() != null && step.note().length() > MAX_NOTE) {
			throw DomainException.invalid(List.of(new FieldProblem("note", "incident.noteTooLong", MAX_NOTE)));
		}
		Transition transition = lifecycle.apply(incident.state());
		Instant now = clock.instant();
		if (!incidents.move(id, transition.from(), transition.to(), now, triage, whistle, reason,
				claiming ? actor.userId() : null)) {
			IncidentState current = incidents.find(actor.scope(), id).map(Incident::state).orElse(incident.state());
			throw IncidentLifecycle.illegal(current, transition.action());
		}
		incidents.append(new TimelineEntry(Ids.newId(clock), id, now, actor.userId(), actor.displayName(),
				actingRole(actor, allowed), transition.action(), transition.from(), transition.to(), step.lat(),
				step.lng(), detail));
		events.publishEvent(new IncidentStepped(id, transition.action(), transition.from(), transition.to(), now,
				actor.userId()));
		return queries.get(actor.scope(), id);
	}

	private static String actingRole(Actor actor, Set<Role> allowed) {
		return actor.roles()
			.stream()
			.filter(allowed::contains)
			.sorted()
			.findFirst()
			.map(Role::name)
			.orElse("UNKNOWN");
	}

	private static String note(String note) {
		return note == null || note.isBlank() ? null : note.strip();
	}

	private static String join(Enum<?> choice, String note) {
		if (choice == null) {
			return note;
		}
		return note == null ? choice.name() : choice.name() + ": " + note;
	}

	private static DomainException inProgress() {
		return new DomainException(Category.CONFLICT, "IDEMPOTENCY_IN_PROGRESS", "incident.idempotencyInProgress");
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

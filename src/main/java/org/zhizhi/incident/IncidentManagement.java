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
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

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

	static final int MAX_DESCRIPTION = 2000;

	static final int MAX_NOTE = 1000;

	private final JdbcIncidents incidents;

	private final GridLocator grids;

	private final OrgUnitQueries orgUnits;

	private final IncidentQueries queries;

	private final Clock clock;

	private final JsonMapper json;

	IncidentManagement(JdbcIncidents incidents, GridLocator grids, OrgUnitQueries orgUnits, IncidentQueries queries,
			Clock clock, JsonMapper json) {
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
				IncidentState.REPORTED, null, null, null, null, actor.userId(), now, now);
		incidents.insert(incident);
		incidents.append(new TimelineEntry(Ids.newId(clock), id, now, actor.userId(), actor.displayName(),
				actingRole(actor, EnumSet.allOf(Role.class)), IncidentAction.REPORT, null, IncidentState.REPORTED,
				report.lat(), report.lng(), report.channel().name()));
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

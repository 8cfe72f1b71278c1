package org.zhizhi.incident;

import static org.zhizhi.incident.IncidentSteps.note;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentLifecycle.Transition;
import org.zhizhi.incident.IncidentPart.PartState;
import org.zhizhi.incident.IncidentSteps.Entry;
import org.zhizhi.incident.persistence.JdbcIncidents;
import org.zhizhi.incident.persistence.JdbcUnits;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.GeoPoint;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.Sha256;
import org.zhizhi.territory.GridLocation;
import org.zhizhi.territory.GridLocator;

import tools.jackson.databind.json.JsonMapper;

/**
 * The commands of the incident life cycle: intake (idempotent per caller and key) and the steps from acceptance to
 * the claim. Each step is guarded by {@link IncidentLifecycle}, taken with one conditional update whose row count
 * decides a race, and appended to the timeline in the same transaction.
 */
@Service
public class IncidentManagement {

	/** Who accepts, rejects, triages and blows the whistle (the lifecycle table's roles, named here for the timeline). */
	static final Set<Role> DISPATCHERS = IncidentLifecycle.DISPATCHERS;

	static final Set<Role> CLAIMERS = IncidentLifecycle.CLAIMERS;

	static final Set<Role> VERIFIERS = IncidentLifecycle.VERIFIERS;

	static final Set<Role> CALL_BACK_STAFF = IncidentLifecycle.CALL_BACK_STAFF;

	static final Set<Role> HANDLERS = IncidentLifecycle.HANDLERS;

	static final int MAX_DESCRIPTION = 2000;

	private final JdbcIncidents incidents;

	private final GridLocator grids;

	private final Clock clock;

	private final JsonMapper json;

	private final double checkInRadiusM;

	private final ApplicationEventPublisher events;

	private final IncidentSteps steps;

	private final JdbcUnits units;

	private final boolean checkInPhotoRequired;

	private final boolean resolvePhotoRequired;

	private final CommandShape shape;

	private final ReportIntake intake;

	IncidentManagement(JdbcIncidents incidents, GridLocator grids, Clock clock, JsonMapper json, IncidentProperties settings,
			ApplicationEventPublisher events, IncidentSteps steps, JdbcUnits units, CommandShape shape,
			ReportIntake intake) {
		this.intake = intake;
		this.shape = shape;
		this.events = events;
		this.steps = steps;
		this.units = units;
		this.checkInPhotoRequired = settings.checkInPhotoRequired();
		this.resolvePhotoRequired = settings.resolvePhotoRequired();
		this.checkInRadiusM = settings.checkInRadiusM();
		this.incidents = incidents;
		this.grids = grids;
		this.clock = clock;
		this.json = json;
	}

	/**
	 * Takes a report in. It is checked and built here, on the request's thread, then written with the reports that
	 * came in at the same time, in one transaction ({@link ReportIntake}), under its key with the answer it gets: of
	 * many submissions under one key exactly one is written; one that arrives while it is still being written is
	 * refused (409), one that arrives after it gets the stored answer, and one with a different body is refused
	 * (422). Not in a transaction of its own: the request holds no connection while its report waits for its group.
	 * Called inside a transaction (a phone report with its photo), the report is written in that transaction instead.
	 */
	public IdempotentResult report(Actor actor, String idempotencyKey, ReportIncident report) {
		return report(actor, idempotencyKey, report, false);
	}

	/**
	 * Takes in a request an Open311 client sent: the one way a report enters by the {@code OPEN311} channel, which
	 * nobody can name in a report of his own.
	 */
	public IdempotentResult reportThroughOpen311(Actor client, String idempotencyKey, ReportIncident report) {
		if (report.channel() != Channel.OPEN311) {
			throw new IllegalArgumentException("an Open311 request comes by the OPEN311 channel, not " + report.channel());
		}
		return report(client, idempotencyKey, report, true);
	}

	/**
	 * A report another module files for a record of its own that it makes once (a deliberation task), in that module's
	 * transaction: the record's own key stands in for the Idempotency-Key, and a refusal undoes both.
	 */
	@Transactional
	public IncidentDetail reportFor(Actor actor, ReportIncident report) {
		ReportIntake.Prepared prepared = prepare(actor, report, false, null);
		incidents.insert(prepared.incident());
		incidents.append(prepared.reported());
		prepared.events().forEach(events::publishEvent);
		return answer(prepared);
	}

	/**
	 * Takes in a work order a city platform (12345 hotline, 141) handed over, in the citylink module's transaction: that
	 * module keeps the order's external id unique and stands in for the Idempotency-Key, and a refusal undoes both. The
	 * platform is not staff, yet its orders come by the {@code HOTLINE_12345} channel, which only this door names for it.
	 * An order's deadline ({@code deadline}, null when it sets none) binds the incident: it is due to resolve by it, and
	 * no due date set later falls after it.
	 */
	@Transactional
	public IncidentDetail reportFromCityPlatform(Actor platform, ReportIncident report, BindingDeadline deadline) {
		if (report.channel() != Channel.HOTLINE_12345) {
			throw new IllegalArgumentException("a city platform's order comes by HOTLINE_12345, not " + report.channel());
		}
		ReportIntake.Prepared prepared = prepare(platform, report, true, deadline);
		incidents.insert(prepared.incident());
		incidents.append(prepared.reported());
		prepared.events().forEach(events::publishEvent);
		return answer(prepared);
	}

	private IdempotentResult report(Actor actor, String idempotencyKey, ReportIncident report, boolean open311) {
		// the same digest as of the JSON's text (its UTF-8), without making the text first
		String hash = Sha256.hex(json.writeValueAsBytes(report));
		ReportIntake.Prepared prepared;
		try {
			prepared = prepare(actor, report, open311, null);
		}
		catch (DomainException refused) {
			// a key used before answers as it did, whatever the body says now
			return earlierAnswer(actor, idempotencyKey, hash).orElseThrow(() -> refused);
		}
		// the answer's JSON once: these bytes are the response, and the key stores them as its text
		byte[] body = json.writeValueAsBytes(answer(prepared));
		// the API's answer to a new report is 201: its audit entry is committed with the report (Open311 answers its own)
		Optional<Integer> auditedAs = open311 ? Optional.empty() : Optional.of(201);
		if (intake.write(actor.userId(), idempotencyKey, hash, new String(body, StandardCharsets.UTF_8), prepared,
				auditedAs)) {
			return new IdempotentResult(201, body);
		}
		return earlierAnswer(actor, idempotencyKey, hash).orElseThrow(IncidentManagement::inProgress);
	}

	/** The stored answer under the key; refused if the body differs or the first submission is still running. */
	private Optional<IdempotentResult> earlierAnswer(Actor actor, String idempotencyKey, String hash) {
		return incidents.storedKey(actor.userId(), idempotencyKey).map(stored -> {
			if (!stored.requestHash().equals(hash)) {
				throw new IdempotencyConflict();
			}
			if (stored.status() == null) {
				throw inProgress();
			}
			return new IdempotentResult(stored.status(), stored.body());
		});
	}

	/** The answer to a new report: what was just written, not read back — no parts and no extensions yet. */
	private static IncidentDetail answer(ReportIntake.Prepared prepared) {
		return new IncidentDetail(prepared.incident(), List.of(prepared.reported()));
	}

	/**
	 * Checks a report and builds its incident, first timeline entry and events; writes nothing. A binding deadline
	 * (a city platform's order; else null) is set on the incident as it is made.
	 */
	private ReportIntake.Prepared prepare(Actor actor, ReportIncident report, boolean channelGivenByModule,
			BindingDeadline deadline) {
		// the shape and the rules that need the database are told together, in the form's order
		List<FieldProblem> problems = new ArrayList<>(shape.problems(report));
		if (!channelGivenByModule && !ReportChannels.allows(actor, report.channel())) {
			problems.add(0, new FieldProblem("channel", "incident.channelNotYours"));
		}
		if (report.categoryCode() != null && !report.categoryCode().isBlank()
				&& !incidents.categoryExists(report.categoryCode())) {
			int afterChannel = (int) problems.stream().filter(p -> p.field().equals("channel")).count();
			problems.add(afterChannel, new FieldProblem("categoryCode", "incident.unknownCategory"));
		}
		boolean positioned = GeoPoint.validLatitude(report.lat()) && GeoPoint.validLongitude(report.lng());
		GridLocation grid = null;
		if (positioned) {
			grid = grids.locate(actor.scope(), report.lat(), report.lng()).orElse(null);
			if (grid == null) {
				problems.add(new FieldProblem("lat", "incident.outsideGrids"));
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		// as the database keeps it (microseconds), so that the answer built here is the incident as it is read back
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		UUID id = Ids.newId(clock);
		Incident incident = Incident.report(id, report.channel(), report.categoryCode(), report.description().strip(),
				report.lat(), report.lng(), grid.id(), grid.microGrid() == null ? null : grid.microGrid().id(),
				grid.path(), grid.districtId(), actor.userId(),
				Boolean.TRUE.equals(report.anonymous()) && actor.has(Role.RESIDENT), now);
		if (deadline != null) {
			incident.bindTo(deadline);
		}
		TimelineEntry reported = TimelineEntry.of(Ids.newId(clock), id, now, actor.userId(), actor.displayName(),
				IncidentSteps.actingRole(actor, EnumSet.allOf(Role.class)), IncidentAction.REPORT, null,
				IncidentState.REPORTED, report.lat(), report.lng(), null, new TimelineDetail.Reported(report.channel()),
				null, false, List.of());
		List<IncidentEvent> registered = incident.events();
		incident.clearEvents();
		return new ReportIntake.Prepared(incident.view(), reported, registered);
	}

	@Transactional
	public IncidentDetail accept(Actor actor, UUID id, AcceptIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.ACCEPT, step);
		Transition t = incident.accept(actor.userId(), steps.now());
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, DISPATCHERS), t,
				Entry.of(step, null));
	}

	@Transactional
	public IncidentDetail reject(Actor actor, UUID id, RejectIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.REJECT, step);
		Transition t = incident.reject(step.reason(), actor.userId(), steps.now());
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, DISPATCHERS), t,
				Entry.of(step, new TimelineDetail.Rejected(step.reason())));
	}

	@Transactional
	public IncidentDetail triage(Actor actor, UUID id, TriageIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.TRIAGE, step);
		Transition t = incident.triage(step.triage(), note(step.note()), actor.userId(), steps.now());
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, DISPATCHERS), t,
				Entry.of(step, new TimelineDetail.Triaged(step.triage())));
	}

	/** The first of many members pressing at once wins; the others are told the order is already claimed. */
	@Transactional
	public IncidentDetail claim(Actor actor, UUID id, ClaimIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.CLAIM, step);
		Transition t = incident.claim(actor.userId(), steps.now());
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, CLAIMERS), t,
				Entry.of(step, null));
	}

	/**
	 * The handler reports on site (线下报到) from where he stands, with a photo. The distance to the incident is computed
	 * and kept; a check-in beyond the configured radius is allowed but flagged, on its timeline entry and on the
	 * incident.
	 */
	@Transactional
	public IncidentDetail checkIn(Actor actor, UUID id, CheckInOnSite step) {
		Incident incident = steps.load(actor, id, IncidentAction.CHECK_IN, step);
		Incident.CheckIn checkIn = incident.checkIn(step.lat(), step.lng(), checkInRadiusM, actor.userId(),
				steps.now());
		List<UUID> photos = steps.ownPhotos(actor, incident, step.photoIds(), checkInPhotoRequired);
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, HANDLERS), checkIn.transition(),
				new Entry(step.lat(), step.lng(), note(step.note()),
						new TimelineDetail.CheckedIn(checkIn.distanceM(), checkIn.flagged()), checkIn.distanceM(),
						checkIn.flagged(), photos));
	}

	/**
	 * The handler reports the work done, with a note and after-photos. A tough whistle is resolved by its lead unit
	 * only when every co-unit has finished or handed back its part.
	 */
	@Transactional
	public IncidentDetail resolve(Actor actor, UUID id, ResolveIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.RESOLVE, step);
		Transition t = incident.resolve(note(step.note()), actor.userId(), steps.now());
		List<UUID> photos = steps.ownPhotos(actor, incident, step.photoIds(), resolvePhotoRequired);
		boolean partsOpen = units.parts(id)
			.stream()
			.anyMatch(p -> !p.lead() && (p.state() == PartState.ASSIGNED || p.state() == PartState.ACCEPTED));
		if (partsOpen) {
			throw new DomainException(Category.CONFLICT, "PARTS_OPEN", "incident.partsOpen");
		}
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, HANDLERS), t,
				Entry.of(step, null).withPhotos(photos));
	}

	/** The grid or community passes the resolution, which closes the incident in the same transaction. */
	@Transactional
	public IncidentDetail verify(Actor actor, UUID id, VerifyIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.VERIFY, step);
		String role = IncidentSteps.actingRole(actor, VERIFIERS);
		Instant now = steps.now();
		steps.record(actor, incident, role, incident.verify(actor.userId(), now), Entry.of(step, null));
		// a microsecond later, so that the timeline keeps the closure after the verification
		Transition close = incident.close(actor.userId(), now.plusNanos(1_000));
		return steps.apply(actor, incident, role, close, Entry.of(null));
	}

	/** The resolution fails verification and goes back to its handler (返工), with the reason. */
	@Transactional
	public IncidentDetail rework(Actor actor, UUID id, ReworkIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.REWORK, step);
		Transition t = incident.rework(note(step.note()), actor.userId(), steps.now());
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, VERIFIERS), t,
				Entry.of(step, null));
	}

	/**
	 * The reporter rates a closed incident, or staff record his rating from a call-back; once only. An unsatisfied
	 * rating leaves the incident waiting for the community to reopen it or to record why not.
	 */
	@Transactional
	public IncidentDetail rate(Actor actor, UUID id, RateIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.RATE, step);
		String comment = note(step.comment());
		Transition t = incident.rate(step.rating(), comment, actor.userId(), steps.now());
		String role = actor.hasAny(CALL_BACK_STAFF) ? IncidentSteps.actingRole(actor, CALL_BACK_STAFF)
				: IncidentSteps.actingRole(actor, EnumSet.allOf(Role.class));
		return steps.apply(actor, incident, role, t,
				Entry.of(step, new TimelineDetail.Rated(step.rating())).withNote(comment));
	}

	/**
	 * After an unsatisfied rating: the community reopens the incident — back to its handler for rework, or to triage
	 * when nobody handled it — and the reporter may rate again when it closes anew.
	 */
	@Transactional
	public IncidentDetail reopen(Actor actor, UUID id, ReopenIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.REOPEN, step);
		Transition t = incident.reopen(note(step.note()), actor.userId(), steps.now());
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, CALL_BACK_STAFF), t,
				Entry.of(step, null));
	}

	/** After an unsatisfied rating: the community records why the incident stays closed. */
	@Transactional
	public IncidentDetail keepClosed(Actor actor, UUID id, KeepIncidentClosed step) {
		Incident incident = steps.load(actor, id, IncidentAction.KEEP_CLOSED, step);
		Transition t = incident.keepClosed(note(step.note()), actor.userId(), steps.now());
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, CALL_BACK_STAFF), t,
				Entry.of(step, null));
	}

	/**
	 * A progress note, with photos maybe, from the handler or the staff watching over the incident; it does not move
	 * it.
	 */
	@Transactional
	public IncidentDetail addNote(Actor actor, UUID id, AddNote step) {
		Incident incident = steps.load(actor, id);
		boolean handler = steps.require(actor, incident, IncidentAction.NOTE).handler();
		steps.check(step);
		Transition t = incident.note(note(step.note()), actor.userId(), steps.now());
		List<UUID> photos = steps.ownPhotos(actor, incident, step.photoIds(), false);
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, handler ? HANDLERS : DISPATCHERS), t,
				Entry.of(step, null).withPhotos(photos));
	}

	/** The steps the actor may take on the incident now ({@link IncidentPolicy}): what every screen offers. */
	public Set<IncidentAction> allowedActions(Actor actor, IncidentView incident) {
		return steps.allowedActions(actor, incident);
	}

	private static DomainException inProgress() {
		return new DomainException(Category.CONFLICT, "IDEMPOTENCY_IN_PROGRESS", "incident.idempotencyInProgress");
	}
}

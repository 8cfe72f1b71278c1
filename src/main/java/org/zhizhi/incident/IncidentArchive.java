package org.zhizhi.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentLifecycle.Transition;
import org.zhizhi.incident.IncidentPart.PartState;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.incident.persistence.JdbcIncidentHistory;
import org.zhizhi.incident.persistence.JdbcIncidents;
import org.zhizhi.incident.persistence.JdbcUnits;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.GeoPoint;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.GridLocation;
import org.zhizhi.territory.GridLocator;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Imports past incidents from an older system, as a district that moves onto the platform brings its history along.
 * Each incident's steps are replayed through {@link IncidentLifecycle} — a sequence the life cycle would not allow is
 * refused, like a step taken live — and the incident row ends up exactly as the live steps would have left it (state,
 * tier, owner, claimer, unit, deadlines from the {@link org.zhizhi.incident.deadline.DeadlinePolicy} at the whistle,
 * cards, closure). Nothing is written unless every incident of the batch is valid. The rows go in with batched
 * inserts, no event is published (nobody is told about steps taken months ago), and the KPI rollups are rebuilt once
 * at the end so that they count the history exactly as a rebuild would.
 */
@Service
public class IncidentArchive {

	/** Who imports history: the staff who run the whistle above the grid. */
	static final Set<Role> IMPORTERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.DISTRICT_ADMIN, Role.STREET_STAFF,
			Role.COMMUNITY_STAFF);

	/** The steps an import may carry; the rest (extensions, tough-whistle parts, reopening) stay live-only. */
	static final Set<IncidentAction> IMPORTABLE = EnumSet.of(IncidentAction.ACCEPT, IncidentAction.REJECT,
			IncidentAction.TRIAGE, IncidentAction.WHISTLE, IncidentAction.ASSIGN, IncidentAction.CLAIM,
			IncidentAction.ANSWER, IncidentAction.HAND_BACK, IncidentAction.CHECK_IN, IncidentAction.RESOLVE,
			IncidentAction.VERIFY, IncidentAction.REWORK, IncidentAction.RATE, IncidentAction.KEEP_CLOSED,
			IncidentAction.URGE, IncidentAction.NOTE, IncidentAction.ESCALATE);

	/** At most this many problems are reported for one batch: enough to fix a file, not a wall of text. */
	static final int MAX_PROBLEMS = 50;

	/** Who took a step in the older system: an account id here if he has one, else any stable id of that person. */
	public record HistoricActor(UUID id, String name, String role) {
	}

	/**
	 * One step as the older system recorded it. Only the fields its action needs are read: {@code triage} for TRIAGE,
	 * {@code whistleType} and {@code mode} for WHISTLE, {@code assigneeId}/{@code assigneeName} or {@code unitId} for
	 * ASSIGN, {@code reason} for REJECT, {@code rating} for RATE (the note is its comment), {@code card} for URGE,
	 * {@code lat}/{@code lng} for CHECK_IN. VERIFY closes the incident in the same step, as it does live.
	 */
	public record HistoricStep(IncidentAction action, Instant at, HistoricActor actor, String note, Triage triage,
			WhistleType whistleType, DispatchMode mode, UUID assigneeId, String assigneeName, UUID unitId,
			RejectReason reason, Rating rating, UrgeCard card, Double lat, Double lng) {

		public static HistoricStep of(IncidentAction action, Instant at, HistoricActor actor, String note) {
			return new HistoricStep(action, at, actor, note, null, null, null, null, null, null, null, null, null,
					null, null);
		}

		public static HistoricStep triage(Instant at, HistoricActor actor, Triage triage, String note) {
			return new HistoricStep(IncidentAction.TRIAGE, at, actor, note, triage, null, null, null, null, null, null,
					null, null, null, null);
		}

		public static HistoricStep reject(Instant at, HistoricActor actor, RejectReason reason, String note) {
			return new HistoricStep(IncidentAction.REJECT, at, actor, note, null, null, null, null, null, null, reason,
					null, null, null, null);
		}

		public static HistoricStep whistle(Instant at, HistoricActor actor, WhistleType type, DispatchMode mode) {
			return new HistoricStep(IncidentAction.WHISTLE, at, actor, null, null, type, mode, null, null, null, null,
					null, null, null, null);
		}

		public static HistoricStep assignMember(Instant at, HistoricActor actor, UUID memberId, String memberName) {
			return new HistoricStep(IncidentAction.ASSIGN, at, actor, null, null, null, null, memberId, memberName,
					null, null, null, null, null, null);
		}

		public static HistoricStep assignUnit(Instant at, HistoricActor actor, UUID unitId) {
			return new HistoricStep(IncidentAction.ASSIGN, at, actor, null, null, null, null, null, null, unitId, null,
					null, null, null, null);
		}

		public static HistoricStep checkIn(Instant at, HistoricActor actor, double lat, double lng) {
			return new HistoricStep(IncidentAction.CHECK_IN, at, actor, null, null, null, null, null, null, null, null,
					null, null, lat, lng);
		}

		public static HistoricStep rate(Instant at, HistoricActor actor, Rating rating, String comment) {
			return new HistoricStep(IncidentAction.RATE, at, actor, comment, null, null, null, null, null, null, null,
					rating, null, null, null);
		}

		public static HistoricStep urge(Instant at, HistoricActor actor, UrgeCard card, String note) {
			return new HistoricStep(IncidentAction.URGE, at, actor, note, null, null, null, null, null, null, null,
					null, card, null, null);
		}
	}

	/** One incident of the older system with its steps in the order they were taken (the report itself excluded). */
	public record HistoricIncident(Channel channel, String categoryCode, String description, double lat, double lng,
			Instant reportedAt, HistoricActor reporter, boolean anonymous, List<HistoricStep> steps) {

		public HistoricIncident {
			steps = steps == null ? List.of() : List.copyOf(steps);
		}
	}

	/** What an import wrote. */
	public record Imported(List<UUID> incidentIds, int timelineEntries, int counted) {
	}

	private final JdbcIncidents incidents;

	private final JdbcUnits units;

	private final GridLocator grids;

	private final OrgUnitQueries orgUnits;

	private final DueDates dueDates;

	private final IncidentKpis kpis;

	private final JdbcIncidentHistory rows;

	private final Clock clock;

	private final double checkInRadiusM;

	IncidentArchive(JdbcIncidents incidents, JdbcUnits units, GridLocator grids, OrgUnitQueries orgUnits,
			DueDates dueDates, IncidentKpis kpis, JdbcIncidentHistory rows, Clock clock, IncidentProperties settings) {
		this.incidents = incidents;
		this.units = units;
		this.grids = grids;
		this.orgUnits = orgUnits;
		this.dueDates = dueDates;
		this.kpis = kpis;
		this.rows = rows;
		this.clock = clock;
		this.checkInRadiusM = settings.checkInRadiusM();
	}

	/**
	 * Imports the incidents, all or nothing, inside the caller's scope: each must lie in a grid of it. Refused with
	 * field problems named {@code incidents[i].…} (and {@code incidents[i].steps[j].…}) when any is invalid.
	 */
	@Transactional
	public Imported importAll(Actor actor, List<HistoricIncident> history) {
		if (!actor.hasAny(IMPORTERS)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "incident.roleNotAllowed");
		}
		Instant now = clock.instant();
		Set<String> categories = new java.util.HashSet<>();
		incidents.categories().forEach(c -> categories.add(c.code()));
		Map<UUID, Optional<Unit>> unitCache = new HashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		List<Replay> replays = new ArrayList<>();
		for (int i = 0; i < history.size() && problems.size() < MAX_PROBLEMS; i++) {
			Replay replay = replay(actor, history.get(i), "incidents[" + i + "]", categories, unitCache, now,
					problems);
			if (replay != null) {
				replays.add(replay);
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		rows.insertIncidents(replays.stream().map(r -> r.incident.view()).toList());
		List<TimelineEntry> entries = replays.stream().flatMap(r -> r.entries.stream()).toList();
		rows.insertTimeline(entries);
		for (Replay r : replays) {
			if (r.lead != null) {
				units.insertPart(r.id, r.lead.unitId(), true, r.lead.task(), r.lead.at());
				if (r.lead.answeredAt() != null) {
					units.movePart(r.id, r.lead.unitId(), List.of(PartState.ASSIGNED), PartState.ACCEPTED, null,
							r.lead.answeredAt());
				}
			}
		}
		// one pass over incidents and timelines: the history is counted exactly as a repair would count it
		int counted = kpis.rebuild();
		return new Imported(replays.stream().map(r -> r.id).toList(), entries.size(), counted);
	}

	/** The incident row and timeline as the live steps would have left them, or null with problems added. */
	private Replay replay(Actor actor, HistoricIncident h, String field, Set<String> categories,
			Map<UUID, Optional<Unit>> unitCache, Instant now, List<FieldProblem> problems) {
		int before = problems.size();
		if (h == null) {
			problems.add(new FieldProblem(field, "validation.required"));
			return null;
		}
		if (h.channel() == null) {
			problems.add(new FieldProblem(field + ".channel", "validation.required"));
		}
		if (h.categoryCode() == null || !categories.contains(h.categoryCode())) {
			problems.add(new FieldProblem(field + ".categoryCode",
					h.categoryCode() == null ? "validation.required" : "incident.unknownCategory"));
		}
		if (h.description() == null || h.description().isBlank()) {
			problems.add(new FieldProblem(field + ".description", "validation.required"));
		}
		else if (h.description().length() > IncidentManagement.MAX_DESCRIPTION) {
			problems.add(new FieldProblem(field + ".description", "incident.descriptionTooLong",
					IncidentManagement.MAX_DESCRIPTION));
		}
		if (h.reportedAt() == null) {
			problems.add(new FieldProblem(field + ".reportedAt", "validation.required"));
		}
		else if (h.reportedAt().isAfter(now)) {
			problems.add(new FieldProblem(field + ".reportedAt", "incident.archiveInFuture"));
		}
		checkActor(h.reporter(), field + ".reporter", problems);
		OrgUnit grid = null;
		GridLocation location = null;
		if (!GeoPoint.validLatitude(h.lat())) {
			problems.add(new FieldProblem(field + ".lat", "incident.badLat"));
		}
		else if (!GeoPoint.validLongitude(h.lng())) {
			problems.add(new FieldProblem(field + ".lng", "incident.badLng"));
		}
		else {
			location = grids.locate(actor.scope(), h.lat(), h.lng()).orElse(null);
			grid = location == null ? null : orgUnits.find(actor.scope(), location.id()).orElse(null);
			if (grid == null) {
				problems.add(new FieldProblem(field + ".lat", "incident.outsideGrids"));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		Replay r = new Replay(Incident.report(Ids.newId(clock), h.channel(), h.categoryCode(), h.description().strip(),
				h.lat(), h.lng(), grid.id(), location.microGrid() == null ? null : location.microGrid().id(),
				grid.path(), grid.districtId(), h.reporter().id(), h.anonymous(), h.reportedAt()));
		r.entries.add(TimelineEntry.of(Ids.newId(clock), r.id, h.reportedAt(), h.reporter().id(), h.reporter().name(),
				h.reporter().role(), IncidentAction.REPORT, null, IncidentState.REPORTED, h.lat(), h.lng(), null,
				new TimelineDetail.Reported(h.channel()), null, false, List.of()));
		Instant previous = h.reportedAt();
		for (int j = 0; j < h.steps().size(); j++) {
			String stepField = field + ".steps[" + j + "]";
			HistoricStep step = h.steps().get(j);
			if (step == null || step.action() == null) {
				problems.add(new FieldProblem(stepField + ".action", "validation.required"));
				return null;
			}
			if (!IMPORTABLE.contains(step.action())) {
				problems.add(new FieldProblem(stepField + ".action", "incident.archiveStepUnsupported",
						step.action().name()));
				return null;
			}
			if (step.at() == null || step.at().isBefore(previous) || step.at().isAfter(now)) {
				problems.add(new FieldProblem(stepField + ".at",
						step.at() == null ? "validation.required" : "incident.archiveStepTime"));
				return null;
			}
			if (!checkActor(step.actor(), stepField + ".actor", problems)) {
				return null;
			}
			if (step.note() != null && step.note().length() > IncidentSteps.MAX_NOTE) {
				problems.add(new FieldProblem(stepField + ".note", "incident.noteTooLong", IncidentSteps.MAX_NOTE));
				return null;
			}
			try {
				apply(r, step, stepField, unitCache);
			}
			catch (DomainException e) {
				if (e.fieldProblems().isEmpty()) {
					// a step the life cycle does not allow from where the incident stands, named like a live refusal
					problems.add(new FieldProblem(stepField + ".action", e.messageKey(), e.args()));
				}
				else {
					e.fieldProblems()
						.forEach(p -> problems.add(new FieldProblem(
								p.field().startsWith(stepField) ? p.field() : stepField + "." + p.field(),
								p.messageKey(), p.args())));
				}
				return null;
			}
			previous = r.incident.updatedAt();
		}
		return r;
	}

	private static boolean checkActor(HistoricActor actor, String field, List<FieldProblem> problems) {
		if (actor == null || actor.id() == null) {
			problems.add(new FieldProblem(field, "validation.required"));
			return false;
		}
		if (actor.name() == null || actor.name().isBlank() || actor.name().length() > 64) {
			problems.add(new FieldProblem(field + ".name", "validation.required"));
			return false;
		}
		if (actor.role() == null || actor.role().isBlank() || actor.role().length() > 32) {
			problems.add(new FieldProblem(field + ".role", "validation.required"));
			return false;
		}
		return true;
	}

	/**
	 * One step on the replayed incident: the same aggregate method the live command calls, so that no step is written
	 * twice; what history lacks (a check-in without a position) the aggregate allows only here.
	 */
	private void apply(Replay r, HistoricStep step, String field, Map<UUID, Optional<Unit>> unitCache) {
		Incident incident = r.incident;
		Instant at = step.at();
		UUID by = step.actor().id();
		String note = IncidentSteps.note(step.note());
		Transition t;
		TimelineDetail detail = null;
		Double distance = null;
		boolean flagged = false;
		switch (step.action()) {
			case ACCEPT -> t = incident.accept(by, at);
			case REJECT -> {
				t = incident.reject(step.reason(), by, at);
				detail = new TimelineDetail.Rejected(step.reason());
			}
			case TRIAGE -> {
				t = incident.triage(step.triage(), note, by, at);
				detail = new TimelineDetail.Triaged(step.triage());
			}
			case WHISTLE -> {
				DispatchMode mode = step.mode() != null ? step.mode()
						: step.whistleType() == WhistleType.TOUGH ? DispatchMode.ASSIGN : DispatchMode.OPEN_CALL;
				t = incident.whistle(step.whistleType(), mode, step.whistleType() == null ? null
						: dueDates.of(step.whistleType(), incident.categoryCode(), at), by, at);
				if (step.whistleType() == WhistleType.TOUGH && mode != DispatchMode.ASSIGN) {
					throw DomainException.invalid(List.of(new FieldProblem("mode", "incident.toughIsAssigned")));
				}
				detail = new TimelineDetail.Whistled(step.whistleType(), mode);
			}
			case ASSIGN -> {
				IncidentLifecycle.TABLE.require(incident.state(), IncidentAction.ASSIGN);
				if ((step.assigneeId() == null) == (step.unitId() == null)) {
					throw DomainException.invalid(List.of(new FieldProblem(step.assigneeId() == null ? "assigneeId"
							: "unitId", "incident.assignOneTarget")));
				}
				DispatchMode mode = step.mode() == null ? DispatchMode.ASSIGN : step.mode();
				if (step.unitId() != null) {
					Unit unit = unitCache.computeIfAbsent(step.unitId(), units::find)
						.filter(Unit::active)
						.filter(u -> incident.scopePath().startsWith(u.scopePath()))
						.orElseThrow(() -> DomainException
							.invalid(List.of(new FieldProblem("unitId", "incident.unknownUnit"))));
					t = incident.assignToUnit(unit.id(), mode, by, at);
					r.lead = new Part(unit.id(), unit.name(), at);
					detail = new TimelineDetail.Assigned(unit.name(), 0);
				}
				else {
					t = incident.assignToMember(step.assigneeId(), mode, by, at);
					r.lead = null;
					detail = new TimelineDetail.Assigned(step.assigneeName() == null ? step.assigneeId().toString()
							: step.assigneeName(), 0);
				}
			}
			case CLAIM -> t = incident.claim(by, at);
			case ANSWER -> {
				t = incident.answer(by, at);
				if (r.lead != null) {
					r.lead = r.lead.answered(at);
				}
			}
			case HAND_BACK -> {
				t = incident.handBack(note, by, at);
				r.lead = null;
			}
			case CHECK_IN -> {
				if (step.lat() != null && step.lng() != null) {
					Incident.CheckIn checkIn = incident.checkIn(step.lat(), step.lng(), checkInRadiusM, by, at);
					t = checkIn.transition();
					distance = checkIn.distanceM();
					flagged = checkIn.flagged();
					detail = new TimelineDetail.CheckedIn(distance, flagged);
				}
				else {
					t = incident.checkInUnmeasured(by, at);
				}
			}
			case RESOLVE -> t = incident.resolve(note, by, at);
			case VERIFY -> {
				r.entry(step, incident.verify(by, at), note, null, null, false);
				// a microsecond later, so that the timeline keeps the closure after the verification, as live
				HistoricStep closing = HistoricStep.of(IncidentAction.CLOSE, at.plusNanos(1_000), step.actor(), null);
				r.entry(closing, incident.close(by, closing.at()), null, null, null, false);
				return;
			}
			case REWORK -> t = incident.rework(note, by, at);
			case RATE -> {
				t = incident.rate(step.rating(), note, by, at);
				detail = new TimelineDetail.Rated(step.rating());
			}
			case KEEP_CLOSED -> t = incident.keepClosed(note, by, at);
			case URGE -> {
				t = incident.urge(step.card(), by, at);
				detail = new TimelineDetail.Urged(step.card(), null, null);
			}
			case NOTE -> t = incident.note(note, by, at);
			case ESCALATE -> {
				Tier from = incident.tier();
				t = incident.escalate(incident.whistleType() == null ? null
						: dueDates.respondAgain(incident.whistleType(), incident.categoryCode(), at), by, at);
				detail = new TimelineDetail.Escalated(from, incident.tier(), null);
				r.lead = null;
			}
			default -> throw new IllegalStateException("not importable: " + step.action());
		}
		r.entry(step, t, note, detail, distance, flagged);
	}

	/** The lead unit's part of an order given to a unit, as history left it. */
	private record Part(UUID unitId, String task, Instant at, Instant answeredAt) {

		Part(UUID unitId, String task, Instant at) {
			this(unitId, task, at, null);
		}

		Part answered(Instant when) {
			return new Part(unitId, task, at, when);
		}
	}

	/** The incident being replayed through its aggregate, its timeline so far and the part of its lead unit. */
	private static final class Replay {

		final Incident incident;

		final UUID id;

		final List<TimelineEntry> entries = new ArrayList<>();

		Part lead;

		Replay(Incident incident) {
			this.incident = incident;
			this.id = incident.id();
			// history is not told to anyone: its steps' events are never published
			incident.clearEvents();
		}

		void entry(HistoricStep step, Transition t, String note, TimelineDetail detail, Double distance,
				boolean flagged) {
			entries.add(TimelineEntry.of(Ids.newId(), id, step.at(), step.actor().id(), step.actor().name(),
					step.actor().role(), t.action(), t.from(), t.to(), step.lat(), step.lng(), note, detail, distance,
					flagged, List.of()));
			incident.clearEvents();
		}
	}
}

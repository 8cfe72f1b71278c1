package org.zhizhi.incident;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentLifecycle.Transition;
import org.zhizhi.incident.IncidentPart.PartState;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.incident.persistence.JdbcIncidents;
import org.zhizhi.incident.persistence.JdbcUnits;
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

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final double checkInRadiusM;

	IncidentArchive(JdbcIncidents incidents, JdbcUnits units, GridLocator grids, OrgUnitQueries orgUnits,
			DueDates dueDates, IncidentKpis kpis, JdbcTemplate jdbc, Clock clock,
			@Value("${zhizhi.incident.check-in-radius-m:500}") double checkInRadiusM) {
		this.incidents = incidents;
		this.units = units;
		this.grids = grids;
		this.orgUnits = orgUnits;
		this.dueDates = dueDates;
		this.kpis = kpis;
		this.jdbc = jdbc;
		this.clock = clock;
		this.checkInRadiusM = checkInRadiusM;
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
		insertIncidents(replays);
		int entries = insertTimeline(replays);
		for (Replay r : replays) {
			if (r.partUnit != null) {
				units.insertPart(r.id, r.partUnit, true, r.partTask, r.partAt);
				if (r.partAnswered) {
					units.movePart(r.id, r.partUnit, List.of(PartState.ASSIGNED), PartState.ACCEPTED, null,
							r.partAnsweredAt);
				}
			}
		}
		// one pass over incidents and timelines: the history is counted exactly as a repair would count it
		int counted = kpis.rebuild();
		return new Imported(replays.stream().map(r -> r.id).toList(), entries, counted);
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
		if (Double.isNaN(h.lat()) || h.lat() < -90 || h.lat() > 90) {
			problems.add(new FieldProblem(field + ".lat", "incident.badLat"));
		}
		else if (Double.isNaN(h.lng()) || h.lng() < -180 || h.lng() > 180) {
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
		Replay r = new Replay(Ids.newId(clock), h, grid, location.microGrid() == null ? null : location.microGrid().id());
		r.entries.add(new TimelineEntry(Ids.newId(clock), r.id, h.reportedAt(), h.reporter().id(), h.reporter().name(),
				h.reporter().role(), IncidentAction.REPORT, null, IncidentState.REPORTED, h.lat(), h.lng(),
				h.channel().name()));
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
			previous = r.updatedAt;
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

	/** One step on the replayed incident: the life cycle's transition, then what the live command changes. */
	private void apply(Replay r, HistoricStep step, String field, Map<UUID, Optional<Unit>> unitCache) {
		Instant at = step.at();
		String note = IncidentSteps.note(step.note());
		Transition t;
		String detail = note;
		Double distance = null;
		boolean flagged = false;
		switch (step.action()) {
			case ACCEPT -> t = IncidentLifecycle.accept(r.state);
			case REJECT -> {
				t = IncidentLifecycle.reject(r.state, step.reason());
				r.rejectReason = step.reason();
				detail = IncidentSteps.join(step.reason(), note);
			}
			case TRIAGE -> {
				t = IncidentLifecycle.triage(r.state, step.triage(), note);
				r.triage = step.triage();
				detail = IncidentSteps.join(step.triage(), note);
			}
			case WHISTLE -> {
				t = IncidentLifecycle.whistle(r.state, step.whistleType());
				DispatchMode mode = step.mode() != null ? step.mode()
						: step.whistleType() == WhistleType.TOUGH ? DispatchMode.ASSIGN : DispatchMode.OPEN_CALL;
				if (step.whistleType() == WhistleType.TOUGH && mode != DispatchMode.ASSIGN) {
					throw DomainException.invalid(List.of(new FieldProblem("mode", "incident.toughIsAssigned")));
				}
				r.whistleType = step.whistleType();
				r.dispatchMode = mode;
				DueDates.Set dues = dueDates.of(step.whistleType(), r.source.categoryCode(), at);
				r.respondDue = dues.respondDue();
				r.onSiteDue = dues.onSiteDue();
				r.resolveDue = dues.resolveDue();
				detail = IncidentSteps.join(step.whistleType(), IncidentSteps.join(mode, note));
			}
			case ASSIGN -> {
				t = IncidentLifecycle.assign(r.state);
				if ((step.assigneeId() == null) == (step.unitId() == null)) {
					throw DomainException.invalid(List.of(new FieldProblem(step.assigneeId() == null ? "assigneeId"
							: "unitId", "incident.assignOneTarget")));
				}
				if (step.unitId() != null) {
					Unit unit = unitCache.computeIfAbsent(step.unitId(), units::find)
						.filter(Unit::active)
						.filter(u -> r.grid.path().startsWith(u.scopePath()))
						.orElseThrow(() -> DomainException
							.invalid(List.of(new FieldProblem("unitId", "incident.unknownUnit"))));
					r.ownerKind = OwnerKind.UNIT;
					r.ownerId = unit.id();
					r.unitId = unit.id();
					r.claimedBy = null;
					r.partUnit = unit.id();
					r.partTask = unit.name();
					r.partAt = at;
					r.partAnswered = false;
					detail = IncidentSteps.join(unit.name(), note);
				}
				else {
					r.ownerKind = OwnerKind.MEMBER;
					r.ownerId = step.assigneeId();
					r.claimedBy = step.assigneeId();
					r.unitId = null;
					r.partUnit = null;
					detail = IncidentSteps.join(step.assigneeName() == null ? step.assigneeId() : step.assigneeName(),
							note);
				}
				r.dispatchMode = step.mode() == null ? DispatchMode.ASSIGN : step.mode();
			}
			case CLAIM -> {
				t = IncidentLifecycle.claim(r.state);
				r.claimedBy = step.actor().id();
				r.ownerKind = OwnerKind.MEMBER;
				r.ownerId = step.actor().id();
				r.dispatchMode = DispatchMode.OPEN_CALL;
			}
			case ANSWER -> {
				t = IncidentLifecycle.answer(r.state);
				r.claimedBy = step.actor().id();
				if (r.partUnit != null) {
					r.partAnswered = true;
					r.partAnsweredAt = at;
				}
			}
			case HAND_BACK -> {
				t = IncidentLifecycle.handBack(r.state, note);
				r.claimedBy = null;
				r.unitId = null;
				r.partUnit = null;
				r.toTierOwner();
			}
			case CHECK_IN -> {
				t = IncidentLifecycle.checkIn(r.state);
				if (step.lat() != null && step.lng() != null) {
					distance = Math.round(
							GeoDistance.metres(r.source.lat(), r.source.lng(), step.lat(), step.lng()) * 10) / 10.0;
					flagged = distance > checkInRadiusM;
					r.checkInDistance = distance;
					r.checkInFlagged |= flagged;
					String measured = String.format(Locale.ROOT, "%s%.0f m", flagged ? "FLAGGED " : "", distance);
					detail = note == null ? measured : measured + ": " + note;
				}
			}
			case RESOLVE -> {
				t = IncidentLifecycle.resolve(r.state, note);
				r.toTierOwner();
			}
			case VERIFY -> {
				Transition verify = IncidentLifecycle.verify(r.state);
				r.entry(step, verify, note, null, false);
				r.state = verify.to();
				// a microsecond later, so that the timeline keeps the closure after the verification, as live
				Transition close = IncidentLifecycle.close(r.state);
				HistoricStep closing = HistoricStep.of(IncidentAction.CLOSE, at.plusNanos(1_000), step.actor(), null);
				r.entry(closing, close, null, null, false);
				r.state = close.to();
				r.closedAt = closing.at();
				return;
			}
			case REWORK -> {
				t = IncidentLifecycle.rework(r.state, note);
				if (r.unitId != null) {
					r.ownerKind = OwnerKind.UNIT;
					r.ownerId = r.unitId;
				}
				else if (r.claimedBy != null) {
					r.ownerKind = OwnerKind.MEMBER;
					r.ownerId = r.claimedBy;
				}
			}
			case RATE -> {
				t = IncidentLifecycle.rate(r.state, step.rating(), note);
				r.rating = step.rating();
				r.ratingComment = note;
				r.unsatisfiedPending = step.rating() == Rating.UNSATISFIED;
				detail = IncidentSteps.join(step.rating(), note);
			}
			case KEEP_CLOSED -> {
				t = IncidentLifecycle.keepClosed(r.state, r.unsatisfiedPending, note);
				r.unsatisfiedPending = false;
			}
			case URGE -> {
				t = IncidentLifecycle.urge(r.state, step.card());
				if (step.card() == UrgeCard.RED) {
					r.redCards++;
				}
				else {
					r.yellowCards++;
				}
				detail = IncidentSteps.join(step.card(), note);
			}
			case NOTE -> t = IncidentLifecycle.note(r.state, note);
			case ESCALATE -> {
				t = IncidentLifecycle.escalate(r.state, r.tier);
				Tier up = r.tier.above().orElseThrow();
				detail = IncidentSteps.join(r.tier.name() + "→" + up.name(), note);
				r.tier = up;
				r.escalations++;
				r.claimedBy = null;
				r.unitId = null;
				r.partUnit = null;
				r.toTierOwner();
				if (r.whistleType != null) {
					r.respondDue = dueDates.respondAgain(r.whistleType, r.source.categoryCode(), at);
				}
			}
			default -> throw new IllegalStateException("not importable: " + step.action());
		}
		r.entry(step, t, detail, distance, flagged);
		r.state = t.to();
		if (t.to() == IncidentState.CLOSED || t.to() == IncidentState.REJECTED) {
			r.closedAt = at;
		}
		else if (t.to() != IncidentState.RATED) {
			r.closedAt = null;
		}
	}

	/** The incident being replayed: the columns the live steps set, and its timeline so far. */
	private static final class Replay {

		final UUID id;

		final HistoricIncident source;

		final OrgUnit grid;

		final UUID microGridId;

		final List<TimelineEntry> entries = new ArrayList<>();

		IncidentState state = IncidentState.REPORTED;

		Triage triage;

		WhistleType whistleType;

		RejectReason rejectReason;

		UUID claimedBy;

		Instant updatedAt;

		Double checkInDistance;

		boolean checkInFlagged;

		Rating rating;

		String ratingComment;

		Tier tier = Tier.GRID;

		OwnerKind ownerKind = OwnerKind.ORG_UNIT;

		UUID ownerId;

		DispatchMode dispatchMode;

		Instant respondDue;

		Instant onSiteDue;

		Instant resolveDue;

		int yellowCards;

		int redCards;

		int escalations;

		Instant closedAt;

		UUID unitId;

		boolean unsatisfiedPending;

		UUID partUnit;

		String partTask;

		Instant partAt;

		boolean partAnswered;

		Instant partAnsweredAt;

		Replay(UUID id, HistoricIncident source, OrgUnit grid, UUID microGridId) {
			this.id = id;
			this.source = source;
			this.grid = grid;
			this.microGridId = microGridId;
			this.ownerId = grid.id();
			this.updatedAt = source.reportedAt();
		}

		void toTierOwner() {
			ownerKind = OwnerKind.ORG_UNIT;
			ownerId = tier.orgUnitAbove(grid.path());
		}

		void entry(HistoricStep step, Transition t, String detail, Double distance, boolean flagged) {
			entries.add(new TimelineEntry(Ids.newId(), id, step.at(), step.actor().id(), step.actor().name(),
					step.actor().role(), t.action(), t.from(), t.to(), step.lat(), step.lng(), detail, distance,
					flagged, List.of()));
			updatedAt = step.at();
		}
	}

	private void insertIncidents(List<Replay> replays) {
		jdbc.batchUpdate("""
				insert into incident.incident (id, channel, category_code, description, lat, lng, grid_id,
				       micro_grid_id, scope_path, district_id, state, triage, whistle_type, reject_reason, claimed_by,
				       reporter_id, reported_at, updated_at, check_in_distance_m, check_in_flagged, rating,
				       rating_comment, anonymous, tier, owner_kind, owner_id, dispatch_mode, respond_due_at,
				       on_site_due_at, resolve_due_at, yellow_cards, red_cards, escalations, closed_at, unit_id,
				       unsatisfied_pending)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				        ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				Replay r = replays.get(i);
				HistoricIncident h = r.source;
				int k = 1;
				ps.setObject(k++, r.id);
				ps.setString(k++, h.channel().name());
				ps.setString(k++, h.categoryCode());
				ps.setString(k++, h.description().strip());
				ps.setDouble(k++, h.lat());
				ps.setDouble(k++, h.lng());
				ps.setObject(k++, r.grid.id());
				ps.setObject(k++, r.microGridId, Types.OTHER);
				ps.setString(k++, r.grid.path());
				ps.setObject(k++, r.grid.districtId(), Types.OTHER);
				ps.setString(k++, r.state.name());
				ps.setString(k++, name(r.triage));
				ps.setString(k++, name(r.whistleType));
				ps.setString(k++, name(r.rejectReason));
				ps.setObject(k++, r.claimedBy, Types.OTHER);
				ps.setObject(k++, h.reporter().id());
				ps.setTimestamp(k++, Timestamp.from(h.reportedAt()));
				ps.setTimestamp(k++, Timestamp.from(r.updatedAt));
				ps.setObject(k++, r.checkInDistance, Types.DOUBLE);
				ps.setBoolean(k++, r.checkInFlagged);
				ps.setString(k++, name(r.rating));
				ps.setString(k++, r.ratingComment);
				ps.setBoolean(k++, h.anonymous());
				ps.setString(k++, r.tier.name());
				ps.setString(k++, r.ownerKind.name());
				ps.setObject(k++, r.ownerId);
				ps.setString(k++, name(r.dispatchMode));
				ps.setTimestamp(k++, timestamp(r.respondDue));
				ps.setTimestamp(k++, timestamp(r.onSiteDue));
				ps.setTimestamp(k++, timestamp(r.resolveDue));
				ps.setInt(k++, r.yellowCards);
				ps.setInt(k++, r.redCards);
				ps.setInt(k++, r.escalations);
				ps.setTimestamp(k++, timestamp(r.closedAt));
				ps.setObject(k++, r.unitId, Types.OTHER);
				ps.setBoolean(k, r.unsatisfiedPending);
			}

			@Override
			public int getBatchSize() {
				return replays.size();
			}
		});
	}

	private int insertTimeline(List<Replay> replays) {
		List<TimelineEntry> all = replays.stream().flatMap(r -> r.entries.stream()).toList();
		jdbc.batchUpdate("""
				insert into incident.timeline_entry (id, incident_id, occurred_at, actor_id, actor_name, actor_role,
				       action, from_state, to_state, lat, lng, detail, distance_m, flagged)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				TimelineEntry e = all.get(i);
				int k = 1;
				ps.setObject(k++, e.id());
				ps.setObject(k++, e.incidentId());
				ps.setTimestamp(k++, Timestamp.from(e.occurredAt()));
				ps.setObject(k++, e.actorId());
				ps.setString(k++, e.actorName());
				ps.setString(k++, e.actorRole());
				ps.setString(k++, e.action().name());
				ps.setString(k++, name(e.fromState()));
				ps.setString(k++, e.toState().name());
				ps.setObject(k++, e.lat(), Types.DOUBLE);
				ps.setObject(k++, e.lng(), Types.DOUBLE);
				ps.setString(k++, e.detail());
				ps.setObject(k++, e.distanceM(), Types.DOUBLE);
				ps.setBoolean(k, e.flagged());
			}

			@Override
			public int getBatchSize() {
				return all.size();
			}
		});
		return all.size();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static Timestamp timestamp(Instant value) {
		return value == null ? null : Timestamp.from(value);
	}
}

package org.zhizhi.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.persistence.JdbcExtensions;
import org.zhizhi.incident.persistence.JdbcIncidents;
import org.zhizhi.incident.persistence.JdbcUnits;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Paging;
import org.zhizhi.shared.Role;

/**
 * Reads of incidents, always inside the caller's scope: one outside it looks exactly like one that does not exist.
 * Read as a person ({@link Actor}), the scope narrows further: a resident sees his own reports only, a unit's liaison
 * only the orders his unit was given, and nobody but the reporter sees who made an anonymous report.
 */
@Service
@Transactional(readOnly = true)
public class IncidentQueries {

	public static final int PAGE_SIZE = 50;

	private final JdbcIncidents incidents;

	private final JdbcUnits units;

	private final JdbcExtensions extensions;

	private final org.zhizhi.incident.persistence.JdbcDuplicates followers;

	IncidentQueries(JdbcIncidents incidents, JdbcUnits units, JdbcExtensions extensions,
			org.zhizhi.incident.persistence.JdbcDuplicates followers) {
		this.followers = followers;
		this.incidents = incidents;
		this.units = units;
		this.extensions = extensions;
	}

	public Optional<IncidentDetail> find(DataScope scope, UUID id) {
		return incidents.find(scope, id).map(this::detail);
	}

	/**
	 * The incident alone — no timeline, parts or extensions — as another module may see it: an anonymous reporter is
	 * never named.
	 */
	public Optional<IncidentView> view(DataScope scope, UUID id) {
		return incidents.find(scope, id).map(IncidentView::withoutAnonymousReporter);
	}

	/**
	 * The incidents alone, as {@link #view} each, in one query; those outside the scope are left out. Those the current
	 * transaction's intake group is writing are taken as written, not read back: the listeners of a group's reports
	 * ask for them before its commit, and each statement there is a round trip in the intake's serial lane (issue 16).
	 */
	public List<IncidentView> views(DataScope scope, Collection<UUID> ids) {
		Map<UUID, IncidentView> written = ReportIntake.writtenInGroup();
		List<IncidentView> views = new ArrayList<>();
		List<UUID> toRead = new ArrayList<>();
		for (UUID id : ids) {
			IncidentView incident = written.get(id);
			if (incident == null) {
				toRead.add(id);
			}
			else if (scope.covers(incident.scopePath())) {
				views.add(incident);
			}
		}
		if (!toRead.isEmpty()) {
			views.addAll(incidents.findAll(scope, toRead));
		}
		return views.stream().map(IncidentView::withoutAnonymousReporter).toList();
	}

	public IncidentDetail get(DataScope scope, UUID id) {
		return find(scope, id).orElseThrow(() -> DomainException.notFound("incident"));
	}

	/** One incident as this person may see it. */
	public IncidentDetail get(Actor actor, UUID id) {
		return incidents.find(actor.scope(), id)
			.filter(i -> visibleTo(actor, i))
			.map(i -> detailFor(actor, i))
			.orElseThrow(() -> DomainException.notFound("incident"));
	}

	/**
	 * The incident as the person who just took a step on it sees it: within his scope, whether or not it is still
	 * his to see (a liaison who handed it back gets the answer to his step), and with an anonymous reporter hidden.
	 */
	IncidentDetail afterStep(Actor actor, UUID id) {
		return incidents.find(actor.scope(), id)
			.map(i -> detailFor(actor, i))
			.orElseThrow(() -> DomainException.notFound("incident"));
	}

	/** A page of incidents as this person may see them, newest first, optionally of one state and one grid. */
	public List<IncidentView> list(Actor actor, IncidentState state, UUID gridId, int page) {
		int offset = Paging.offset(page, PAGE_SIZE);
		if (onlyOwnReports(actor)) {
			return incidents.listReportedBy(actor.scope(), actor.userId(), state, gridId, PAGE_SIZE, offset);
		}
		if (liaisonOnly(actor)) {
			UUID unit = units.unitOf(actor.userId()).orElse(null);
			if (unit == null) {
				return List.of();
			}
			return incidents.listOfUnit(actor.scope(), unit, state, gridId, PAGE_SIZE, offset)
				.stream()
				.map(IncidentView::withoutAnonymousReporter)
				.toList();
		}
		return incidents.list(actor.scope(), state, gridId, PAGE_SIZE, offset)
			.stream()
			.map(i -> maskFor(actor, i))
			.toList();
	}

	/** Whether the person follows the incident (joined it instead of reporting it again). */
	public boolean follows(Actor actor, UUID incidentId) {
		return followers.follows(incidentId, actor.userId());
	}

	/** The active categories, class by class, in the order a form offers them. */
	public List<IncidentCategory> categories() {
		return incidents.categories();
	}

	/**
	 * A page of incidents, newest first, optionally of one state and one grid (scope only: for other modules' readers,
	 * so an anonymous reporter is never named).
	 */
	public List<IncidentView> list(DataScope scope, IncidentState state, UUID gridId, int page) {
		int offset = Paging.offset(page, PAGE_SIZE);
		return incidents.list(scope, state, gridId, PAGE_SIZE, offset)
			.stream()
			.map(IncidentView::withoutAnonymousReporter)
			.toList();
	}

	/**
	 * The incidents reported in some grids between two instants, of every state (for another module's assessment of
	 * a place: the property module scores an estate's company by them). At most {@code limit}, newest first; an
	 * anonymous reporter is never named.
	 */
	public List<IncidentView> reportedInGrids(DataScope scope, java.util.Collection<UUID> gridIds,
			java.time.Instant from, java.time.Instant to, int limit) {
		if (gridIds.isEmpty()) {
			return List.of();
		}
		return incidents.reportedInGrids(scope, gridIds, from, to, limit)
			.stream()
			.map(IncidentView::withoutAnonymousReporter)
			.toList();
	}

	/** The units that may be sent incidents of the scope. */
	public List<Unit> units(DataScope scope) {
		return units.visible(scope);
	}

	private IncidentDetail detail(IncidentView i) {
		return new IncidentDetail(i, incidents.timeline(i.id()), units.parts(i.id()), extensions.of(i.id()));
	}

	/**
	 * Whether the person may see (and so act on) an incident of his scope: a resident only his own reports and those he
	 * follows, a unit's liaison only his unit's orders. Steps and photos ask this too, so that what a read answers 404
	 * for is not revealed by a 403 on a step.
	 */
	boolean mayView(Actor actor, IncidentView incident) {
		return visibleTo(actor, incident);
	}

	private boolean visibleTo(Actor actor, IncidentView incident) {
		if (onlyOwnReports(actor)) {
			return actor.userId().equals(incident.reporterId()) || followers.follows(incident.id(), actor.userId());
		}
		if (liaisonOnly(actor)) {
			UUID unit = units.unitOf(actor.userId()).orElse(null);
			return actor.userId().equals(incident.claimedBy()) || unit != null
					&& (unit.equals(incident.unitId()) || units.parts(incident.id())
						.stream()
						.anyMatch(p -> p.unitId().equals(unit)));
		}
		return true;
	}

	/**
	 * The detail with an anonymous reporter hidden from everyone else: not only the incident's reporter but his own
	 * timeline entries (the report, photos he added) would name him.
	 */
	private IncidentDetail detailFor(Actor actor, IncidentView incident) {
		IncidentDetail detail = detail(maskFor(actor, incident));
		UUID reporter = incident.reporterId();
		if (!incident.anonymous() || reporter == null || actor.userId().equals(reporter)) {
			return detail;
		}
		List<TimelineEntry> timeline = detail.timeline()
			.stream()
			.map(e -> !reporter.equals(e.actorId()) ? e : e.withoutActor())
			.toList();
		return new IncidentDetail(detail.incident(), timeline, detail.parts(), detail.extensions());
	}

	private static IncidentView maskFor(Actor actor, IncidentView incident) {
		return actor.userId().equals(incident.reporterId()) ? incident : incident.withoutAnonymousReporter();
	}

	/** A resident (and nobody more) reads his own reports only. */
	private static boolean onlyOwnReports(Actor actor) {
		return actor.has(Role.RESIDENT) && !actor.hasAny(IncidentManagement.DISPATCHERS)
				&& !actor.has(Role.PARTY_MEMBER);
	}

	/** A unit's liaison (and nobody more) reads his unit's orders only. */
	static boolean liaisonOnly(Actor actor) {
		return actor.hasAny(java.util.EnumSet.of(Role.PARTNER_LIAISON, Role.PROPERTY_STAFF))
				&& !actor.hasAny(IncidentManagement.DISPATCHERS) && !actor.has(Role.PARTY_MEMBER);
	}
}

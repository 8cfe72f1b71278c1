package org.zhizhi.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.persistence.JdbcDuplicates;
import org.zhizhi.incident.persistence.JdbcDuplicates.Candidate;
import org.zhizhi.incident.persistence.JdbcDuplicates.OrdersOf;
import org.zhizhi.incident.persistence.JdbcIncidents;
import org.zhizhi.incident.persistence.JdbcUnits;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.GeoPoint;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * Possible duplicates before a report, and joining one instead of reporting it again. "Open" is what the incident
 * table says: not closed ({@code closed_at} is null) and not rejected. Everything stays inside the caller's scope.
 */
@Service
@EnableConfigurationProperties(DuplicateRules.class)
public class DuplicateFinder {

	/** A reporter glances at a handful; more would be a search, which the incident list already is. */
	public static final int MAX_RESULTS = 5;

	/** Characters of a description shown in the list. */
	static final int SHORT_DESCRIPTION = 80;

	/** Metres per degree of latitude on the sphere GeoPoint uses. */
	private static final double METRES_PER_DEGREE = GeoPoint.EARTH_RADIUS_M * Math.PI / 180;

	private final JdbcDuplicates duplicates;

	private final JdbcIncidents incidents;

	private final DuplicateRules rules;

	private final Clock clock;

	private final IncidentSteps steps;

	private final IncidentQueries queries;

	private final JdbcUnits units;

	DuplicateFinder(JdbcDuplicates duplicates, JdbcIncidents incidents, DuplicateRules rules, Clock clock,
			IncidentSteps steps, IncidentQueries queries, JdbcUnits units) {
		this.steps = steps;
		this.queries = queries;
		this.units = units;
		this.duplicates = duplicates;
		this.incidents = incidents;
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * The open incidents of the category within its radius of the position, reported within its window, nearest
	 * first, at most {@link #MAX_RESULTS}. SQL narrows to a bounding box on an index; the exact distance decides.
	 * Residents are offered others' reports (that is the point: 我也遇到); a unit's liaison, who reads only his unit's
	 * orders, is offered only those — a position is no way round the scope of his reads.
	 */
	@Transactional(readOnly = true)
	public List<PossibleDuplicate> nearby(Actor actor, String categoryCode, Double lat, Double lng) {
		DataScope scope = actor.scope();
		List<FieldProblem> problems = new ArrayList<>();
		if (categoryCode == null || categoryCode.isBlank()) {
			problems.add(new FieldProblem("categoryCode", "validation.required"));
		}
		else if (!incidents.categoryExists(categoryCode)) {
			problems.add(new FieldProblem("categoryCode", "incident.unknownCategory"));
		}
		if (!GeoPoint.validLatitude(lat)) {
			problems.add(new FieldProblem("lat", lat == null ? "validation.required" : "incident.badLat"));
		}
		if (!GeoPoint.validLongitude(lng)) {
			problems.add(new FieldProblem("lng", lng == null ? "validation.required" : "incident.badLng"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		DuplicateRules.Rule rule = rules.ruleFor(categoryCode);
		if (rule.radiusM() <= 0) {
			return List.of();
		}
		double radius = rule.radiusM();
		double dLat = radius / METRES_PER_DEGREE;
		double cos = Math.cos(Math.toRadians(lat));
		// near the poles or across the antimeridian a longitude band would be wrong: let the latitude band do the work
		double dLng = cos < 0.01 ? 360 : dLat / cos;
		boolean lngBand = lng - dLng >= -180 && lng + dLng <= 180;
		Instant since = clock.instant().minus(rule.window());
		OrdersOf ordersOf = IncidentQueries.liaisonOnly(actor)
				? new OrdersOf(actor.userId(), units.unitOf(actor.userId()).orElse(null)) : null;
		List<Candidate> candidates = duplicates.openNear(scope, ordersOf, categoryCode, lat - dLat, lat + dLat,
				lngBand ? lng - dLng : -180, lngBand ? lng + dLng : 180, since);
		return candidates.stream()
			.map(c -> new PossibleDuplicate(c.id(), c.categoryCode(), c.categoryName(), shorten(c.description()),
					Math.round(new GeoPoint(lat, lng).metresTo(new GeoPoint(c.lat(), c.lng())) * 10) / 10.0, c.reportedAt(), c.state(),
					c.followers()))
			.filter(d -> d.distanceM() <= radius)
			.sorted(Comparator.comparingDouble(PossibleDuplicate::distanceM)
				.thenComparing(PossibleDuplicate::reportedAt, Comparator.reverseOrder()))
			.limit(MAX_RESULTS)
			.toList();
	}

	/**
	 * Joins an open incident of the caller's scope as a follower instead of reporting it again. The insert itself
	 * checks that the incident is still open, and its primary key makes a second join — even one at the same moment —
	 * a harmless no-op. A closed or rejected incident is a conflict naming its state.
	 */
	@Transactional
	public Following join(Actor actor, UUID incidentId) {
		DataScope scope = actor.scope();
		IncidentView incident = incidents.find(scope, incidentId).orElseThrow(() -> DomainException.notFound("incident"));
		if (!queries.mayView(actor, incident) && IncidentQueries.liaisonOnly(actor)) {
			// what his reads answer 404 for, joining must not reveal (nor write his name into its story)
			throw DomainException.notFound("incident");
		}
		boolean added = duplicates.follow(scope, incidentId, actor.userId(), clock.instant());
		if (!added) {
			// not added: either he follows it already, or it is no longer open — read it again to tell which
			IncidentView now = incidents.find(scope, incidentId).orElseThrow(() -> DomainException.notFound("incident"));
			if (now.closedAt() != null || now.state() == IncidentState.REJECTED) {
				throw new DomainException(Category.CONFLICT, "INCIDENT_NOT_OPEN", "incident.join.notOpen",
						now.state().name());
			}
		}
		else {
			// the joiner's place in the incident's story: who else is waiting for it, at the moment he joined
			steps.remark(actor, incidents.find(scope, incidentId).orElseThrow(), IncidentAction.JOIN,
					IncidentSteps.Entry.of((TimelineDetail) null));
		}
		return new Following(incidentId, duplicates.followers(incidentId), added);
	}

	private static String shorten(String description) {
		if (description.length() <= SHORT_DESCRIPTION) {
			return description;
		}
		return description.substring(0, SHORT_DESCRIPTION) + "…";
	}
}

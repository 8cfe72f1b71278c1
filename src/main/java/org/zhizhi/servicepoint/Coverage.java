package org.zhizhi.servicepoint;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.zhizhi.servicepoint.ServicePointViews.ServiceKind;
import org.zhizhi.servicepoint.persistence.JdbcCoverage;
import org.zhizhi.servicepoint.persistence.JdbcCoverage.AreaRow;
import org.zhizhi.servicepoint.persistence.JdbcCoverage.BuildingRow;
import org.zhizhi.servicepoint.persistence.JdbcServicePoints;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.territory.BuildingPlace;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceQueries;

/**
 * The 15-minute service circle of a district, computed by {@link CoverageMap} from territory's buildings and this
 * module's points, and kept (per building and kind, per community and grid) so that reading a community's figure is
 * one indexed row, not a computation. Computed again when a point opens, and on the desk's demand.
 */
@Service
@EnableConfigurationProperties(CoverageProperties.class)
public class Coverage {

	/** An area's figure as the page and API show it. */
	public record AreaView(UUID id, String name, String level, String kind, int dwellings, int within, double share) {
	}

	/** A building outside the circle (or any, for the map): where, how many dwellings, how far to the nearest point. */
	public record BuildingView(UUID id, String label, double lat, double lng, int dwellings, Double minutes,
			UUID pointId) {
	}

	/** The circle of the reader's scope: how it is reckoned, each area's figure, and the buildings left outside. */
	public record CoverageView(CoverageProperties method, List<AreaView> areas, List<BuildingView> outside) {
	}

	private final JdbcCoverage coverage;

	private final JdbcServicePoints points;

	private final PlaceQueries places;

	private final OrgUnitQueries orgUnits;

	private final Installation installation;

	private final CoverageProperties properties;

	private final Clock clock;

	Coverage(JdbcCoverage coverage, JdbcServicePoints points, PlaceQueries places, OrgUnitQueries orgUnits,
			Installation installation, CoverageProperties properties, Clock clock) {
		this.coverage = coverage;
		this.points = points;
		this.places = places;
		this.orgUnits = orgUnits;
		this.installation = installation;
		this.properties = properties;
		this.clock = clock;
	}

	/** Computes and stores a district's circle; returns how many buildings it covered. */
	@Transactional
	public int recompute(UUID districtId) {
		OrgUnit district = orgUnits.find(installation.whole(), districtId)
			.orElseThrow(() -> DomainException.notFound("district"));
		Map<UUID, BuildingPlace> buildings = new HashMap<>();
		List<CoverageMap.Place> placeList = new ArrayList<>();
		Map<UUID, String> areaPaths = new HashMap<>();
		places.eachBuildingPlace(district.scope(), b -> {
			buildings.put(b.id(), b);
			placeList.add(new CoverageMap.Place(b.id(), b.lat(), b.lng(), b.dwellings(), b.communityId(), b.gridId()));
			// a building's path is its micro-grid's: /city/district/street/community/grid/micro-grid/
			String[] parts = b.scopePath().split("/");
			if (parts.length >= 6) {
				areaPaths.putIfAbsent(b.communityId(), String.join("/", java.util.Arrays.copyOf(parts, 5)) + "/");
				areaPaths.putIfAbsent(b.gridId(), String.join("/", java.util.Arrays.copyOf(parts, 6)) + "/");
			}
		});
		List<CoverageMap.Site> sites = points.located(districtId)
			.stream()
			.map(p -> new CoverageMap.Site(p.id(), p.lat(), p.lng(), Set.copyOf(p.services())))
			.toList();
		List<String> kinds = points.kinds().stream().map(ServiceKind::code).toList();
		CoverageMap.Result result = CoverageMap.compute(placeList, sites, kinds, properties.method());
		coverage.replace(districtId, buildings, result, areaPaths, clock.instant());
		return buildings.size();
	}

	/** The desk computes its district's circle again (after moving buildings or points). */
	@Transactional
	public int recompute(Actor actor) {
		if (!actor.hasAny(ServicePointRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		return recompute(DataScope.districtOf(actor.scope().path()));
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(PointOpened opened) {
		recompute(opened.districtId());
	}

	/**
	 * The circle of the reader's scope for one kind of service ({@code null} or '*': any point): each community's and
	 * grid's figure (communities only above a street, where grids would be thousands), and up to {@code limit}
	 * buildings outside it, the farthest first.
	 */
	@Transactional(readOnly = true)
	public CoverageView of(Actor actor, String kind, int limit) {
		String k = kind == null || kind.isBlank() ? CoverageMap.ANY : kind;
		List<AreaRow> rows = coverage.areas(actor.scope(), k);
		boolean gridsToo = rows.stream().filter(r -> r.level().equals("COMMUNITY")).count() <= 1;
		List<AreaView> areas = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		for (AreaRow row : rows) {
			if ((gridsToo || row.level().equals("COMMUNITY")) && seen.add(row.areaId())) {
				String name = orgUnits.find(actor.scope(), row.areaId()).map(OrgUnit::name).orElse(null);
				if (name != null) {
					areas.add(new AreaView(row.areaId(), name, row.level(), row.kind(), row.dwellings(), row.within(),
							row.dwellings() == 0 ? 0 : Math.round(1000.0 * row.within() / row.dwellings()) / 10.0));
				}
			}
		}
		List<BuildingView> outside = coverage.buildings(actor.scope(), k, properties.circleMinutes(), limit)
			.stream()
			.map(Coverage::view)
			.toList();
		return new CoverageView(properties, areas, outside);
	}

	/** Every building of the scope with its walk to the nearest point of a kind, for the map (at most 5,000). */
	@Transactional(readOnly = true)
	public List<BuildingView> map(Actor actor, String kind) {
		String k = kind == null || kind.isBlank() ? CoverageMap.ANY : kind;
		return coverage.buildings(actor.scope(), k, null, 5000).stream().map(Coverage::view).toList();
	}

	public CoverageProperties method() {
		return properties;
	}

	private static BuildingView view(BuildingRow b) {
		return new BuildingView(b.buildingId(), b.label(), b.lat(), b.lng(), b.dwellings(),
				b.minutes() == null ? null : Math.round(b.minutes() * 10) / 10.0, b.pointId());
	}
}

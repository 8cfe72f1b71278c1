package org.zhizhi.territory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.persistence.JdbcPlaces;

/**
 * The figures of a node or an estate, as {@code GET /api/v1/org-units/{id}/summary} and
 * {@code GET /api/v1/estates/{id}/summary} return them.
 * <p>
 * Territory counts what it holds: the levels of the tree below the node ({@code streets}, {@code communities},
 * {@code grids}, {@code microGrids}) and the places ({@code estates}, {@code buildings}, {@code entrances},
 * {@code dwellings}). Households, residents and the party's figures belong to modules that depend on territory, not
 * the other way round: each of them contributes through a {@link ScopeCountContributor} bean, which Spring hands to
 * this service as a list (empty while no such module exists). A figure no contributor provides is left out of the
 * answer rather than reported as a false zero; the levels above the node (a community has no streets) are left out
 * too.
 */
@Service
@Transactional(readOnly = true)
public class PlaceSummaries {

	private final OrgUnitQueries orgUnits;

	private final JdbcPlaces places;

	private final List<ScopeCountContributor> contributors;

	PlaceSummaries(OrgUnitQueries orgUnits, JdbcPlaces places, List<ScopeCountContributor> contributors) {
		this.orgUnits = orgUnits;
		this.places = places;
		this.contributors = List.copyOf(contributors);
	}

	/** The figures of a node inside the caller's scope; empty if the node is outside it. */
	public Optional<PlaceSummary> ofOrgUnit(DataScope scope, UUID orgUnitId) {
		return orgUnits.find(scope, orgUnitId).map(node -> {
			DataScope nodeScope = node.scope();
			Map<ScopeCount, Long> counts = new EnumMap<>(ScopeCount.class);
			Map<OrgLevel, Long> levels = orgUnits.countByLevel(nodeScope);
			levelBelow(counts, node.level(), OrgLevel.STREET, ScopeCount.STREETS, levels);
			levelBelow(counts, node.level(), OrgLevel.COMMUNITY, ScopeCount.COMMUNITIES, levels);
			levelBelow(counts, node.level(), OrgLevel.GRID, ScopeCount.GRIDS, levels);
			levelBelow(counts, node.level(), OrgLevel.MICRO_GRID, ScopeCount.MICRO_GRIDS, levels);
			counts.putAll(places.countWithin(nodeScope));
			for (ScopeCountContributor contributor : contributors) {
				add(counts, contributor.countWithin(nodeScope));
			}
			return new PlaceSummary(counts);
		});
	}

	/** The figures of an estate, limited to the caller's scope; empty if the estate is not visible to him. */
	public Optional<PlaceSummary> ofEstate(DataScope scope, UUID estateId) {
		return places.estate(scope, estateId).map(estate -> {
			Map<ScopeCount, Long> counts = new EnumMap<>(ScopeCount.class);
			counts.putAll(places.countInEstate(scope, estate.id()));
			for (ScopeCountContributor contributor : contributors) {
				add(counts, contributor.countInEstate(scope, estate.id()));
			}
			return new PlaceSummary(counts);
		});
	}

	private static void levelBelow(Map<ScopeCount, Long> counts, OrgLevel nodeLevel, OrgLevel level, ScopeCount count,
			Map<OrgLevel, Long> levels) {
		if (level.ordinal() > nodeLevel.ordinal()) {
			counts.put(count, levels.getOrDefault(level, 0L));
		}
	}

	private static void add(Map<ScopeCount, Long> counts, Map<ScopeCount, Long> contributed) {
		if (contributed != null) {
			contributed.forEach((count, value) -> {
				if (value != null) {
					counts.merge(count, value, Long::sum);
				}
			});
		}
	}
}

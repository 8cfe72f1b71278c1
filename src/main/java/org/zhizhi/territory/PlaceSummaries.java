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

	/**
	 * One contributed figure (households, say) for each of the given nodes, all inside the caller's scope: one query
	 * per contributor for the whole list instead of a summary per node. Nodes no contributor counts are left out.
	 */
	public Map<UUID, Long> figureOfEach(DataScope scope, List<OrgUnit> nodes, ScopeCount figure) {
		List<OrgUnit> inScope = nodes.stream().filter(node -> scope.covers(node.path())).toList();
		List<DataScope> scopes = inScope.stream().map(OrgUnit::scope).toList();
		Map<UUID, Long> figures = new java.util.HashMap<>();
		if (scopes.isEmpty()) {
			return figures;
		}
		for (ScopeCountContributor contributor : contributors) {
			Map<String, Long> byPath = contributor.countEachWithin(scopes, figure);
			for (OrgUnit node : inScope) {
				Long count = byPath.get(node.path());
				if (count != null) {
					figures.merge(node.id(), count, Long::sum);
				}
			}
		}
		return figures;
	}

	/** The figures of a node inside the caller's scope; empty if the node is outside it. */
	public Optional<PlaceSummary> ofOrgUnit(DataScope scope, UUID orgUnitId) {
		return orgUnits.find(scope, orgUnitId).map(node -> {
			DataScope nodeScope = node.scope();
			List<Map<ScopeCount, Long>> contributed = contributors.stream()
				.map(contributor -> contributor.countWithin(nodeScope))
				.toList();
			return ofNode(node.level(), orgUnits.countByLevel(nodeScope), places.countWithin(nodeScope),
					contributed);
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

	/**
	 * A node's figures: the levels strictly below it, territory's place counts, and whatever the contributors add
	 * (summed where two give the same figure).
	 */
	static PlaceSummary ofNode(OrgLevel nodeLevel, Map<OrgLevel, Long> levels, Map<ScopeCount, Long> placeCounts,
			List<Map<ScopeCount, Long>> contributed) {
		Map<ScopeCount, Long> counts = new EnumMap<>(ScopeCount.class);
		levelBelow(counts, nodeLevel, OrgLevel.STREET, ScopeCount.STREETS, levels);
		levelBelow(counts, nodeLevel, OrgLevel.COMMUNITY, ScopeCount.COMMUNITIES, levels);
		levelBelow(counts, nodeLevel, OrgLevel.GRID, ScopeCount.GRIDS, levels);
		levelBelow(counts, nodeLevel, OrgLevel.MICRO_GRID, ScopeCount.MICRO_GRIDS, levels);
		counts.putAll(placeCounts);
		for (Map<ScopeCount, Long> more : contributed) {
			add(counts, more);
		}
		return new PlaceSummary(counts);
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

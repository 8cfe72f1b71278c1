package org.zhizhi.territory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.shared.DataScope;

/**
 * How another module adds its figures to the summaries of a node or an estate without territory knowing it: a module
 * that holds households, residents or party data (people, party) declares a Spring bean implementing this interface,
 * and {@link PlaceSummaries} collects every such bean. Territory depends on none of them; they depend on territory.
 * <p>
 * Each method counts only rows inside the given scope (bind {@link DataScope#likePattern()} as a parameter, as every
 * scoped query does) and returns just the figures its module owns — households and residents from people; party
 * organisations, members and hub households from party. Figures no contributor returns are left out of the summary.
 * When two contributors return the same figure, the values are added.
 */
public interface ScopeCountContributor {

	/** Figures for everything inside the scope (a node's summary passes the node's own scope). */
	Map<ScopeCount, Long> countWithin(DataScope scope);

	/**
	 * Figures for one estate, limited to the scope. A module that copies {@link DwellingRef#estateId()} onto its rows
	 * can answer with one query; the default contributes nothing.
	 */
	default Map<ScopeCount, Long> countInEstate(DataScope scope, UUID estateId) {
		return Map.of();
	}

	/**
	 * One figure for each of several scopes, keyed by the scope's path — what a list of grids shows in a column. The
	 * default asks {@link #countWithin} once per scope; a contributor that can answer in one query should.
	 */
	default Map<String, Long> countEachWithin(List<DataScope> scopes, ScopeCount figure) {
		Map<String, Long> counts = new java.util.HashMap<>();
		for (DataScope scope : scopes) {
			Long count = countWithin(scope).get(figure);
			if (count != null) {
				counts.put(scope.path(), count);
			}
		}
		return counts;
	}
}

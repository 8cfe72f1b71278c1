package org.zhizhi.people;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.zhizhi.people.PeopleViews.PeopleCounts;
import org.zhizhi.people.persistence.Headcounts;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.PlaceQueries;
import org.zhizhi.territory.ScopeCount;
import org.zhizhi.territory.ScopeCountContributor;

/** Adds households and residents to the summaries of nodes and estates (territory collects it, knowing no people). */
@Component
class PeopleCountContributor implements ScopeCountContributor {

	private final Headcounts headcounts;

	private final PlaceQueries places;

	PeopleCountContributor(Headcounts headcounts, PlaceQueries places) {
		this.headcounts = headcounts;
		this.places = places;
	}

	@Override
	public Map<ScopeCount, Long> countWithin(DataScope scope) {
		return figures(headcounts.counts(scope));
	}

	@Override
	public Map<ScopeCount, Long> countInEstate(DataScope scope, UUID estateId) {
		// the estate's buildings come from territory's public API: people keeps building ids, not estates
		List<UUID> buildings = places.buildingsOfEstate(scope, estateId).stream().map(b -> b.building().id()).toList();
		return figures(headcounts.countsInBuildings(scope, buildings));
	}

	@Override
	public Map<String, Long> countEachWithin(List<DataScope> scopes, ScopeCount figure) {
		if (figure != ScopeCount.HOUSEHOLDS && figure != ScopeCount.RESIDENTS) {
			return Map.of();
		}
		return headcounts.countEachWithin(scopes.stream().map(DataScope::path).toList(), figure == ScopeCount.HOUSEHOLDS);
	}

	private static Map<ScopeCount, Long> figures(PeopleCounts counts) {
		Map<ScopeCount, Long> figures = new EnumMap<>(ScopeCount.class);
		figures.put(ScopeCount.HOUSEHOLDS, counts.households());
		figures.put(ScopeCount.RESIDENTS, counts.residents());
		return figures;
	}
}

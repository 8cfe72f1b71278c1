package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A node's summary: the levels below it, the places, and what other modules contribute — nothing else. */
class PlaceSummariesTests {

	private static final Map<OrgLevel, Long> LEVELS = Map.of(OrgLevel.COMMUNITY, 1L, OrgLevel.GRID, 15L,
			OrgLevel.MICRO_GRID, 76L);

	private static final Map<ScopeCount, Long> PLACES = Map.of(ScopeCount.ESTATES, 1L, ScopeCount.BUILDINGS, 15L,
			ScopeCount.ENTRANCES, 30L, ScopeCount.DWELLINGS, 4993L);

	@Test
	void aCommunityCountsTheLevelsBelowItAndItsPlacesOnly() {
		PlaceSummary summary = PlaceSummaries.ofNode(OrgLevel.COMMUNITY, LEVELS, PLACES, List.of());
		assertThat(summary.byFieldName()).containsExactly(Map.entry("grids", 15L), Map.entry("microGrids", 76L),
				Map.entry("estates", 1L), Map.entry("buildings", 15L), Map.entry("entrances", 30L),
				Map.entry("dwellings", 4993L));
	}

	@Test
	void aDistrictCountsStreetsAndCommunitiesEvenWhenItHasNone() {
		PlaceSummary summary = PlaceSummaries.ofNode(OrgLevel.DISTRICT, Map.of(), Map.of(), List.of());
		assertThat(summary.byFieldName()).containsOnlyKeys("streets", "communities", "grids", "microGrids")
			.containsValue(0L);
	}

	@Test
	void contributorsAddTheirFiguresAndFiguresNoOneCountsAreLeftOut() {
		PlaceSummary summary = PlaceSummaries.ofNode(OrgLevel.COMMUNITY, LEVELS, PLACES,
				List.of(Map.of(ScopeCount.HOUSEHOLDS, 4993L, ScopeCount.RESIDENTS, 11940L),
						Map.of(ScopeCount.PARTY_MEMBERS, 40L, ScopeCount.HUB_HOUSEHOLDS, 15L),
						Map.of(ScopeCount.PARTY_MEMBERS, 8L)));
		assertThat(summary.byFieldName()).containsEntry("households", 4993L)
			.containsEntry("residents", 11940L)
			.containsEntry("partyMembers", 48L)
			.containsEntry("hubHouseholds", 15L)
			.doesNotContainKeys("partyOrgs", "streets", "communities");
	}
}

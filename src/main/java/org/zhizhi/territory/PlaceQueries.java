package org.zhizhi.territory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.persistence.JdbcPlaces;

/** Reads of estates, buildings and dwellings, always within the caller's scope. */
@Service
@Transactional(readOnly = true)
public class PlaceQueries {

	/** Lists are capped like the tree's. */
	public static final int LIST_LIMIT = 2000;

	private final JdbcPlaces places;

	PlaceQueries(JdbcPlaces places) {
		this.places = places;
	}

	/** A dwelling inside the scope, or empty — outside the scope it does not exist. */
	public Optional<DwellingRef> dwelling(DataScope scope, UUID dwellingId) {
		return places.dwelling(scope, dwellingId);
	}

	/** The dwellings of a building inside the scope, in label order. */
	public List<DwellingRef> dwellingsOfBuilding(DataScope scope, UUID buildingId) {
		return places.dwellingsOfBuilding(scope, buildingId);
	}

	/**
	 * The dwellings of an estate inside the scope, by building, entrance, floor and number — e.g. for placing the
	 * households of a demo estate one per dwelling. Not capped: an estate holds a few thousand at most.
	 */
	public List<DwellingRef> dwellingsOfEstate(DataScope scope, UUID estateId) {
		return places.dwellingsOfEstate(scope, estateId);
	}

	/**
	 * Estates visible in the scope, optionally by part of their name and by community. An estate is visible inside its
	 * community's scope, and to a user below the community when one of its buildings lies inside his scope.
	 */
	public List<Estate> estates(DataScope scope, String nameContains, UUID communityId) {
		return places.estates(scope, nameContains, communityId, LIST_LIMIT);
	}

	/** How many estates of the scope each governance mode runs (every estate counted, not a page of them). */
	public Map<GovernanceMode, Long> estatesByGovernanceMode(DataScope scope) {
		return places.estatesByGovernanceMode(scope);
	}

	public Optional<Estate> estate(DataScope scope, UUID estateId) {
		return places.estate(scope, estateId);
	}

	/** Per estate id: {buildings, dwellings} inside the scope. */
	public Map<UUID, long[]> estateCounts(DataScope scope, List<UUID> estateIds) {
		return places.estateCounts(scope, estateIds);
	}

	/** The estate's buildings inside the scope, with their grid, micro-grid, entrance and dwelling counts. */
	public List<BuildingOverview> buildingsOfEstate(DataScope scope, UUID estateId) {
		return places.buildingsOfEstate(scope, estateId);
	}

	/** The grids the estate's buildings inside the scope lie in. */
	public List<GridShare> gridsOfEstate(DataScope scope, UUID estateId) {
		return places.gridsOfEstate(scope, estateId);
	}

	public Optional<Building> building(DataScope scope, UUID buildingId) {
		return places.building(scope, buildingId);
	}

	public List<EntranceOverview> entrancesOfBuilding(DataScope scope, UUID buildingId) {
		return places.entrancesOfBuilding(scope, buildingId);
	}

	/**
	 * Every building of the scope that has a position and dwellings, with its dwelling count, community and grid. Not
	 * capped: a district has tens of thousands; one row per building, streamed to the consumer.
	 */
	public void eachBuildingPlace(DataScope scope, java.util.function.Consumer<BuildingPlace> sink) {
		places.eachBuildingPlace(scope, sink);
	}

	/** The dwellings of a building inside the scope, by entrance, floor and label; at most {@link #LIST_LIMIT}. */
	public List<Dwelling> dwellingsInBuilding(DataScope scope, UUID buildingId) {
		return places.dwellingsInBuilding(scope, buildingId, LIST_LIMIT);
	}
}

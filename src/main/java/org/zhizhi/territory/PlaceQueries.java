package org.zhizhi.territory;

import java.util.List;
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
}

package org.zhizhi.territory;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.LikePattern;
import org.zhizhi.shared.Searchable;
import org.zhizhi.territory.persistence.JdbcPlaceSearch;

/**
 * Estates (小区) and buildings (楼栋) for the header's search, by name, for those who read the register of places
 * ({@link TerritoryRoles#mayReadPlaces}) and within their scope: an estate as its list shows it (in the community's
 * scope, or to a grid that has one of its buildings), a building within the reader's grid or above.
 */
@Service
@Order(30)
@Transactional(readOnly = true)
class PlaceSearch implements Searchable {

	static final String ESTATE = "search.kind.estate";

	static final String BUILDING = "search.kind.building";

	private final JdbcPlaceSearch places;

	PlaceSearch(JdbcPlaceSearch places) {
		this.places = places;
	}

	@Override
	public boolean searchesFor(Actor actor) {
		return TerritoryRoles.mayReadPlaces(actor);
	}

	@Override
	public List<Found> find(Actor actor, Query query, int limit) {
		if (!searchesFor(actor)) {
			return List.of();
		}
		String scope = actor.scope().likePattern();
		List<Found> found = new ArrayList<>();
		places.estates(scope, LikePattern.contains(query.text()), query.text(), limit)
			.forEach(e -> found.add(new Found(ESTATE, e.name(), e.where(), "/territory/estates/" + e.id())));
		places.buildings(scope, LikePattern.contains(query.compact()), limit)
			.forEach(b -> found.add(new Found(BUILDING, b.name(), b.where(), "/territory/buildings/" + b.id())));
		return found;
	}
}

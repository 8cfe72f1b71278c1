package org.zhizhi.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.people.HouseholdUnit;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.ResidentAccounts;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;

/**
 * The demo's residents who sign in — 张居民 (jumin01) and two neighbours (jumin02, jumin03) — are residents of three
 * households of one building of 东城社区第1网格: what one raises about the stairwell, the others co-sign and vote on.
 */
final class DemoResidentAccounts {

	static final List<String> USERNAMES = List.of("jumin01", "jumin02", "jumin03");

	private DemoResidentAccounts() {
	}

	/** Binds each resident account to the head (or first member) of a household of the grid's first full building. */
	static void bind(ResidentAccounts accounts, PeopleQueries peopleQueries, PlaceQueries places, DataScope grid,
			Map<String, UUID> accountIds) {
		Actor office = new Actor(new UUID(0, 0), "demo", "demo", Set.of(Role.DISTRICT_ADMIN), grid);
		List<HouseholdUnit> households = places.estates(grid, null, null)
			.stream()
			.sorted(Comparator.comparing(Estate::name))
			.flatMap(estate -> places.buildingsOfEstate(grid, estate.id()).stream())
			.map(BuildingOverview::building)
			.map(building -> peopleQueries.householdsLivingIn(grid, List.of(building.id())))
			.filter(living -> living.size() >= USERNAMES.size())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo building with three households in the grid"));
		for (int i = 0; i < USERNAMES.size(); i++) {
			UUID household = households.get(i).householdId();
			UUID resident = peopleQueries.members(office, household).getFirst().id();
			accounts.bind(office, resident, accountIds.get(USERNAMES.get(i)));
		}
	}
}

package org.zhizhi.territory;

/** A building in an estate's list: where it lies and how many entrances and dwellings (in the caller's scope) it has. */
public record BuildingOverview(Building building, String gridName, String microGridName, long entrances,
		long dwellings) {
}

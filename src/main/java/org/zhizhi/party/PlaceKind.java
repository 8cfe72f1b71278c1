package org.zhizhi.party;

/** What kind of place a party organisation serves: a node of the management tree, an estate or a building. */
public enum PlaceKind {

	STREET, COMMUNITY, GRID, MICRO_GRID, ESTATE, BUILDING
}

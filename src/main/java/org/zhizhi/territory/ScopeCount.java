package org.zhizhi.territory;

/**
 * The figures a summary may hold, each with the JSON field name the API uses. Territory counts the places itself; the
 * rest come from other modules through {@link ScopeCountContributor}.
 */
public enum ScopeCount {

	STREETS("streets"), COMMUNITIES("communities"), GRIDS("grids"), MICRO_GRIDS("microGrids"), ESTATES("estates"),
	BUILDINGS("buildings"), ENTRANCES("entrances"), DWELLINGS("dwellings"), HOUSEHOLDS("households"),
	RESIDENTS("residents"), PARTY_ORGS("partyOrgs"), PARTY_MEMBERS("partyMembers"),
	HUB_HOUSEHOLDS("hubHouseholds");

	private final String fieldName;

	ScopeCount(String fieldName) {
		this.fieldName = fieldName;
	}

	/** The name of the figure in JSON and the suffix of its message key ({@code summary.<fieldName>}). */
	public String fieldName() {
		return fieldName;
	}
}

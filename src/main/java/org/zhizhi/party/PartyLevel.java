package org.zhizhi.party;

/** The levels of the party tree, from the street's working committee down to the building's group. */
public enum PartyLevel {

	WORKING_COMMITTEE, COMMITTEE, GENERAL_BRANCH, BRANCH, GROUP;

	/** Branches and general branches form the second level of the estate chain. */
	public boolean isBranch() {
		return this == BRANCH || this == GENERAL_BRANCH;
	}
}

package org.zhizhi.people;

/** The parts a new-employment worker plays in the second of the two ledgers. */
public enum LedgerRole {
	VOLUNTEER, PART_TIME_GRID_WORKER, PIONEER_RIDER
}

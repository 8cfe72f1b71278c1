package org.zhizhi.party;

/** How a shift of a roster recurs: one stretch of time, or the same hours on one day of every week. */
public enum ShiftPattern {
	ONCE, WEEKLY
}

package org.zhizhi.party;

/** Where a branch meeting is: scheduled, held (its minutes recorded), or cancelled. */
public enum MeetingState {
	SCHEDULED, HELD, CANCELLED
}

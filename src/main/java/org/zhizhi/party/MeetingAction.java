package org.zhizhi.party;

/** The steps of a branch meeting. */
public enum MeetingAction {
	SIGN_IN, RECORD_ATTENDANCE, HOLD, CANCEL
}

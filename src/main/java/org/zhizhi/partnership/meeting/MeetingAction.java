package org.zhizhi.partnership.meeting;

/** What can be done to a joint meeting; each is allowed in some states only ({@link MeetingLifecycle}). */
public enum MeetingAction {
	SCHEDULE, RESCHEDULE, EDIT_AGENDA, RECORD_ATTENDANCE, HOLD, DECIDE, MINUTE, CANCEL
}

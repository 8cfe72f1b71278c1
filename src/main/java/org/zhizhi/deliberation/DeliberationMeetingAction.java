package org.zhizhi.deliberation;

/** The steps of a deliberation meeting, each a row of {@link DeliberationMeetingLifecycle}; SCHEDULE creates it. */
public enum DeliberationMeetingAction {
	SCHEDULE, RESCHEDULE, ADD_TO_AGENDA, SIGN_IN, HOLD, CANCEL
}

package org.zhizhi.deliberation;

/** A deliberation meeting: scheduled (its agenda and sign-in open), held with its minutes, or cancelled. */
public enum DeliberationMeetingState {
	SCHEDULED, HELD, CANCELLED
}

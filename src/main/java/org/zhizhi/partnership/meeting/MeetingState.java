package org.zhizhi.partnership.meeting;

/** Where a joint meeting stands; {@link MeetingLifecycle} says which steps lead where. */
public enum MeetingState {
	PLANNED, HELD, MINUTED, CANCELLED
}

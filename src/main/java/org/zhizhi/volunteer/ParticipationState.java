package org.zhizhi.volunteer;

/**
 * A person's part in an activity: signed up (or waiting for a place), cancelled, checked in on the spot, checked out,
 * his hours approved (and locked), or absent.
 */
public enum ParticipationState {
	SIGNED_UP, WAITING, CANCELLED, CHECKED_IN, CHECKED_OUT, APPROVED, ABSENT
}

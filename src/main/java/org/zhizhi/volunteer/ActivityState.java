package org.zhizhi.volunteer;

/** An activity is open until it is cancelled; whether it is over is the clock's to say. */
public enum ActivityState {
	OPEN, CANCELLED
}

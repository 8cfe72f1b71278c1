package org.zhizhi.servicepoint;

/** An errand is asked, given to a runner, done with proof, confirmed by the resident — or cancelled before it is done. */
public enum ErrandState {
	REQUESTED, ASSIGNED, DONE, CONFIRMED, CANCELLED
}

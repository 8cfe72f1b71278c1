package org.zhizhi.citylink;

/** What a district admin does to a subscriber after adding it. */
public enum SubscriberAction {
	PAUSE, RESUME, ROTATE_SECRET, RETIRE
}

package org.zhizhi.property;

/** The loop's step followed (the incident resolved, or ended); the inspector's check: passed or sent back. */
public enum RectificationAction {
	FOLLOW_LOOP, PASS, SEND_BACK
}

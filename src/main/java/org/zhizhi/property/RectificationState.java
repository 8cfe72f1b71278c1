package org.zhizhi.property;

/**
 * An order to rectify: ISSUED (with the company through the whistle loop), ANSWERED (the company reported it done:
 * the loop's incident is resolved, waiting for the inspector's check), PASSED (the inspector found it done: the
 * incident is verified and closed), WITHDRAWN (the loop closed its incident some other way).
 */
public enum RectificationState {
	ISSUED, ANSWERED, PASSED, WITHDRAWN
}

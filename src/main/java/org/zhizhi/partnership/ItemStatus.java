package org.zhizhi.partnership;

/** OPEN while some quantity is left to claim; FULLY_CLAIMED when pledged in full; COMPLETED when every pledge is accepted. */
public enum ItemStatus {
	OPEN, FULLY_CLAIMED, COMPLETED, WITHDRAWN
}

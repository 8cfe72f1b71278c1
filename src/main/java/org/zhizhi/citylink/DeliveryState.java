package org.zhizhi.citylink;

/** Where a delivery stands: waiting for (another) attempt, answered with a 2xx, or given up after the schedule. */
public enum DeliveryState {
	PENDING, DELIVERED, FAILED
}

package org.zhizhi.citylink;

/** A subscriber receives deliveries while ACTIVE; while PAUSED its deliveries wait, none is lost. */
public enum SubscriberState {
	ACTIVE, PAUSED
}

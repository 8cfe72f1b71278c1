package org.zhizhi.citylink;

/**
 * A subscriber receives deliveries while ACTIVE; while PAUSED its deliveries wait, none is lost; RETIRED (停用) it
 * receives nothing more, and what still waited for it is given up.
 */
public enum SubscriberState {
	ACTIVE, PAUSED, RETIRED
}

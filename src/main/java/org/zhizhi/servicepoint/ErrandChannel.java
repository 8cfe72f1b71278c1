package org.zhizhi.servicepoint;

/**
 * How an errand came in: the elder asked himself on the phone (SELF), or someone asked for him — his guardian calling,
 * the 微孝热线 volunteer on duty (HOTLINE), his grid worker on a round, the desk.
 */
public enum ErrandChannel {
	SELF, GUARDIAN, HOTLINE, GRID_WORKER, DESK
}

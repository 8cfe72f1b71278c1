package org.zhizhi.partnership;

/**
 * The unit an item's quantity is counted in: yuan of value, hours of service, people, or items (项) — a joint meeting's
 * decision is one task, quantity 1.
 */
public enum Measure {
	YUAN, HOURS, PEOPLE, ITEMS
}

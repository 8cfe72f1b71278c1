package org.zhizhi.partnership;

/** The unit an item's quantity is counted in: yuan of value, hours of service, or people. */
public enum Measure {
	YUAN, HOURS, PEOPLE
}

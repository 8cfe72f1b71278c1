package org.zhizhi.property;

/** What is done to a bill: paid (cash to the building's guardian, or a transfer recorded by the desk); exempted. */
public enum FeeBillAction {
	PAY, EXEMPT
}

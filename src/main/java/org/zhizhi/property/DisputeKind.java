package org.zhizhi.property;

/** What a dispute is about: neighbours, the property company's service, fees, damage or injury, parking, other. */
public enum DisputeKind {
	NEIGHBOUR, PROPERTY_SERVICE, FEES, DAMAGE, PARKING, OTHER
}

package org.zhizhi.partnership;

/** A pledge: PLEDGED when claimed, DELIVERED when the deliverer reports completion with evidence, ACCEPTED by the community. */
public enum ClaimStatus {
	PLEDGED, DELIVERED, ACCEPTED
}

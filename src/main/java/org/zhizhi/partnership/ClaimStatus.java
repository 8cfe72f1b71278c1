package org.zhizhi.partnership;

/**
 * A pledge: PLEDGED when claimed, DELIVERED when the deliverer reports completion with evidence, ACCEPTED by the
 * community — or sent back by it from DELIVERED to PLEDGED, to be delivered again.
 */
public enum ClaimStatus {
	PLEDGED, DELIVERED, ACCEPTED
}

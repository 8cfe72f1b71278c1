package org.zhizhi.points;

/** A redemption's points are held until the sponsor confirms it with the person's code, or it is cancelled. */
public enum RedemptionState {
	HELD, CONFIRMED, CANCELLED
}

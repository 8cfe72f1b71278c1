package org.zhizhi.points;

/**
 * A movement of the ledger: points earned (pool → person), held for a redemption (person → held), confirmed (held →
 * sponsor) or released (held → person), a reversal of an earlier movement with its reason, points lapsed (person →
 * pool).
 */
public enum MovementKind {
	EARN, HOLD, CONFIRM, RELEASE, REVERSAL, EXPIRY
}

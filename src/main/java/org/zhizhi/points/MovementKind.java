package org.zhizhi.points;

/**
 * A movement of the ledger: points earned (pool → person), held for a redemption (person → held), confirmed (held →
 * sponsor) or released (held → person), a reversal of an earlier movement with its reason, points lapsed (person →
 * pool), points taken back because what earned them was corrected (person → pool: volunteer hours corrected down).
 */
public enum MovementKind {
	EARN, HOLD, CONFIRM, RELEASE, REVERSAL, EXPIRY, CORRECTION
}

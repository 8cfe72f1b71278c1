package org.zhizhi.deliberation;

/** A line of the co-funding ledger: a pledge (promised), a payment (received, with its receipt), a spending. */
public enum FundEntryKind {
	PLEDGE, PAYMENT, SPENDING
}

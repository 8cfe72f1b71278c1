package org.zhizhi.points;

/** The three schemes of the seeds: 党员积分, the virtue bank (道德积分银行), 先锋骑士积分. */
public enum SchemeKind {
	MEMBER, VIRTUE, RIDER
}

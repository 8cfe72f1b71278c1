package org.zhizhi.deliberation;

/** Where co-funding money comes from: a household, a foundation (民泰基金), the street, a partner unit, or another. */
public enum FundSource {
	HOUSEHOLD, FOUNDATION, STREET, PARTNER_UNIT, OTHER
}

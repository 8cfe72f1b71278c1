package org.zhizhi.partnership.meeting;

/**
 * The four joint meetings of a year ("4" of 1+4+X), each due by the end of its quarter (see {@link MeetingQuota}):
 * 年初双向认领会 (claiming, Q1), 半年工作推进会 (half-year progress, Q2), 季度协商议事会 (quarterly consultation, Q3),
 * 年终总结表彰会 (year-end review and awards, Q4).
 */
public enum MeetingKind {

	CLAIMING(1), HALF_YEAR(2), QUARTERLY(3), YEAR_END(4);

	private final int quarter;

	MeetingKind(int quarter) {
		this.quarter = quarter;
	}

	/** The quarter (1–4) by whose end the meeting is expected. */
	public int quarter() {
		return quarter;
	}
}

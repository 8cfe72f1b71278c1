package org.zhizhi.party;

/** A member's result of 民主评议党员: 优秀, 合格, 基本合格, 不合格. */
public enum AppraisalGrade {
	EXCELLENT, QUALIFIED, BASICALLY_QUALIFIED, UNQUALIFIED;

	/** A result below 合格 is told with its reason: the member is talked to and helped, and it is on file. */
	public boolean needsNote() {
		return this == BASICALLY_QUALIFIED || this == UNQUALIFIED;
	}
}

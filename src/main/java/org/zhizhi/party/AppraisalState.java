package org.zhizhi.party;

/** Where a branch's yearly appraisal round is: results being recorded, or closed with every member's. */
public enum AppraisalState {
	OPEN, CLOSED
}

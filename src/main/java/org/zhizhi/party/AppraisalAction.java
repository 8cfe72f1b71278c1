package org.zhizhi.party;

/** The steps of an appraisal round. */
public enum AppraisalAction {
	RECORD, CLOSE
}

package org.zhizhi.property;

/** What is done to an inspection: a finding recorded on site, the inspection submitted or cancelled. */
public enum InspectionAction {
	RECORD_FINDING, SUBMIT, CANCEL
}

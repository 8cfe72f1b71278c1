package org.zhizhi.incident;

/** The steps a timeline records. */
public enum IncidentAction {
	REPORT, ACCEPT, REJECT, TRIAGE, CLOSE, WHISTLE, CLAIM, PHOTO, CHECK_IN, RESOLVE, VERIFY, REWORK, RATE
}

package org.zhizhi.incident;

/**
 * The steps a timeline records. Some move the incident on; others (PHOTO, NOTE, URGE, the extension steps,
 * KEEP_CLOSED, JOIN, PART_*) leave it where it is and only say what happened.
 */
public enum IncidentAction {
	REPORT, ACCEPT, REJECT, TRIAGE, CLOSE, WHISTLE, ASSIGN, CLAIM, ANSWER, HAND_BACK, PART_ANSWER, PART_DONE,
	PART_HAND_BACK, PHOTO, NOTE, CHECK_IN, RESOLVE, VERIFY, REWORK, RATE, REOPEN, KEEP_CLOSED, ESCALATE, URGE,
	EXTENSION_REQUEST, EXTENSION_APPROVE, EXTENSION_REFUSE, JOIN
}

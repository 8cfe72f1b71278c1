package org.zhizhi.incident.kpi;

import org.zhizhi.incident.IncidentAction;

/**
 * The moments of an incident's life the KPIs count. Each timeline action marks at most one of them; the mapping is
 * {@link #of} and nowhere else (the SQL that finds the moments on the timeline is generated from it).
 */
enum Milestone {

	ACCEPTED, DISPATCHED, CLAIMED, ON_SITE, HANDLED, REWORKED, CLOSED, RATED;

	/**
	 * The milestone an action marks, or null. Actions unknown to the KPIs (a photo, and whatever the life cycle adds
	 * later: urging, notes, extensions ...) mark none and so change no counter by themselves; whatever they change on
	 * the incident row (a deadline, the escalation count) is still picked up, because the listener recomputes the
	 * incident's fact after every step. An assignment is taken when its member or unit answers
	 * it (ANSWER), as surely as a claimer takes an open call.
	 */
	static Milestone of(IncidentAction action) {
		return switch (action) {
			case ACCEPT -> ACCEPTED;
			case WHISTLE -> DISPATCHED;
			// an open call grabbed, or an assignment answered (应哨) by the member or unit it was given to
			case CLAIM, ANSWER -> CLAIMED;
			case CHECK_IN -> ON_SITE;
			case RESOLVE -> HANDLED;
			case REWORK -> REWORKED;
			case CLOSE -> CLOSED;
			case RATE -> RATED;
			// REPORT is the incident row's own reported_at; REJECT, TRIAGE, VERIFY, PHOTO and anything new: none
			default -> null;
		};
	}
}

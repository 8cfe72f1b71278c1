package org.zhizhi.incident;

import java.util.UUID;

/** What the desk queue is narrowed to; every part is optional. */
public record DeskFilter(IncidentState state, WhistleType whistleType, String categoryCode, UUID gridId,
		boolean overdueOnly) {

	public static DeskFilter none() {
		return new DeskFilter(null, null, null, null, false);
	}

	/** The same filter for every state: what the counts per state are taken over. */
	public DeskFilter anyState() {
		return new DeskFilter(null, whistleType, categoryCode, gridId, overdueOnly);
	}
}

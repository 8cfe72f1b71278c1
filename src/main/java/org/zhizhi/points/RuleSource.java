package org.zhizhi.points;

/**
 * What earns a rule's points: something that happened in another module (a wish fulfilled, an incident the person
 * handled resolved and verified, a rider's report confirmed, volunteer hours approved, attendance, a visit of a
 * pairing 结对帮扶), or a claim vetted and through its public notice.
 */
public enum RuleSource {
	WISH_FULFILLED, INCIDENT_RESOLVED, REPORT_CONFIRMED, CLAIM, HOURS, ATTENDANCE, VISIT;

	/** Earned by a claim or a nomination that is vetted and publicly noticed, not by an event. */
	public boolean claimed() {
		return this == CLAIM;
	}
}

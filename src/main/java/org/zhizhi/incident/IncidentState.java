package org.zhizhi.incident;

/**
 * Where an incident stands; {@link IncidentLifecycle} says which steps lead where. WHISTLED waits for a taker (an open
 * call, or a dispatcher's choice); ASSIGNED waits for the named member or unit to answer (应哨).
 */
public enum IncidentState {
	REPORTED, ACCEPTED, REJECTED, TRIAGED, WHISTLED, CLAIMED, ASSIGNED, CHECKED_IN, RESOLVED, VERIFIED, REWORK, CLOSED,
	RATED
}

package org.zhizhi.incident;

/**
 * Where an incident stands. The later states (ASSIGNED … CLOSED by verification, RATED) belong to the full loop of
 * issue 4; {@link IncidentLifecycle} says which steps lead where.
 */
public enum IncidentState {
	REPORTED, ACCEPTED, REJECTED, TRIAGED, WHISTLED, CLAIMED, ASSIGNED, CHECKED_IN, RESOLVED, VERIFIED, REWORK, CLOSED,
	RATED
}

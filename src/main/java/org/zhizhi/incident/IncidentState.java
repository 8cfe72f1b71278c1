package org.zhizhi.incident;

/**
 * Where an incident stands; {@link IncidentLifecycle} says which steps lead where. ASSIGNED (指派 to a named member or
 * unit) is not reached yet: dispatch so far is the open call that ends in CLAIMED.
 */
public enum IncidentState {
	REPORTED, ACCEPTED, REJECTED, TRIAGED, WHISTLED, CLAIMED, ASSIGNED, CHECKED_IN, RESOLVED, VERIFIED, REWORK, CLOSED,
	RATED
}

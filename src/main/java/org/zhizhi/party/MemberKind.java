package org.zhizhi.party;

/**
 * Regular, in-service (在职党员, registered with a community and an estate besides his own branch) and incoming
 * (流入党员) members, and the two steps of the pipeline before membership: activist and applicant.
 */
public enum MemberKind {

	REGULAR, IN_SERVICE, INCOMING, ACTIVIST, APPLICANT;

	/** Activists and applicants are in the pipeline, not yet members: they are not counted as party members. */
	public boolean isMember() {
		return this != ACTIVIST && this != APPLICANT;
	}
}

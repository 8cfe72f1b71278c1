package org.zhizhi.points;

/**
 * Where a claimed deed stands: waiting for the desk, on public notice (公示), objected to during its notice, credited,
 * rejected (by the desk, or an objection upheld), withdrawn by the person.
 */
public enum PointsClaimState {
	SUBMITTED, ON_NOTICE, OBJECTED, CREDITED, REJECTED, WITHDRAWN
}

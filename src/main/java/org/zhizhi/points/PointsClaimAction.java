package org.zhizhi.points;

/**
 * The steps of a claim: the desk approves it onto notice or rejects it; anyone of the place objects during the notice;
 * the desk upholds the objection (rejected) or dismisses it (back on notice); the platform credits it when the notice
 * ends; the person withdraws it before it is vetted. SUBMIT makes it.
 */
public enum PointsClaimAction {
	SUBMIT, APPROVE, REJECT, OBJECT, UPHOLD, DISMISS, CREDIT, WITHDRAW
}

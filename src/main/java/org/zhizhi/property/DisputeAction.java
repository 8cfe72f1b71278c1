package org.zhizhi.property;

/** A mediation session, the agreement, a referral, a follow-up of the agreement, and the closing once it is kept. */
public enum DisputeAction {
	SESSION, SETTLE, REFER, FOLLOW_UP, CLOSE
}

package org.zhizhi.points;

/** The sponsor confirms a redemption (the person showed his code); the person, the sponsor or the desk cancels it. */
public enum RedemptionAction {
	CONFIRM, CANCEL
}

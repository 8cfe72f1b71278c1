package org.zhizhi.servicepoint;

/**
 * What is done to an errand: the desk assigns it to a runner (or to another one), the runner hands it back or completes
 * it with proof, the resident confirms it, the requester or the desk cancels it.
 */
public enum ErrandAction {
	ASSIGN, HAND_BACK, COMPLETE, CONFIRM, CANCEL
}

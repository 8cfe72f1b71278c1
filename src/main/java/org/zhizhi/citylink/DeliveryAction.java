package org.zhizhi.citylink;

/** The steps of a delivery: an attempt's three outcomes, and the admin's resend. */
public enum DeliveryAction {
	DELIVER, RETRY, GIVE_UP, RESEND
}

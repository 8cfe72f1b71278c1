package org.zhizhi.property;

/** Cash handed to the building's guardian, or a transfer to the body's account (recorded by the desk). */
public enum PaymentMethod {
	CASH, TRANSFER
}

package org.zhizhi.people;

/** Whether a household owns its dwelling or rents it. */
public enum Tenure {
	OWNER, RENTER
}

package org.zhizhi.identity;

/** What one account may do to another, or to an account yet to be opened with a role. */
public enum AccountAction {

	/** Open an account with the role at once. */
	GRANT,
	/** Propose an account with the role; it opens only when someone else confirms it (two people). */
	APPOINT,
	/** Confirm another person's appointment to the role; never one's own. */
	CONFIRM,
	UNLOCK, RESET_PASSWORD, DISABLE, ENABLE, REVOKE_TOKENS,
	/** Forget the account's TOTP secret and recovery codes (a lost phone): the next sign-in enrols afresh. */
	RESET_TWO_FACTOR;

	/** The actions on an existing account (the others are about opening one). */
	public boolean onAnAccount() {
		return this != GRANT && this != APPOINT && this != CONFIRM;
	}
}

package org.zhizhi.identity;

/** Why a sign-in was refused. The message shown never tells an unknown user from a wrong password. */
public class LoginFailed extends RuntimeException {

	public enum Reason {
		BAD_CREDENTIALS, LOCKED, DISABLED
	}

	private final Reason reason;

	public LoginFailed(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}

package org.zhizhi.identity;

import java.time.Duration;

/**
 * Why a sign-in was refused. The message shown never tells an unknown user from a wrong password, nor a throttled
 * real account from a throttled unknown name.
 */
public class LoginFailed extends RuntimeException {

	public enum Reason {
		BAD_CREDENTIALS, THROTTLED, DISABLED,
		/** The password was right, the second factor (TOTP or recovery code) missing or wrong. */
		BAD_SECOND_FACTOR
	}

	private final Reason reason;

	private final Duration retryAfter;

	public LoginFailed(Reason reason) {
		this(reason, Duration.ZERO);
	}

	public LoginFailed(Reason reason, Duration retryAfter) {
		super(reason.name());
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	public Reason reason() {
		return reason;
	}

	/** How long to wait before the next attempt is taken ({@link Reason#THROTTLED} only). */
	public Duration retryAfter() {
		return retryAfter;
	}
}

package org.zhizhi.identity;

import java.util.Locale;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.LoginFailed.Reason;
import org.zhizhi.identity.SignInThrottle.Verdict;
import org.zhizhi.identity.persistence.JdbcAccounts;
import org.zhizhi.identity.persistence.JdbcAccounts.Credentials;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;

/**
 * Checks a username and password for the login page and the token endpoint alike: asks the {@link SignInThrottle}
 * first (by name and client, whether the name exists or not), and writes every attempt to the audit trail.
 *
 * <p>No account is ever locked by failures (issue 11): anyone could lock anyone out, and only real accounts answered
 * "locked". Guessing is slowed down instead, the same way for every name.
 */
@Service
public class Authenticator {

	/** Compared against when the username is unknown, so that both cases take the same time. */
	private final String unknownUserHash;

	private final JdbcAccounts accounts;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final SignInThrottle throttle;

	private final TwoFactor twoFactor;

	Authenticator(JdbcAccounts accounts, PasswordEncoder passwords, AuditTrail audit, SignInThrottle throttle,
			TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.throttle = throttle;
		this.unknownUserHash = passwords.encode("no such user, no such password");
	}

	public Actor authenticate(String username, String password, String remoteAddress) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		String client = remoteAddress == null ? "" : remoteAddress;
		Verdict verdict = throttle.tryAttempt(name, client);
		if (!verdict.allowed()) {
			// refused before the name is even looked up: a real account and an unknown name get the same answer
			audit.record(null, name, null, remoteAddress, "LOGIN", "account", null, Outcome.DENIED,
					"throttled for " + verdict.retryAfter().toSeconds() + " s");
			throw new LoginFailed(Reason.THROTTLED, verdict.retryAfter());
		}
		Credentials credentials = accounts.credentials(name).orElse(null);
		if (credentials == null) {
			passwords.matches(password == null ? "" : password, unknownUserHash);
			audit.record(null, name, null, remoteAddress, "LOGIN", "account", null, Outcome.FAILURE, "unknown user");
			throw new LoginFailed(Reason.BAD_CREDENTIALS);
		}
		Account account = credentials.account();
		if (password == null || !passwords.matches(password, credentials.passwordHash())) {
			auditAttempt(account, remoteAddress, Outcome.FAILURE, "wrong password");
			throw new LoginFailed(Reason.BAD_CREDENTIALS);
		}
		// A disabled account is told so only after the right password: to anyone else it looks like any other.
		if (!account.enabled()) {
			auditAttempt(account, remoteAddress, Outcome.DENIED, "account disabled");
			throw new LoginFailed(Reason.DISABLED);
		}
		Actor actor = actorOf(account);
		boolean secondFactor = twoFactor.required(actor);
		if (!secondFactor) {
			throttle.succeeded(name, client);
		}
		// with a second factor to come the throttle is left as it is: only a right code clears it, or else a known
		// password would buy an unlimited run of code guesses
		audit.record(actor, remoteAddress, "LOGIN", "account", account.id().toString(), Outcome.SUCCESS,
				secondFactor ? "password; second factor pending" : null);
		return actor;
	}

	static Actor actorOf(Account account) {
		return new Actor(account.id(), account.username(), account.displayName(), account.roles(),
				new DataScope(account.orgUnitId(), account.scopePath()));
	}

	private void auditAttempt(Account account, String remoteAddress, Outcome outcome, String detail) {
		audit.record(account.id(), account.username(), account.scopePath(), remoteAddress, "LOGIN", "account",
				account.id().toString(), outcome, detail);
	}
}

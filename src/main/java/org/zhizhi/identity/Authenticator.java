package org.zhizhi.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.LoginFailed.Reason;
import org.zhizhi.identity.persistence.JdbcAccounts;
import org.zhizhi.identity.persistence.JdbcAccounts.Credentials;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;

/**
 * Checks a username and password for the login page and the token endpoint alike: counts failures, locks the account
 * for a while after too many, and writes every attempt to the audit trail.
 */
@Service
public class Authenticator {

	/** Compared against when the username is unknown, so that both cases take the same time. */
	private final String unknownUserHash;

	private final JdbcAccounts accounts;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockDuration;

	Authenticator(JdbcAccounts accounts, PasswordEncoder passwords, AuditTrail audit, Clock clock,
			SignInProperties settings) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.maxFailures = settings.maxFailedLogins();
		this.lockDuration = settings.lockDuration();
		this.unknownUserHash = passwords.encode("no such user, no such password");
	}

	public Actor authenticate(String username, String password, String remoteAddress) {
		String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
		Credentials credentials = accounts.credentials(name).orElse(null);
		if (credentials == null) {
			passwords.matches(password == null ? "" : password, unknownUserHash);
			audit.record(null, name, null, remoteAddress, "LOGIN", "account", null, Outcome.FAILURE, "unknown user");
			throw new LoginFailed(Reason.BAD_CREDENTIALS);
		}
		Account account = credentials.account();
		Instant now = clock.instant();
		Optional<Integer> attempt = accounts.reserveAttempt(account.id(), now);
		if (attempt.isEmpty() || attempt.get() > maxFailures) {
			// locked, or this attempt lost the race to the ones that are locking it: refused without checking the
			// password — but after the same hashing time, so that the answer's timing tells nothing
			passwords.matches(password == null ? "" : password, unknownUserHash);
			auditAttempt(account, remoteAddress, Outcome.DENIED, "account locked");
			throw new LoginFailed(Reason.LOCKED);
		}
		if (password == null || !passwords.matches(password, credentials.passwordHash())) {
			boolean nowLocked = attempt.get() >= maxFailures;
			if (nowLocked) {
				accounts.lock(account.id(), now.plus(lockDuration));
			}
			auditAttempt(account, remoteAddress, Outcome.FAILURE,
					nowLocked ? "wrong password; account locked for " + lockDuration.toMinutes() + " min"
							: "wrong password (" + attempt.get() + "/" + maxFailures + ")");
			throw new LoginFailed(nowLocked ? Reason.LOCKED : Reason.BAD_CREDENTIALS);
		}
		// A disabled account is told so only after the right password: to anyone else it looks like any other.
		if (!account.enabled()) {
			auditAttempt(account, remoteAddress, Outcome.DENIED, "account disabled");
			throw new LoginFailed(Reason.DISABLED);
		}
		if (!accounts.recordSuccess(account.id(), now)) {
			auditAttempt(account, remoteAddress, Outcome.DENIED, "account locked");
			throw new LoginFailed(Reason.LOCKED);
		}
		Actor actor = actorOf(account);
		audit.record(actor, remoteAddress, "LOGIN", "account", account.id().toString(), Outcome.SUCCESS, null);
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

package org.zhizhi.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.LoginFailed.Reason;
import org.zhizhi.identity.SignInThrottle.Verdict;
import org.zhizhi.identity.persistence.JdbcCredentialResets;
import org.zhizhi.identity.persistence.JdbcTwoFactor;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DemoMode;
import org.zhizhi.shared.Role;

/**
 * The second factor of a staff sign-in (issue 11, 等保 level 3): a TOTP code of an authenticator app (RFC 6238), or one
 * of the recovery codes shown at enrolment. Residents and party members sign in with the password alone; so do the
 * demo district's accounts, but only while the installation runs in demo mode (the README's walk-through and API
 * examples): an account opened by hand needs its second factor in demo mode too.
 *
 * <p>Every check takes an attempt from the {@link SignInThrottle} like a password does, so codes cannot be guessed
 * faster than passwords; the password step leaves the throttle alone for such accounts and only a right code clears it.
 */
@Service
public class TwoFactor {

	/** The roles that may sign in with one factor: those who are served, not those who serve. */
	public static final Set<Role> ONE_FACTOR_ROLES = EnumSet.of(Role.RESIDENT, Role.PARTY_MEMBER);

	static final String ISSUER = "智治";

	/** A new secret, before its holder has confirmed it with a first code (kept in his session until then). */
	public record NewSecret(byte[] secret, String text, String otpauthUri) implements java.io.Serializable {
	}

	private final JdbcTwoFactor store;

	private final TwoFactorCipher cipher;

	private final SignInThrottle throttle;

	private final AuditTrail audit;

	private final DemoMode demoMode;

	private final Clock clock;

	private final JdbcCredentialResets resets;

	private final TotpCodes codes = new TotpCodes();

	TwoFactor(JdbcTwoFactor store, TwoFactorCipher cipher, SignInThrottle throttle, AuditTrail audit,
			DemoMode demoMode, Clock clock, JdbcCredentialResets resets) {
		this.store = store;
		this.resets = resets;
		this.cipher = cipher;
		this.throttle = throttle;
		this.audit = audit;
		this.demoMode = demoMode;
		this.clock = clock;
	}

	/** Whether this account must give a second factor before it is signed in. */
	public boolean required(Actor actor) {
		return required(actor.roles(), demoMode.enabled(), () -> store.demoAccount(actor.userId()));
	}

	/** The rule alone: staff need a second factor, unless a demo account while the installation is a demo. */
	static boolean required(Set<Role> roles, boolean demoMode, java.util.function.BooleanSupplier demoAccount) {
		boolean staff = roles.stream().anyMatch(role -> !ONE_FACTOR_ROLES.contains(role));
		return staff && !(demoMode && demoAccount.getAsBoolean());
	}

	public boolean enrolled(UUID accountId) {
		return store.find(accountId).isPresent();
	}

	public NewSecret newSecret(Actor actor) {
		byte[] secret = TotpCodes.newSecret();
		String text = Base32.encode(secret);
		String label = enc(ISSUER + ":" + actor.username());
		String uri = "otpauth://totp/" + label + "?secret=" + text + "&issuer=" + enc(ISSUER)
				+ "&algorithm=SHA1&digits=6&period=" + TotpCodes.STEP.toSeconds();
		return new NewSecret(secret, text, uri);
	}

	/**
	 * Confirms a new secret with a first code and stores it, encrypted: answers the recovery codes, to be shown once.
	 * A wrong code counts against the throttle like a wrong password.
	 */
	@Transactional
	public List<String> enrol(Actor actor, byte[] secret, String code, String remoteAddress) {
		take(actor, remoteAddress);
		OptionalLong step = codes.matchingStep(secret, code, clock.instant(), Long.MIN_VALUE);
		if (step.isEmpty()) {
			refuse(actor, remoteAddress, "TWO_FACTOR_ENROL", "wrong first code");
		}
		List<String> recovery = RecoveryCodes.generate();
		if (!store.enrol(actor.userId(), cipher.encrypt(secret, actor.userId()), step.getAsLong(), clock.instant(),
				recovery.stream().map(RecoveryCodes::hash).toList())) {
			// enrolled meanwhile (another tab): this secret was never stored, so its code proves nothing
			refuse(actor, remoteAddress, "TWO_FACTOR_ENROL", "already enrolled");
		}
		// his own app now: whoever reset the second factor holds nothing of it
		resets.clear(actor.userId(), JdbcCredentialResets.Kind.TWO_FACTOR);
		throttle.succeeded(actor.username(), client(remoteAddress));
		audit.record(actor, remoteAddress, "TWO_FACTOR_ENROL", "account", actor.userId().toString(), Outcome.SUCCESS,
				null);
		return recovery;
	}

	/** Checks the second factor of an enrolled account: a TOTP code used once, or an unused recovery code. */
	@Transactional
	public void verify(Actor actor, String code, String remoteAddress) {
		take(actor, remoteAddress);
		JdbcTwoFactor.Enrolment enrolment = store.find(actor.userId()).orElse(null);
		if (enrolment == null || code == null || code.isBlank()) {
			refuse(actor, remoteAddress, "LOGIN_SECOND_FACTOR", enrolment == null ? "not enrolled" : "no code");
		}
		Instant now = clock.instant();
		String detail;
		if (RecoveryCodes.looksLikeOne(code)) {
			if (!store.useRecoveryCode(actor.userId(), RecoveryCodes.hash(code), now)) {
				refuse(actor, remoteAddress, "LOGIN_SECOND_FACTOR", "wrong or used recovery code");
			}
			detail = "recovery code, " + store.unusedRecoveryCodes(actor.userId()) + " left";
		}
		else {
			OptionalLong step = codes.matchingStep(cipher.decrypt(enrolment.sealedSecret(), actor.userId()), code, now,
					enrolment.lastStep());
			if (step.isEmpty() || !store.useStep(actor.userId(), step.getAsLong())) {
				refuse(actor, remoteAddress, "LOGIN_SECOND_FACTOR", "wrong or used code");
			}
			detail = "totp";
		}
		throttle.succeeded(actor.username(), client(remoteAddress));
		audit.record(actor, remoteAddress, "LOGIN_SECOND_FACTOR", "account", actor.userId().toString(),
				Outcome.SUCCESS, detail);
	}

	/** Forgets an account's secret and recovery codes; called by {@link AccountManagement} after its checks. */
	boolean reset(UUID accountId) {
		return store.reset(accountId);
	}

	/** Called when an account is loaded as one of the demo district's (exempt in demo mode only). */
	void markDemoAccount(UUID accountId) {
		store.markDemoAccount(accountId);
	}

	private void take(Actor actor, String remoteAddress) {
		Verdict verdict = throttle.tryAttempt(actor.username(), client(remoteAddress));
		if (!verdict.allowed()) {
			audit.record(actor, remoteAddress, "LOGIN_SECOND_FACTOR", "account", actor.userId().toString(),
					Outcome.DENIED, "throttled for " + verdict.retryAfter().toSeconds() + " s");
			throw new LoginFailed(Reason.THROTTLED, verdict.retryAfter());
		}
	}

	private void refuse(Actor actor, String remoteAddress, String action, String detail) {
		audit.record(actor, remoteAddress, action, "account", actor.userId().toString(), Outcome.FAILURE, detail);
		throw new LoginFailed(Reason.BAD_SECOND_FACTOR);
	}

	private static String client(String remoteAddress) {
		return remoteAddress == null ? "" : remoteAddress;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}
}

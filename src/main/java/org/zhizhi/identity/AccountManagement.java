package org.zhizhi.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.persistence.JdbcAccounts;
import org.zhizhi.identity.persistence.JdbcCredentialResets;
import org.zhizhi.identity.persistence.JdbcCredentialResets.Kind;
import org.zhizhi.identity.persistence.JdbcAccounts.Credentials;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DemoMode;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Opening and looking after accounts. Every command takes the acting user and checks that the account lies inside his
 * scope and holds only roles he may grant; every change is written to the audit trail.
 */
@Service
public class AccountManagement {

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

	private final JdbcAccounts accounts;

	private final OrgUnitQueries orgUnits;

	private final PasswordEncoder passwords;

	private final ApiTokens tokens;

	private final AuditTrail audit;

	private final DemoMode demoMode;

	private final Clock clock;

	private final ThrottleReleases throttle;

	private final TwoFactor twoFactor;

	private final JdbcCredentialResets resets;

	AccountManagement(JdbcAccounts accounts, OrgUnitQueries orgUnits, PasswordEncoder passwords, ApiTokens tokens,
			AuditTrail audit, DemoMode demoMode, Clock clock, ThrottleReleases throttle, TwoFactor twoFactor,
			JdbcCredentialResets resets) {
		this.twoFactor = twoFactor;
		this.resets = resets;
		this.throttle = throttle;
		this.accounts = accounts;
		this.orgUnits = orgUnits;
		this.passwords = passwords;
		this.tokens = tokens;
		this.audit = audit;
		this.demoMode = demoMode;
		this.clock = clock;
	}

	/**
	 * Opens an account on behalf of {@code granter}. Outside demo mode its holder must change the initial password at
	 * the first sign-in.
	 */
	@Transactional
	public Account create(Actor granter, CreateAccount command, String remoteAddress) {
		List<FieldProblem> problems = checkFields(command);
		OrgUnit node = command.orgUnitId() == null ? null
				: orgUnits.find(granter.scope(), command.orgUnitId()).orElse(null);
		if (node == null) {
			problems.add(new FieldProblem("orgUnitId", "account.scope.beyondReach"));
		}
		else {
			problems.addAll(GrantRules.check(granter, command.roles(), node.scope(), node.level(),
					command.gridPosition()));
		}
		if (!problems.isEmpty()) {
			audit.record(granter, remoteAddress, "ACCOUNT_CREATE", "account", command.username(), Outcome.DENIED,
					"refused: " + problems.stream().map(FieldProblem::messageKey).distinct().toList());
			throw DomainException.invalid(problems);
		}
		Account account = insert(command, node, !demoMode.enabled(), granter.userId());
		audit.record(granter, remoteAddress, "ACCOUNT_CREATE", "account", account.id().toString(), Outcome.SUCCESS,
				account.username() + " " + account.roles() + " @ " + node.name());
		return account;
	}

	/**
	 * Opens an account with nobody granting it: the demo district's accounts and the first administrators of a new
	 * installation. Not reachable from any page or endpoint.
	 */
	@Transactional
	public Account bootstrap(CreateAccount command, boolean passwordChangeRequired) {
		// no blocklist here: the demo accounts keep the published demo password, the first start's are random
		List<FieldProblem> problems = checkFields(command, false);
		OrgUnit node = orgUnits.bindingOf(command.orgUnitId()).orElse(null);
		if (node == null) {
			problems.add(new FieldProblem("orgUnitId", "account.scope.beyondReach"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Account account = insert(command, node, passwordChangeRequired, null);
		audit.record(null, "system", node.path(), null, "ACCOUNT_CREATE", "account", account.id().toString(),
				Outcome.SUCCESS, account.username() + " " + account.roles() + " (bootstrap)");
		return account;
	}

	/**
	 * Loads one of the demo district's accounts: like {@link #bootstrap} without a password change, and marked as a
	 * demo account, which signs in without a second factor while the installation runs in demo mode.
	 */
	@Transactional
	public Account loadDemoAccount(CreateAccount command) {
		Account account = bootstrap(command, false);
		twoFactor.markDemoAccount(account.id());
		return account;
	}

	@Transactional
	public void changeOwnPassword(Actor actor, String currentPassword, String newPassword, String remoteAddress) {
		Credentials credentials = accounts.credentials(actor.userId())
			.orElseThrow(() -> DomainException.notFound("account"));
		List<FieldProblem> problems = new ArrayList<>();
		if (currentPassword == null || !passwords.matches(currentPassword, credentials.passwordHash())) {
			problems.add(new FieldProblem("currentPassword", "password.currentWrong"));
		}
		problems.addAll(PasswordPolicy.check("newPassword", newPassword, actor.username(), actor.displayName()));
		if (problems.isEmpty() && passwords.matches(newPassword, credentials.passwordHash())) {
			problems.add(new FieldProblem("newPassword", "password.unchanged"));
		}
		if (!problems.isEmpty()) {
			audit.record(actor, remoteAddress, "PASSWORD_CHANGE", "account", actor.userId().toString(),
					Outcome.FAILURE, null);
			throw DomainException.invalid(problems);
		}
		accounts.changePassword(actor.userId(), passwords.encode(newPassword), false, clock.instant());
		// the password is his own again: whoever reset it no longer knows it
		resets.clear(actor.userId(), Kind.PASSWORD);
		// a password change ends every other way in: API tokens now, other web sessions at their next request
		tokens.revokeAll(actor.userId());
		audit.record(actor, remoteAddress, "PASSWORD_CHANGE", "account", actor.userId().toString(), Outcome.SUCCESS,
				null);
	}

	/** Sets a new initial password (the holder must change it) and revokes the account's API tokens. */
	@Transactional
	public void resetPassword(Actor manager, UUID accountId, String newPassword, String remoteAddress) {
		Account account = managed(manager, accountId, AccountAction.RESET_PASSWORD, "PASSWORD_RESET", remoteAddress);
		notBothResets(manager, account, Kind.TWO_FACTOR, "PASSWORD_RESET", remoteAddress);
		List<FieldProblem> problems = PasswordPolicy.check("password", newPassword, account.username(),
				account.displayName());
		if (!problems.isEmpty()) {
			audit.record(manager, remoteAddress, "PASSWORD_RESET", "account", account.id().toString(),
					Outcome.FAILURE, "password rules");
			throw DomainException.invalid(problems);
		}
		accounts.changePassword(account.id(), passwords.encode(newPassword), !demoMode.enabled(), clock.instant());
		resets.record(account.id(), Kind.PASSWORD, manager.userId(), clock.instant());
		tokens.revokeAll(account.id());
		audit.record(manager, remoteAddress, "PASSWORD_RESET", "account", account.id().toString(), Outcome.SUCCESS,
				account.username());
	}

	@Transactional
	public void unlock(Actor manager, UUID accountId, String remoteAddress) {
		Account account = managed(manager, accountId, AccountAction.UNLOCK, "ACCOUNT_UNLOCK", remoteAddress);
		// lifts an old lock (before issue 11) and lets the holder in again at once, from any client
		accounts.unlock(account.id());
		throttle.release(account.username());
		audit.record(manager, remoteAddress, "ACCOUNT_UNLOCK", "account", account.id().toString(), Outcome.SUCCESS,
				account.username());
	}

	/** Forgets the account's TOTP secret and recovery codes and revokes its tokens; its next sign-in enrols afresh. */
	@Transactional
	public void resetTwoFactor(Actor manager, UUID accountId, String remoteAddress) {
		Account account = managed(manager, accountId, AccountAction.RESET_TWO_FACTOR, "TWO_FACTOR_RESET",
				remoteAddress);
		notBothResets(manager, account, Kind.PASSWORD, "TWO_FACTOR_RESET", remoteAddress);
		boolean wasEnrolled = twoFactor.reset(account.id());
		resets.record(account.id(), Kind.TWO_FACTOR, manager.userId(), clock.instant());
		tokens.revokeAll(account.id());
		audit.record(manager, remoteAddress, "TWO_FACTOR_RESET", "account", account.id().toString(), Outcome.SUCCESS,
				account.username() + (wasEnrolled ? "" : " (was not enrolled)"));
	}

	@Transactional
	public void setEnabled(Actor manager, UUID accountId, boolean enabled, String remoteAddress) {
		String action = enabled ? "ACCOUNT_ENABLE" : "ACCOUNT_DISABLE";
		if (accountId.equals(manager.userId())) {
			throw new DomainException(Category.CONFLICT, "CANNOT_DISABLE_SELF", "account.disableSelf");
		}
		Account account = managed(manager, accountId, enabled ? AccountAction.ENABLE : AccountAction.DISABLE, action,
				remoteAddress);
		accounts.setEnabled(account.id(), enabled);
		if (!enabled) {
			tokens.revokeAll(account.id());
		}
		audit.record(manager, remoteAddress, action, "account", account.id().toString(), Outcome.SUCCESS,
				account.username());
	}

	@Transactional
	public int revokeTokens(Actor manager, UUID accountId, String remoteAddress) {
		Account account = managed(manager, accountId, AccountAction.REVOKE_TOKENS, "TOKENS_REVOKE", remoteAddress);
		int revoked = tokens.revokeAll(account.id());
		audit.record(manager, remoteAddress, "TOKENS_REVOKE", "account", account.id().toString(), Outcome.SUCCESS,
				revoked + " token(s)");
		return revoked;
	}

	/**
	 * No one person holds both keys of an account: who reset its password (and so knows it) may not also reset its
	 * second factor (and enrol his own app) before the holder has changed the password — and the other way round.
	 * Without this rule the security admin, who resets both, could sign in as any community worker and read residents
	 * in full. When the holder lost both, two people reset them: the security admin the second factor, a business
	 * admin of the account's scope the password. The account's row lock orders two resets at once.
	 */
	private void notBothResets(Actor manager, Account account, Kind other, String action, String remoteAddress) {
		resets.lockAccount(account.id());
		if (resets.resetBy(account.id(), other).filter(manager.userId()::equals).isPresent()) {
			audit.record(manager, remoteAddress, action, "account", account.id().toString(), Outcome.DENIED,
					"the other credential was reset by the same person: " + account.username());
			throw other == Kind.PASSWORD
					? new DomainException(Category.CONFLICT, "OWN_PASSWORD_RESET", "account.ownPasswordReset")
					: new DomainException(Category.CONFLICT, "OWN_TWO_FACTOR_RESET", "account.ownTwoFactorReset");
		}
	}

	/**
	 * The steps the manager may take on this account now: the rules' steps, less a reset that would put both of its
	 * credentials in his hands ({@link #notBothResets}). What the account page offers.
	 */
	@Transactional(readOnly = true)
	public Set<AccountAction> offeredActions(Actor manager, Account account) {
		Set<AccountAction> offered = allowedActions(manager, account);
		if (resets.resetBy(account.id(), Kind.PASSWORD).filter(manager.userId()::equals).isPresent()) {
			offered.remove(AccountAction.RESET_TWO_FACTOR);
		}
		if (resets.resetBy(account.id(), Kind.TWO_FACTOR).filter(manager.userId()::equals).isPresent()) {
			offered.remove(AccountAction.RESET_PASSWORD);
		}
		return offered;
	}

	/** Whether the manager may take any step on this account: it is in his scope and the rules give him one. */
	public static boolean mayManage(Actor manager, Account account) {
		return !allowedActions(manager, account).isEmpty();
	}

	/** The steps the manager may take on this account: what the pages offer and the commands accept. */
	public static Set<AccountAction> allowedActions(Actor manager, Account account) {
		Set<AccountAction> allowed = GrantRules.allowedActions(manager, account.roles(), account.scopePath());
		if (account.id().equals(manager.userId())) {
			allowed.clear();
		}
		return allowed;
	}

	private Account managed(Actor manager, UUID accountId, AccountAction step, String action, String remoteAddress) {
		Account account = accounts.find(manager.scope(), accountId)
			.orElseThrow(() -> DomainException.notFound("account"));
		if (!allowedActions(manager, account).contains(step)) {
			audit.record(manager, remoteAddress, action, "account", account.id().toString(), Outcome.DENIED,
					"not allowed (" + step + "): " + account.username());
			if (!GrantRules.mayTakeOver(account.roles()) && mayManage(manager, account)) {
				throw new DomainException(Category.FORBIDDEN, "AUDITOR_PROTECTED", "account.auditorProtected");
			}
			throw new DomainException(Category.FORBIDDEN, "ACCOUNT_BEYOND_REACH", "account.beyondReach");
		}
		return account;
	}

	List<FieldProblem> checkFields(CreateAccount command) {
		return checkFields(command, true);
	}

	private List<FieldProblem> checkFields(CreateAccount command, boolean blocklist) {
		List<FieldProblem> problems = new ArrayList<>();
		String username = normalise(command.username());
		if (username == null || !USERNAME.matcher(username).matches()) {
			problems.add(new FieldProblem("username", "account.username.invalid"));
		}
		else if (accounts.usernameTaken(username)) {
			problems.add(new FieldProblem("username", "account.username.taken"));
		}
		if (command.displayName() == null || command.displayName().isBlank()
				|| command.displayName().strip().length() > 40) {
			problems.add(new FieldProblem("displayName", "account.displayName.invalid"));
		}
		problems.addAll(blocklist
				? PasswordPolicy.check("password", command.password(), username, command.displayName())
				: PasswordPolicy.checkShape("password", command.password(), username));
		return problems;
	}

	private Account insert(CreateAccount command, OrgUnit node, boolean passwordChangeRequired, UUID createdBy) {
		Account account = new Account(Ids.newId(clock), normalise(command.username()), command.displayName().strip(),
				command.roles(), command.gridPosition(), node.id(), node.path(), true, null, passwordChangeRequired,
				clock.instant());
		if (!accounts.insert(account, passwords.encode(command.password()), createdBy)) {
			// lost the race against a concurrent creation of the same username
			throw DomainException.invalid(List.of(new FieldProblem("username", "account.username.taken")));
		}
		return account;
	}

	private static String normalise(String username) {
		return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
	}
}

package org.zhizhi.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.persistence.JdbcAccounts;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Paging;
import org.zhizhi.shared.Role;

/** Reads of accounts, always within the asking user's scope. */
@Service
@Transactional(readOnly = true)
public class AccountQueries {

	public static final int PAGE_SIZE = 50;

	private final JdbcAccounts accounts;

	private final SignInThrottle throttle;

	private final Clock clock;

	AccountQueries(JdbcAccounts accounts, SignInThrottle throttle, Clock clock) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.clock = clock;
	}

	/**
	 * Whether sign-ins to the account are held back now — by the throttle, or by a lock from before issue 11 — so that
	 * its managers see it (API field {@code locked}, badge 已锁定) and may let its holder in again.
	 */
	public boolean locked(Account account) {
		return account.lockedAt(clock.instant()) || throttle.heldBack(account.username());
	}

	/** The ids of those of the accounts that are {@link #locked} now. */
	public Set<UUID> locked(List<Account> list) {
		return list.stream().filter(this::locked).map(Account::id).collect(Collectors.toSet());
	}

	/** One page of accounts, plus one more row so that the caller knows whether a next page exists. */
	public List<Account> list(DataScope scope, String query, int page) {
		return accounts.list(scope, query, PAGE_SIZE + 1, Paging.offset(page, PAGE_SIZE));
	}

	public Optional<Account> find(DataScope scope, UUID id) {
		return accounts.find(scope, id);
	}

	public long count(DataScope scope) {
		return accounts.count(scope);
	}

	public boolean noAccountsYet() {
		return accounts.isEmpty();
	}

	/**
	 * The enabled accounts holding any of the roles whose scope covers the node at {@code path}: bound to that node
	 * or to one above it. For the platform's own decisions — who must be told of a step on that node — not for a
	 * user's request, so it is filtered by the node rather than by a caller's scope. Paths are materialised paths
	 * ({@code /<id>/<id>/…/}) and may only be made of ids and slashes.
	 */
	public List<Account> covering(String path, Set<Role> roles) {
		return coveringEach(List.of(path), roles).get(path);
	}

	/**
	 * {@link #covering} for many nodes in one query — the new reports of one intake group each tell their own
	 * micro-grid — answering for each path its accounts in the same order.
	 */
	public Map<String, List<Account>> coveringEach(Collection<String> paths, Set<Role> roles) {
		Set<String> nodes = new LinkedHashSet<>();
		for (String path : paths) {
			checkedPath(path);
			for (int end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
				nodes.add(path.substring(0, end + 1));
			}
		}
		List<Account> bound = accounts.boundToAny(List.copyOf(nodes), roles);
		Map<String, List<Account>> each = new LinkedHashMap<>();
		for (String path : paths) {
			each.put(path, bound.stream().filter(account -> path.startsWith(account.scopePath())).toList());
		}
		return each;
	}

	/**
	 * The enabled accounts holding any of the roles bound strictly below each of the nodes at {@code paths} — the
	 * party members of a grid's micro-grids — within the asking user's scope, all nodes in one query (the emergency
	 * whistle's preview asks again at every corner drawn), answering for each path its accounts ordered by scope path
	 * and username.
	 * Paths are materialised paths as for {@link #coveringEach}.
	 */
	public Map<String, List<Account>> belowEach(DataScope scope, Collection<String> paths, Set<Role> roles) {
		List<String> nodes = paths.stream().distinct().map(AccountQueries::checkedPath).toList();
		List<Account> below = accounts.boundBelowAny(scope, nodes, roles);
		Map<String, List<Account>> each = new LinkedHashMap<>();
		for (String path : nodes) {
			each.put(path, below.stream()
				.filter(account -> account.scopePath().startsWith(path) && !account.scopePath().equals(path))
				.toList());
		}
		return each;
	}

	private static String checkedPath(String path) {
		if (!path.matches("(/[0-9a-f-]{36})+/")) {
			throw new IllegalArgumentException("not a materialised path: " + path);
		}
		return path;
	}

	/** Whether the user must replace an initial password before doing anything else. */
	public boolean passwordChangeRequired(UUID accountId) {
		return accounts.findUnscoped(accountId).map(Account::passwordChangeRequired).orElse(false);
	}

	/**
	 * Whether a signed-in session may go on: the account still exists, is enabled, holds the roles it signed in with and
	 * has had no new password since. Checked on every page request, so that disabling an account, changing its roles or
	 * resetting its password ends its sessions at once.
	 */
	public boolean sessionStillValid(UUID accountId, Set<Role> roles, Instant signedInAt) {
		return accounts.sessionState(accountId)
			.filter(JdbcAccounts.SessionState::enabled)
			.filter(state -> state.roles().equals(roles))
			.filter(state -> state.passwordChangedAt() == null || !state.passwordChangedAt().isAfter(signedInAt))
			.isPresent();
	}
}

package org.zhizhi.identity.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhizhi.shared.LikePattern;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.GridPosition;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.invalidation.Invalidations;

/** The SQL of accounts. Lists and look-ups for other users are filtered by the asking user's scope. */
@Repository
public class JdbcAccounts {

	private static final String COLUMNS = """
			id, username, display_name, roles, grid_position, org_unit_id, scope_path, enabled, locked_until,
			password_change_required, created_at""";

	/** What every node hears when an account changes (identity V10's trigger, and the writes here). */
	static final String ACCOUNTS_CHANGED = "identity.accounts";

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	/**
	 * The enabled accounts bound at a node, by the node's path and the roles asked for: who covers a place — read for
	 * the notices of every step, and in every intake group's serial lane (issue 16), where a read is a round trip.
	 * Forgotten whole when any account changes: by this node right after its commit, by every node when the database
	 * announces it; not used while the announcements cannot be heard.
	 */
	private final Cache<BoundAt, List<Account>> boundAt = Caffeine.newBuilder().maximumSize(50_000).build();

	/**
	 * Counts the forgettings: a look-up that began before one does not keep what it read, which may be older than
	 * the change that was forgotten.
	 */
	private final AtomicLong forgotten = new AtomicLong();

	private record BoundAt(String path, Set<Role> roles) {
	}

	JdbcAccounts(JdbcClient jdbc, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.invalidations = invalidations;
		invalidations.onAnnounced(ACCOUNTS_CHANGED, key -> forget());
	}

	private void forget() {
		forgotten.incrementAndGet();
		boundAt.invalidateAll();
	}

	/** This node forgets what it remembers of accounts once the change commits (at once outside a transaction). */
	private void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget();
				}
			});
		}
		else {
			forget();
		}
	}

	/** What sign-in needs: the account and its password hash. */
	public record Credentials(Account account, String passwordHash) {
	}

	public Optional<Credentials> credentials(String username) {
		return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM identity.account WHERE username = :username")
			.param("username", username)
			.query((rs, i) -> new Credentials(map(rs, i), rs.getString("password_hash")))
			.optional();
	}

	public Optional<Credentials> credentials(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM identity.account WHERE id = :id")
			.param("id", id)
			.query((rs, i) -> new Credentials(map(rs, i), rs.getString("password_hash")))
			.optional();
	}

	public Optional<Account> find(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity.account WHERE id = :id AND scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcAccounts::map)
			.optional();
	}

	/**
	 * An account without a scope: only for sign-in (a bearer token names its account before there is an actor) and for
	 * the signed-in user's own account. Every read on someone else's behalf goes through {@link #find} with a scope.
	 */
	public Optional<Account> findUnscoped(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity.account WHERE id = :id")
			.param("id", id)
			.query(JdbcAccounts::map)
			.optional();
	}

	public List<Account> list(DataScope scope, String query, int limit, int offset) {
		String pattern = LikePattern.contains(query);
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM identity.account
				WHERE scope_path LIKE :scope
				  AND (CAST(:pattern AS text) IS NULL
				       OR username LIKE CAST(:pattern AS text) ESCAPE '\\'
				       OR display_name LIKE CAST(:pattern AS text) ESCAPE '\\')
				ORDER BY scope_path, username
				LIMIT :limit OFFSET :offset""")
			.param("scope", scope.likePattern())
			.param("pattern", pattern)
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcAccounts::map)
			.list();
	}

	public long count(DataScope scope) {
		return jdbc.sql("SELECT count(*) FROM identity.account WHERE scope_path LIKE :scope")
			.param("scope", scope.likePattern())
			.query(Long.class)
			.single();
	}

	public boolean usernameTaken(String username) {
		return jdbc.sql("SELECT count(*) FROM identity.account WHERE username = :username")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	public boolean isEmpty() {
		return jdbc.sql("SELECT count(*) FROM identity.account").query(Long.class).single() == 0;
	}

	/** Inserts unless the username is taken; the unique index decides between two concurrent creations. */
	public boolean insert(Account account, String passwordHash, UUID createdBy) {
		boolean inserted = jdbc.sql("""
				INSERT INTO identity.account (id, username, display_name, password_hash, roles, grid_position,
				                              org_unit_id, scope_path, enabled, password_change_required,
				                              created_at, created_by)
				VALUES (:id, :username, :displayName, :passwordHash, CAST(:roles AS text[]), :gridPosition,
				        :orgUnitId, :scopePath, true, :passwordChangeRequired, :createdAt, :createdBy)
				ON CONFLICT (username) DO NOTHING""")
			.param("id", account.id())
			.param("username", account.username())
			.param("displayName", account.displayName())
			.param("passwordHash", passwordHash)
			.param("roles", "{" + String.join(",", account.roles().stream().map(Role::name).sorted().toList()) + "}")
			.param("gridPosition", account.gridPosition() == null ? null : account.gridPosition().name())
			.param("orgUnitId", account.orgUnitId())
			.param("scopePath", account.scopePath())
			.param("passwordChangeRequired", account.passwordChangeRequired())
			.param("createdAt", Timestamp.from(account.createdAt()))
			.param("createdBy", createdBy)
			.update() == 1;
		if (inserted) {
			changed();
		}
		return inserted;
	}

	/** What decides whether a signed-in session may go on. */
	public record SessionState(boolean enabled, Set<Role> roles, Instant passwordChangedAt) {
	}

	public Optional<SessionState> sessionState(UUID id) {
		return jdbc.sql("SELECT enabled, roles, password_changed_at FROM identity.account WHERE id = :id")
			.param("id", id)
			.query((rs, i) -> new SessionState(rs.getBoolean("enabled"), roles(rs.getArray("roles")),
					instant(rs.getTimestamp("password_changed_at"))))
			.optional();
	}

	public void changePassword(UUID id, String passwordHash, boolean changeRequired, Instant now) {
		jdbc.sql("""
				UPDATE identity.account
				   SET password_hash = :hash, password_change_required = :required, password_changed_at = :now,
				       version = version + 1
				 WHERE id = :id""")
			.param("id", id)
			.param("hash", passwordHash)
			.param("required", changeRequired)
			.param("now", Timestamp.from(now))
			.update();
		changed();
	}

	public void unlock(UUID id) {
		jdbc.sql("UPDATE identity.account SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
			.param("id", id)
			.update();
		changed();
	}

	public void setEnabled(UUID id, boolean enabled) {
		jdbc.sql("UPDATE identity.account SET enabled = :enabled, version = version + 1 WHERE id = :id")
			.param("id", id)
			.param("enabled", enabled)
			.update();
		changed();
	}

	/**
	 * Enabled accounts bound to one of the given nodes (by exact path) that hold any of the roles: one indexed
	 * equality look-up per path instead of a prefix match of every account.
	 */
	public List<Account> boundToAny(List<String> paths, Set<Role> roles) {
		if (paths.isEmpty() || roles.isEmpty()) {
			return List.of();
		}
		if (!invalidations.listening()) {
			return readBoundToAny(paths, roles);
		}
		Set<Role> asked = Set.copyOf(roles);
		List<Account> bound = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String path : new LinkedHashSet<>(paths)) {
			List<Account> known = boundAt.getIfPresent(new BoundAt(path, asked));
			if (known == null) {
				unknown.add(path);
			}
			else {
				bound.addAll(known);
			}
		}
		if (!unknown.isEmpty()) {
			long before = forgotten.get();
			List<Account> read = readBoundToAny(unknown, asked);
			bound.addAll(read);
			if (forgotten.get() == before) {
				Map<String, List<Account>> byPath = read.stream().collect(Collectors.groupingBy(Account::scopePath));
				unknown.forEach(path -> boundAt.put(new BoundAt(path, asked), byPath.getOrDefault(path, List.of())));
			}
		}
		bound.sort(Comparator.comparing(Account::scopePath).thenComparing(Account::username));
		return bound;
	}

	private List<Account> readBoundToAny(List<String> paths, Set<Role> roles) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM identity.account
				WHERE enabled
				  AND scope_path = ANY (CAST(:paths AS text[]))
				  AND roles && CAST(:roles AS text[])
				ORDER BY scope_path, username""")
			.param("paths", "{" + String.join(",", paths.stream().map(p -> "\"" + p + "\"").toList()) + "}")
			.param("roles", "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}")
			.query(JdbcAccounts::map)
			.list();
	}

	/**
	 * Enabled accounts holding any of the roles bound strictly below one of the given nodes (a grid's micro-grids),
	 * within the scope, in one statement. Each node's subtree is read as a range of the {@code text_pattern_ops} index
	 * — from {@code /a/b/} up to {@code /a/b0}, '0' being the character after '/' — which the planner can scan per
	 * node, where {@code LIKE node || '%'} with the node taken from the array is no index condition at all.
	 */
	public List<Account> boundBelowAny(DataScope scope, List<String> paths, Set<Role> roles) {
		if (paths.isEmpty() || roles.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM identity.account
				 JOIN unnest(CAST(:paths AS text[])) AS node(path)
				   ON scope_path ~>=~ node.path AND scope_path ~<~ (left(node.path, -1) || '0')
				WHERE enabled
				  AND scope_path <> node.path
				  AND scope_path LIKE :scope
				  AND roles && CAST(:roles AS text[])
				ORDER BY scope_path, username""")
			.param("paths", "{" + String.join(",", paths.stream().map(p -> "\"" + p + "\"").toList()) + "}")
			.param("roles", "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}")
			.param("scope", scope.likePattern())
			.query(JdbcAccounts::map)
			.list()
			.stream()
			// nested nodes would read the same account twice
			.distinct()
			.toList();
	}

	static Account map(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				roles(rs.getArray("roles")),
				rs.getString("grid_position") == null ? null : GridPosition.valueOf(rs.getString("grid_position")),
				rs.getObject("org_unit_id", UUID.class), rs.getString("scope_path"), rs.getBoolean("enabled"),
				instant(rs.getTimestamp("locked_until")), rs.getBoolean("password_change_required"),
				instant(rs.getTimestamp("created_at")));
	}

	private static Set<Role> roles(Array array) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Object name : (Object[]) array.getArray()) {
			roles.add(Role.valueOf((String) name));
		}
		return roles;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}

package org.zhizhi.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;
import org.zhizhi.identity.AuditEntry;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditFilter;
import org.zhizhi.identity.AuditSeal;
import org.zhizhi.identity.AuditSeal.Chained;
import org.zhizhi.shared.DataScope;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Insert and read — the only two statements the audit trail has. Inserts go through a small pool of their own, in
 * auto-commit: an entry is written whatever becomes of the caller's transaction, and a burst of requests that each
 * hold a connection of the main pool can never starve the audit trail of one (nor wait on each other for it).
 */
@Repository
public class JdbcAuditEntries implements DisposableBean {

	private final JdbcClient jdbc;

	private final HikariDataSource writerPool;

	private final AuditChainAppender appender;

	private final AuditSeal seal;

	JdbcAuditEntries(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, AuditSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.writerPool = writerPool(dataSource);
		// joining the chain is a short transaction of its own: lock the head, insert the sealed entries, move the head
		TransactionTemplate chaining = new TransactionTemplate(
				writerPool == null ? transactions : new DataSourceTransactionManager(writerPool));
		chaining.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.appender = new AuditChainAppender(JdbcClient.create(writerPool == null ? dataSource : writerPool),
				chaining, seal);
	}

	private static HikariDataSource writerPool(DataSource main) {
		// the platform's pool may sit behind a wrapper (the scope of row-level security): the settings are the pool's
		DataSource pool = main;
		while (pool instanceof DelegatingDataSource wrapper) {
			pool = wrapper.getTargetDataSource();
		}
		if (!(pool instanceof HikariDataSource hikari)) {
			return null;
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(hikari.getJdbcUrl());
		config.setUsername(hikari.getUsername());
		config.setPassword(hikari.getPassword());
		config.setDriverClassName(hikari.getDriverClassName());
		config.setMaximumPoolSize(3);
		config.setMinimumIdle(1);
		config.setAutoCommit(true);
		config.setPoolName("zhizhi-audit");
		return new HikariDataSource(config);
	}

	/**
	 * Appends the entry to the chain and returns once it is committed: entries join in the order they come, each
	 * sealed with the one before it, many requests' entries in one short transaction ({@link AuditChainAppender}).
	 */
	public void insert(AuditEntry unsealed) {
		appender.append(unsealed);
	}

	/**
	 * Joins the entries to the chain inside the caller's transaction, on its connection: they commit with what the
	 * caller wrote, or not at all. The chain's head stays locked until then, so call it as late as the transaction
	 * allows.
	 */
	public void insertWithin(List<AuditEntry> entries) {
		AuditChainAppender.join(jdbc, seal, entries);
	}

	public List<AuditEntry> find(DataScope scope, boolean includeUnscoped, AuditFilter filter, int limit, int offset) {
		String object = blankToNull(filter.object());
		return jdbc.sql("""
				SELECT * FROM identity.audit_entry
				WHERE (scope_path LIKE :scope OR (scope_path IS NULL AND :includeUnscoped))
				  AND (CAST(:username AS text) IS NULL OR username = CAST(:username AS text))
				  AND (CAST(:person AS text) IS NULL OR username = CAST(:person AS text)
				       OR strpos(actor_name, CAST(:person AS text)) > 0)
				  AND (CAST(:action AS text) IS NULL OR starts_with(action, CAST(:action AS text)))
				  AND (CAST(:outcome AS text) IS NULL OR outcome = CAST(:outcome AS text))
				  AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= CAST(:from AS timestamptz))
				  AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < CAST(:to AS timestamptz))
				  AND (CAST(:object AS text) IS NULL OR object_id = CAST(:object AS text)
				       OR strpos(object_name, CAST(:object AS text)) > 0 OR strpos(subject, CAST(:object AS text)) > 0)
				ORDER BY occurred_at DESC, id DESC
				LIMIT :limit OFFSET :offset""")
			.param("scope", scope.likePattern())
			.param("includeUnscoped", includeUnscoped)
			.param("username", blankToNull(filter.username()))
			.param("person", blankToNull(filter.person()))
			.param("action", blankToNull(filter.action()))
			.param("outcome", filter.outcome() == null ? null : filter.outcome().name())
			.param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
			.param("to", filter.to() == null ? null : Timestamp.from(filter.to()))
			.param("object", object)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, i) -> entry(rs))
			.list();
	}

	/**
	 * The names the accounts had when they wrote the entries that carry none (sign-ins written before the account was
	 * known, and every entry from before the trail was written in words): one query for a page of entries.
	 */
	public Map<UUID, String> accountNames(Set<UUID> accountIds) {
		if (accountIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> names = new HashMap<>();
		jdbc.sql("SELECT id, display_name FROM identity.account WHERE id = ANY(:ids)")
			.param("ids", accountIds.toArray(UUID[]::new))
			.query(rs -> {
				names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
			});
		return names;
	}

	/** Walks the chain in order of its places, entry by entry (the trail may be long: nothing is held in memory). */
	public AuditSeal.Check verifyChain() {
		return jdbc.sql("SELECT seq FROM identity.audit_chain_head WHERE id = 1").query(Long.class).optional()
			.map(headSeq -> jdbc.sql("""
					SELECT * FROM identity.audit_entry WHERE chain_seq IS NOT NULL ORDER BY chain_seq""")
				.withFetchSize(500)
				.query(rs -> {
					Iterator<Chained> rows = new Iterator<>() {
						boolean ahead;

						boolean more;

						@Override
						public boolean hasNext() {
							if (!ahead) {
								try {
									more = rs.next();
								}
								catch (SQLException e) {
									throw new IllegalStateException(e);
								}
								ahead = true;
							}
							return more;
						}

						@Override
						public Chained next() {
							if (!hasNext()) {
								throw new NoSuchElementException();
							}
							ahead = false;
							try {
								return new Chained(rs.getLong("chain_seq"), rs.getString("chain_mac"), entry(rs));
							}
							catch (SQLException e) {
								throw new IllegalStateException(e);
							}
						}
					};
					return seal.verify(rows, headSeq);
				}))
			.orElseThrow();
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getObject("id", UUID.class), instant(rs.getTimestamp("occurred_at")),
				rs.getObject("actor_id", UUID.class), rs.getString("username"), rs.getString("scope_path"),
				rs.getString("remote_address"), rs.getString("action"), rs.getString("object_type"),
				rs.getString("object_id"), Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
				rs.getString("actor_name"), rs.getString("object_kind"), rs.getString("object_name"),
				rs.getString("subject"));
	}

	@Override
	public void destroy() {
		appender.close();
		if (writerPool != null) {
			writerPool.close();
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}

package org.zhizhi.identity.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.identity.AuditEntry;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditFilter;
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

	private final JdbcClient writer;

	JdbcAuditEntries(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.writerPool = writerPool(dataSource);
		this.writer = writerPool == null ? jdbc : JdbcClient.create(writerPool);
	}

	private static HikariDataSource writerPool(DataSource main) {
		if (!(main instanceof HikariDataSource hikari)) {
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

	public void insert(AuditEntry entry) {
		writer.sql("""
				INSERT INTO identity.audit_entry (id, occurred_at, actor_id, username, scope_path, remote_address,
				                                  action, object_type, object_id, outcome, detail)
				VALUES (:id, :occurredAt, :actorId, :username, :scopePath, :remoteAddress,
				        :action, :objectType, :objectId, :outcome, :detail)""")
			.param("id", entry.id())
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("actorId", entry.actorId())
			.param("username", entry.username())
			.param("scopePath", entry.scopePath())
			.param("remoteAddress", entry.remoteAddress())
			.param("action", entry.action())
			.param("objectType", entry.objectType())
			.param("objectId", entry.objectId())
			.param("outcome", entry.outcome().name())
			.param("detail", entry.detail())
			.update();
	}

	public List<AuditEntry> find(DataScope scope, boolean includeUnscoped, AuditFilter filter, int limit, int offset) {
		return jdbc.sql("""
				SELECT * FROM identity.audit_entry
				WHERE (scope_path LIKE :scope OR (scope_path IS NULL AND :includeUnscoped))
				  AND (CAST(:username AS text) IS NULL OR username = CAST(:username AS text))
				  AND (CAST(:action AS text) IS NULL OR starts_with(action, CAST(:action AS text)))
				  AND (CAST(:outcome AS text) IS NULL OR outcome = CAST(:outcome AS text))
				  AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= CAST(:from AS timestamptz))
				  AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < CAST(:to AS timestamptz))
				ORDER BY occurred_at DESC, id DESC
				LIMIT :limit OFFSET :offset""")
			.param("scope", scope.likePattern())
			.param("includeUnscoped", includeUnscoped)
			.param("username", blankToNull(filter.username()))
			.param("action", blankToNull(filter.action()))
			.param("outcome", filter.outcome() == null ? null : filter.outcome().name())
			.param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
			.param("to", filter.to() == null ? null : Timestamp.from(filter.to()))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, i) -> new AuditEntry(rs.getObject("id", UUID.class), instant(rs.getTimestamp("occurred_at")),
					rs.getObject("actor_id", UUID.class), rs.getString("username"), rs.getString("scope_path"),
					rs.getString("remote_address"), rs.getString("action"), rs.getString("object_type"),
					rs.getString("object_id"), Outcome.valueOf(rs.getString("outcome")), rs.getString("detail")))
			.list();
	}

	@Override
	public void destroy() {
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

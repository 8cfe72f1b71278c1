package org.zhizhi.identity.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts' calendar feed tokens, as hashes: one live feed per account. */
@Repository
public class JdbcCalendarFeeds {

	private final JdbcClient jdbc;

	JdbcCalendarFeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the account's feed, replacing the one it had: the old URL stops working in the same statement. */
	public void replace(UUID accountId, byte[] tokenHash, Instant at) {
		jdbc.sql("""
				INSERT INTO identity.calendar_feed (account_id, token_hash, issued_at) VALUES (:account, :hash, :at)
				ON CONFLICT (account_id) DO UPDATE SET token_hash = excluded.token_hash, issued_at = excluded.issued_at""")
			.param("account", accountId)
			.param("hash", tokenHash)
			.param("at", Timestamp.from(at))
			.update();
	}

	public boolean delete(UUID accountId) {
		return jdbc.sql("DELETE FROM identity.calendar_feed WHERE account_id = :account")
			.param("account", accountId)
			.update() > 0;
	}

	public Optional<Instant> issuedAt(UUID accountId) {
		return jdbc.sql("SELECT issued_at FROM identity.calendar_feed WHERE account_id = :account")
			.param("account", accountId)
			.query((rs, n) -> rs.getTimestamp("issued_at").toInstant())
			.optional();
	}

	/** The enabled account a feed token belongs to. */
	public Optional<UUID> account(byte[] tokenHash) {
		return jdbc.sql("""
				SELECT f.account_id FROM identity.calendar_feed f JOIN identity.account a ON a.id = f.account_id
				WHERE f.token_hash = :hash AND a.enabled""")
			.param("hash", tokenHash)
			.query(UUID.class)
			.optional();
	}
}

package org.zhizhi.identity.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens, stored as hashes only. */
@Repository
public class JdbcApiTokens {

	private final JdbcClient jdbc;

	JdbcApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID accountId, byte[] hash, Instant issuedAt, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO identity.api_token (id, account_id, token_hash, issued_at, expires_at)
				VALUES (:id, :accountId, :hash, :issuedAt, :expiresAt)""")
			.param("id", id)
			.param("accountId", accountId)
			.param("hash", hash)
			.param("issuedAt", Timestamp.from(issuedAt))
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
	}

	/** A live token: which it is, whose, and until when. */
	public record LiveHash(UUID tokenId, UUID accountId, Instant expiresAt) {
	}

	/** The live token of a hash: not revoked, not expired, and its account still enabled. */
	public Optional<LiveHash> live(byte[] hash, Instant now) {
		return jdbc.sql("""
				SELECT t.id, t.account_id, t.expires_at FROM identity.api_token t JOIN identity.account a ON a.id = t.account_id
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND a.enabled""")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new LiveHash(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	public int revoke(byte[] hash, Instant now) {
		return jdbc.sql("UPDATE identity.api_token SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** A live token of an account: when it was issued and until when it holds (never the token itself). */
	public record LiveToken(UUID id, Instant issuedAt, Instant expiresAt) {
	}

	/** The account's tokens that still let a client in, newest first. */
	public List<LiveToken> live(UUID accountId, Instant now) {
		return jdbc.sql("""
				SELECT id, issued_at, expires_at FROM identity.api_token
				WHERE account_id = :accountId AND revoked_at IS NULL AND expires_at > :now ORDER BY issued_at DESC""")
			.param("accountId", accountId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new LiveToken(rs.getObject("id", UUID.class), rs.getTimestamp("issued_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant()))
			.list();
	}

	/** Revokes one of the account's own tokens; 0 if it is not his or no longer live. */
	public int revoke(UUID accountId, UUID tokenId, Instant now) {
		return jdbc.sql("""
				UPDATE identity.api_token SET revoked_at = :now
				WHERE id = :id AND account_id = :accountId AND revoked_at IS NULL""")
			.param("id", tokenId)
			.param("accountId", accountId)
			.param("now", Timestamp.from(now))
			.update();
	}

	public int revokeAll(UUID accountId, Instant now) {
		return jdbc.sql("""
				UPDATE identity.api_token SET revoked_at = :now
				WHERE account_id = :accountId AND revoked_at IS NULL AND expires_at > :now""")
			.param("accountId", accountId)
			.param("now", Timestamp.from(now))
			.update();
	}
}

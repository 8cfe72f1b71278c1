package org.zhizhi.identity.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The resets of an account's credentials still outstanding: who reset its password or its second factor, until the
 * holder takes the credential back. Read under the account's row lock by the reset that follows.
 */
@Repository
public class JdbcCredentialResets {

	public enum Kind {
		PASSWORD, TWO_FACTOR
	}

	private final JdbcClient jdbc;

	JdbcCredentialResets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID accountId, Kind kind, UUID resetBy, Instant at) {
		jdbc.sql("""
				INSERT INTO identity.credential_reset (account_id, kind, reset_by, reset_at)
				VALUES (:account, :kind, :by, :at)
				ON CONFLICT (account_id, kind) DO UPDATE SET reset_by = excluded.reset_by, reset_at = excluded.reset_at""")
			.param("account", accountId)
			.param("kind", kind.name())
			.param("by", resetBy)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The holder has the credential back (changed his password, enrolled an app). */
	public void clear(UUID accountId, Kind kind) {
		jdbc.sql("DELETE FROM identity.credential_reset WHERE account_id = :account AND kind = :kind")
			.param("account", accountId)
			.param("kind", kind.name())
			.update();
	}

	/** Who reset the credential and has not seen it taken back yet, if anyone. */
	public Optional<UUID> resetBy(UUID accountId, Kind kind) {
		return jdbc.sql("SELECT reset_by FROM identity.credential_reset WHERE account_id = :account AND kind = :kind")
			.param("account", accountId)
			.param("kind", kind.name())
			.query(UUID.class)
			.optional();
	}

	/** Locks the account's row, so that two resets of it at once are decided one after the other. */
	public void lockAccount(UUID accountId) {
		jdbc.sql("SELECT id FROM identity.account WHERE id = :account FOR UPDATE").param("account", accountId).query(UUID.class).optional();
	}
}

package org.zhizhi.identity.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** TOTP secrets (encrypted by the caller) and hashed recovery codes; a contested step is one conditional UPDATE. */
@Repository
public class JdbcTwoFactor {

	public record Enrolment(byte[] sealedSecret, long lastStep) {
	}

	private final JdbcClient jdbc;

	JdbcTwoFactor(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Enrolment> find(UUID accountId) {
		return jdbc.sql("SELECT secret, last_step FROM identity.two_factor WHERE account_id = :id")
			.param("id", accountId)
			.query((rs, n) -> new Enrolment(rs.getBytes("secret"), rs.getLong("last_step")))
			.optional();
	}

	public boolean demoAccount(UUID accountId) {
		return jdbc.sql("SELECT demo_account FROM identity.account WHERE id = :id")
			.param("id", accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void markDemoAccount(UUID accountId) {
		jdbc.sql("UPDATE identity.account SET demo_account = true WHERE id = :id").param("id", accountId).update();
	}

	/** Enrols unless already enrolled (two tabs confirming at once: the first wins). */
	public boolean enrol(UUID accountId, byte[] sealedSecret, long step, Instant now, List<byte[]> recoveryHashes) {
		int inserted = jdbc.sql("""
				INSERT INTO identity.two_factor (account_id, secret, enrolled_at, last_step)
				VALUES (:id, :secret, :now, :step)
				ON CONFLICT (account_id) DO NOTHING""")
			.param("id", accountId)
			.param("secret", sealedSecret)
			.param("now", Timestamp.from(now))
			.param("step", step)
			.update();
		if (inserted == 0) {
			return false;
		}
		for (byte[] hash : recoveryHashes) {
			jdbc.sql("INSERT INTO identity.recovery_code (account_id, code_hash) VALUES (:id, :hash)")
				.param("id", accountId)
				.param("hash", hash)
				.update();
		}
		return true;
	}

	/** Takes the step if it is later than the last one used: 0 rows means a replay (or a race lost to it). */
	public boolean useStep(UUID accountId, long step) {
		return jdbc.sql("UPDATE identity.two_factor SET last_step = :step WHERE account_id = :id AND last_step < :step")
			.param("id", accountId)
			.param("step", step)
			.update() == 1;
	}

	/** Uses the recovery code once: the row count decides, so a code cannot be used twice even at the same moment. */
	public boolean useRecoveryCode(UUID accountId, byte[] hash, Instant now) {
		return jdbc.sql("""
				UPDATE identity.recovery_code SET used_at = :now
				 WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL""")
			.param("id", accountId)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	public int unusedRecoveryCodes(UUID accountId) {
		return jdbc.sql("SELECT count(*) FROM identity.recovery_code WHERE account_id = :id AND used_at IS NULL")
			.param("id", accountId)
			.query(Integer.class)
			.single();
	}

	/** Forgets the secret and the recovery codes: the next sign-in enrols afresh. */
	public boolean reset(UUID accountId) {
		jdbc.sql("DELETE FROM identity.recovery_code WHERE account_id = :id").param("id", accountId).update();
		return jdbc.sql("DELETE FROM identity.two_factor WHERE account_id = :id").param("id", accountId).update() == 1;
	}
}

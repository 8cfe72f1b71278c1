package org.zhizhi.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.crypto.DataSealing;
import org.zhizhi.shared.crypto.SealedValues;

/**
 * Seals TOTP secrets with the installation's {@link DataSealing} — under a key id, bound to the account — so that a
 * stolen database alone makes no codes and a secret copied to another account opens for nobody. Secrets enrolled
 * before key ids were sealed under a key derived from the data key ({@code ZHIZHI_PEOPLE_DATA_KEY}) by HMAC with a
 * label of its own; they still open, and the key rotation moves them (it is also the {@link SealedValues} of this
 * table).
 */
@Component
@Order(10)
class TwoFactorCipher implements SealedValues {

	private final DataSealing sealing;

	private final byte[] legacyKey;

	private final JdbcClient jdbc;

	@Autowired
	TwoFactorCipher(DataSealing sealing, @Value("${zhizhi.people.data-key}") String dataKey, JdbcClient jdbc) {
		this.legacyKey = legacyKey(dataKey);
		this.sealing = sealing.withLegacyKey(legacyKey);
		this.jdbc = jdbc;
	}

	private static byte[] legacyKey(String dataKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(dataKey.strip()), "HmacSHA256"));
			return mac.doFinal("zhizhi.identity.two-factor".getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String context(UUID accountId) {
		return "identity.two_factor:" + accountId;
	}

	byte[] encrypt(byte[] secret, UUID accountId) {
		return sealing.seal(secret, context(accountId));
	}

	byte[] decrypt(byte[] stored, UUID accountId) {
		return open(sealing, stored, accountId);
	}

	private static byte[] open(DataSealing sealing, byte[] stored, UUID accountId) {
		try {
			return sealing.open(stored, context(accountId));
		}
		catch (IllegalStateException e) {
			throw new IllegalStateException("a TOTP secret that no configured key opens for this account", e);
		}
	}

	@Override
	public String label() {
		return "keys.place.twoFactor";
	}

	@Override
	public Count count(DataSealing ring) {
		return jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE substring(secret FROM 1 FOR 5) = :p) FROM identity.two_factor""")
			.param("p", ring.primaryPrefix())
			.query((rs, n) -> new Count(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	@Override
	public int moveBatch(DataSealing ring, int limit) {
		record Enrolled(UUID accountId, byte[] secret) {
		}
		List<Enrolled> rows = jdbc.sql("""
				SELECT account_id, secret FROM identity.two_factor WHERE substring(secret FROM 1 FOR 5) <> :p
				 ORDER BY account_id LIMIT :n FOR UPDATE SKIP LOCKED""")
			.param("p", ring.primaryPrefix())
			.param("n", limit)
			.query((rs, n) -> new Enrolled(rs.getObject(1, UUID.class), rs.getBytes(2)))
			.list();
		DataSealing withLegacy = ring.withLegacyKey(legacyKey);
		for (Enrolled row : rows) {
			jdbc.sql("UPDATE identity.two_factor SET secret = :s WHERE account_id = :id")
				.param("s", withLegacy.seal(open(withLegacy, row.secret(), row.accountId()), context(row.accountId())))
				.param("id", row.accountId())
				.update();
		}
		return rows.size();
	}
}

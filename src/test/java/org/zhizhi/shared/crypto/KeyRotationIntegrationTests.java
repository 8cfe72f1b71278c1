package org.zhizhi.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 11, done means: "rotating the personal-data key leaves every resident readable". The demo district's residents
 * (some of them still in the format of before key ids), their versions and a TOTP secret are moved to a new key by
 * the re-encryption, and afterwards open with the new key alone — the old one and the legacy format retired — to the
 * same values, with the same search hashes. The test then moves everything back under the installation's key, so that
 * the running platform (which was not restarted with the new key) reads them again.
 */
@ZhizhiIntegrationTest
class KeyRotationIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	List<SealedValues> places;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Autowired
	DataSealing installed;

	@Value("${zhizhi.people.data-key}")
	String dataKeyText;

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	private record Person(String idCard, String phone, byte[] idCardHash) {
	}

	@Test
	void rotatingThePersonalDataKeyLeavesEveryResidentReadable() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		byte[] dataKey = Base64.getDecoder().decode(dataKeyText);
		// a few residents still as the platform stored them before key ids, in their row and their first version
		List<UUID> legacy = jdbc.queryForList("SELECT id FROM people.resident ORDER BY id LIMIT 5", UUID.class);
		for (UUID id : legacy) {
			String idCard = open(installed, jdbc.queryForObject(
					"SELECT id_card_cipher FROM people.resident WHERE id = ?", byte[].class, id), idCardContext(id));
			byte[] sealed = LegacySealing.seal(dataKey, idCard.getBytes(StandardCharsets.UTF_8));
			jdbc.update("UPDATE people.resident SET id_card_cipher = ? WHERE id = ?", sealed, id);
			jdbc.update("UPDATE people.resident_version SET id_card_cipher = ? WHERE resident_id = ? AND version = 1",
					sealed, id);
		}
		// and a second factor enrolled before key ids, under the key derived for TOTP secrets
		UUID account = UUID.fromString(api.createAccount(api.tokenOf("dongcheng"), ApiClient.newAccount(
				ApiClient.uniqueUsername("it-keys"), "GRID_WORKER", api.orgUnitId("东城社区第3网格"), "PART_TIME"))
			.path("id")
			.asString());
		byte[] totpSecret = "a secret of 20 bytes".getBytes(StandardCharsets.UTF_8);
		jdbc.update("INSERT INTO identity.two_factor (account_id, secret, enrolled_at, last_step) VALUES (?, ?, ?, 0)",
				account, LegacySealing.seal(totpKey(dataKey), totpSecret), java.sql.Timestamp.from(Instant.now(clock)));

		Map<UUID, Person> before = residents(jdbc, installed);
		assertThat(before).hasSizeGreaterThan(1000);

		byte[] newKey = new byte[32];
		new SecureRandom().nextBytes(newKey);
		DataSealing rotated = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(2, newKey), null, dataKey);
		KeyRotation rotation = new KeyRotation(rotated, places, transactions, clock);
		try {
			KeyRotation.Status pending = rotation.status();
			assertThat(pending.primaryKeyId()).isEqualTo(2);
			assertThat(pending.keyIds()).containsExactly(1, 2);
			assertThat(progress(pending, "keys.place.residents").remaining()).isEqualTo(before.size());
			assertThat(progress(pending, "keys.place.twoFactor").remaining()).isPositive();

			long moved = rotation.runToEnd("it");

			KeyRotation.Status done = rotation.status();
			assertThat(done.remaining()).as("nothing left under the old key: %s", done.progress()).isZero();
			assertThat(moved).isGreaterThanOrEqualTo(before.size());
			assertThat(done.lastRun().running()).isFalse();
			assertThat(done.lastRun().failure()).isNull();
			assertThat(done.lastRun().moved()).isEqualTo(moved);

			DataSealing newKeyOnly = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(2, newKey), null, null);
			assertThat(residents(jdbc, newKeyOnly)).as("every resident, opened with the new key alone")
				.hasSameSizeAs(before)
				.allSatisfy((id, person) -> {
					assertThat(person.idCard()).isEqualTo(before.get(id).idCard());
					assertThat(person.phone()).isEqualTo(before.get(id).phone());
					assertThat(person.idCardHash()).as("the search still finds him").isEqualTo(before.get(id).idCardHash());
				});
			jdbc.query("SELECT resident_id, id_card_cipher, phone_cipher FROM people.resident_version", rs -> {
				UUID id = rs.getObject(1, UUID.class);
				assertThat(open(newKeyOnly, rs.getBytes(2), idCardContext(id))).isNotBlank();
				if (rs.getBytes(3) != null) {
					assertThat(open(newKeyOnly, rs.getBytes(3), phoneContext(id))).isNotBlank();
				}
			});
			byte[] secret = jdbc.queryForObject("SELECT secret FROM identity.two_factor WHERE account_id = ?",
					byte[].class, account);
			assertThat(newKeyOnly.open(secret, "identity.two_factor:" + account)).isEqualTo(totpSecret);
		}
		finally {
			// back under the installation's own key, which the running platform still reads with
			DataSealing back = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(2, newKey), 1, dataKey);
			new KeyRotation(back, places, transactions, clock).runToEnd("it");
		}
		assertThat(new KeyRotation(installed, places, transactions, clock).status().remaining()).isZero();
		assertThat(residents(jdbc, installed)).hasSameSizeAs(before);
	}

	@Test
	void onlyTheSecurityAdminOfTheInstallationSeesAndStartsTheRotation() {
		Response status = api.get("/api/v1/admin/keys", api.tokenOf("security"));
		assertThat(status.status()).as(status.brief()).isEqualTo(200);
		JsonNode body = status.json();
		assertThat(body.path("algorithm").asString()).isEqualTo("AES_GCM");
		assertThat(body.path("primaryKeyId").asInt()).isEqualTo(1);
		// residents' numbers, two-factor secrets, … and the city platform's subscriber secrets and callers' contacts
		assertThat(body.path("progress").size()).isEqualTo(6);
		assertThat(status.body()).doesNotContain(dataKeyText);

		Response started = api.post("/api/v1/admin/keys/re-encryption", api.tokenOf("security"), Map.of());
		assertThat(started.status()).as(started.brief()).isIn(202, 409);

		for (String other : new String[] { "admin", "auditor", "banan", "dongcheng" }) {
			assertThat(api.get("/api/v1/admin/keys", api.tokenOf(other)).problemCode(403)).isEqualTo("FORBIDDEN");
			assertThat(api.post("/api/v1/admin/keys/re-encryption", api.tokenOf(other), Map.of()).problemCode(403))
				.isEqualTo("FORBIDDEN");
		}
	}

	private static KeyRotation.Progress progress(KeyRotation.Status status, String label) {
		return status.progress().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
	}

	private static Map<UUID, Person> residents(JdbcTemplate jdbc, DataSealing ring) {
		Map<UUID, Person> found = new HashMap<>();
		jdbc.query("SELECT id, id_card_cipher, phone_cipher, id_card_hash FROM people.resident", rs -> {
			UUID id = rs.getObject(1, UUID.class);
			byte[] phone = rs.getBytes(3);
			found.put(id, new Person(open(ring, rs.getBytes(2), idCardContext(id)),
					phone == null ? null : open(ring, phone, phoneContext(id)), rs.getBytes(4)));
		});
		return found;
	}

	private static String open(DataSealing ring, byte[] sealed, String context) {
		return new String(ring.open(sealed, context), StandardCharsets.UTF_8);
	}

	// the contexts as people seals them (PersonalDataCipher): a change there strands every stored value
	private static String idCardContext(UUID residentId) {
		return "people.resident.id_card:" + residentId;
	}

	private static String phoneContext(UUID residentId) {
		return "people.resident.phone:" + residentId;
	}

	private static byte[] totpKey(byte[] dataKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(dataKey, "HmacSHA256"));
			return mac.doFinal("zhizhi.identity.two-factor".getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}

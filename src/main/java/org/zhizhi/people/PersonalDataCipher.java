package org.zhizhi.people;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DemoMode;
import org.zhizhi.shared.crypto.DataSealing;
import org.zhizhi.shared.crypto.SealingAlgorithm;

/**
 * Seals ID numbers and phones with the installation's {@link DataSealing} — under a key id, bound to the resident and
 * the field (a value copied to another row or column no longer opens) — and hashes them under a second key, so that
 * an exact search finds a value without opening a single row. The search key is configured on its own or derived
 * from the data key.
 */
@Component
@EnableConfigurationProperties(PeopleProperties.class)
public class PersonalDataCipher {

	/** The key shipped in application.properties for the demo; any real installation must set its own. */
	static final String DEV_KEY = "emhpemhpLWRlbW8tZGF0YS1rZXktMzItYnl0ZXMtISE=";

	private final DataSealing sealing;

	private final byte[] hashKey;

	@Autowired
	PersonalDataCipher(DataSealing sealing, PeopleProperties keys, DemoMode demoMode) {
		this(sealing, refuseDemoKeyOutsideDemo(keys.dataKey(), demoMode), keys.hashKey());
	}

	PersonalDataCipher(String dataKey, String hashKey, DemoMode demoMode) {
		this(refuseDemoKeyOutsideDemo(dataKey, demoMode), hashKey);
	}

	/** A cipher whose only key is the data key (key 1 of AES-GCM), as every installation began. */
	public PersonalDataCipher(String dataKey, String hashKey) {
		this(DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(), null, decodeDataKey(dataKey)), dataKey, hashKey);
	}

	PersonalDataCipher(DataSealing sealing, String dataKey, String hashKey) {
		this.sealing = sealing;
		byte[] key = decodeDataKey(dataKey);
		this.hashKey = hashKey == null || hashKey.isBlank()
				? sealing.algorithm().mac(key, "zhizhi.people.search-hash".getBytes(StandardCharsets.UTF_8))
				: Base64.getDecoder().decode(hashKey.strip());
	}

	private static byte[] decodeDataKey(String dataKey) {
		byte[] key = Base64.getDecoder().decode(dataKey.strip());
		if (key.length != 32) {
			throw new IllegalStateException("zhizhi.people.data-key must be 32 bytes in base64, not " + key.length);
		}
		return key;
	}

	/**
	 * Outside demo mode (an external database, unless told otherwise) the public demo key would encrypt real ID numbers
	 * and phones with a key anyone can read in the repository: a warning in a log nobody reads was not enough (issue
	 * 11), so the platform does not start.
	 */
	static String refuseDemoKeyOutsideDemo(String dataKey, DemoMode demoMode) {
		if (DEV_KEY.equals(dataKey.strip()) && !demoMode.enabled()) {
			throw new IllegalStateException("""
					zhizhi.people.data-key is the PUBLIC DEMO KEY from application.properties, outside demo mode: \
					residents' ID numbers and phones would be encrypted with a key anyone can read. Set \
					ZHIZHI_PEOPLE_DATA_KEY to 32 random bytes in base64 (openssl rand -base64 32), and keep it with \
					the database's backups, before starting the platform on this database.""");
		}
		return dataKey;
	}

	/** The context of a resident's ID number: sealed for this resident's row and this field only. */
	static String idCardContext(UUID residentId) {
		return "people.resident.id_card:" + residentId;
	}

	static String phoneContext(UUID residentId) {
		return "people.resident.phone:" + residentId;
	}

	static String importContext(UUID importId) {
		return "people.pending_import:" + importId;
	}

	public byte[] encrypt(String plain, String context) {
		return plain == null ? null : sealing.seal(plain.getBytes(StandardCharsets.UTF_8), context);
	}

	public String decrypt(byte[] stored, String context) {
		return stored == null ? null : new String(sealing.open(stored, context), StandardCharsets.UTF_8);
	}

	/** The keyed hash an exact search compares; equal values give equal hashes. */
	public byte[] hash(String plain) {
		return plain == null ? null : sealing.searchHash(hashKey, plain);
	}

	/** The same search key with another ring: the key rotation seals with the ring it was given. */
	PersonalDataCipher with(DataSealing ring) {
		return new PersonalDataCipher(ring, hashKey);
	}

	private PersonalDataCipher(DataSealing sealing, byte[] hashKey) {
		this.sealing = sealing;
		this.hashKey = hashKey;
	}
}

package org.zhizhi.people;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DemoMode;

/**
 * Encrypts ID numbers and phones with AES-256-GCM (a fresh 12-byte nonce per value, stored in front of the cipher
 * text) and hashes them with HMAC-SHA256 under a second key, so that an exact search finds a value without
 * decrypting a single row. The search key is configured on its own or derived from the data key.
 */
@Component
@EnableConfigurationProperties(PeopleProperties.class)
public class PersonalDataCipher {

	/** The key shipped in application.properties for the demo; any real installation must set its own. */
	static final String DEV_KEY = "emhpemhpLWRlbW8tZGF0YS1rZXktMzItYnl0ZXMtISE=";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec dataKey;

	private final SecretKeySpec hashKey;

	private final SecureRandom random = new SecureRandom();

	@Autowired
	PersonalDataCipher(PeopleProperties keys, DemoMode demoMode) {
		this(keys.dataKey(), keys.hashKey(), demoMode);
	}

	PersonalDataCipher(String dataKey, String hashKey, DemoMode demoMode) {
		this(refuseDemoKeyOutsideDemo(dataKey, demoMode), hashKey);
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

	public PersonalDataCipher(String dataKey, String hashKey) {
		byte[] key = Base64.getDecoder().decode(dataKey.strip());
		if (key.length != 32) {
			throw new IllegalStateException("zhizhi.people.data-key must be 32 bytes in base64, not " + key.length);
		}
		this.dataKey = new SecretKeySpec(key, "AES");
		byte[] searchKey = hashKey == null || hashKey.isBlank() ? hmac(new SecretKeySpec(key, "HmacSHA256"),
				"zhizhi.people.search-hash") : Base64.getDecoder().decode(hashKey.strip());
		this.hashKey = new SecretKeySpec(searchKey, "HmacSHA256");
	}

	public byte[] encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("encryption failed", e);
		}
	}

	public String decrypt(byte[] stored) {
		if (stored == null) {
			return null;
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
			return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("decryption failed (wrong key or altered data)", e);
		}
	}

	/** The keyed hash an exact search compares; equal values give equal hashes. */
	public byte[] hash(String plain) {
		return plain == null ? null : hmac(hashKey, plain);
	}

	private static byte[] hmac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("hashing failed", e);
		}
	}
}

package org.zhizhi.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets with AES-256-GCM (a fresh nonce in front of each), under a key derived from the platform's
 * data key ({@code ZHIZHI_PEOPLE_DATA_KEY}) by HMAC with a label of its own: one key for operators to keep with the
 * backups, and the same refusal of the public demo key outside demo mode (people's {@code PersonalDataCipher} stops
 * the start). A stolen database alone makes no codes.
 */
@Component
class TwoFactorCipher {

	private static final int NONCE_BYTES = 12;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	TwoFactorCipher(@Value("${zhizhi.people.data-key}") String dataKey) {
		byte[] raw = Base64.getDecoder().decode(dataKey.strip());
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(raw, "HmacSHA256"));
			this.key = new SecretKeySpec(mac.doFinal("zhizhi.identity.two-factor".getBytes(StandardCharsets.UTF_8)),
					"AES");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	byte[] encrypt(byte[] secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(secret);
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	byte[] decrypt(byte[] stored) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
			return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("a TOTP secret that this data key did not encrypt", e);
		}
	}
}

package org.zhizhi.shared.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Values as the platform sealed them before key ids: AES-256-GCM, a 12-byte nonce in front, no associated data. */
public final class LegacySealing {

	private LegacySealing() {
	}

	public static byte[] seal(byte[] key, byte[] plain) {
		byte[] nonce = new byte[12];
		new SecureRandom().nextBytes(nonce);
		return seal(key, plain, nonce);
	}

	public static byte[] seal(byte[] key, byte[] plain, byte[] nonce) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}

package org.zhizhi.shared.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The algorithms an installation seals personal data with: AES-256-GCM (Google Tink) with HMAC-SHA256 search hashes,
 * or — where the installation must pass 密评 (GB/T 39786) — SM4-GCM with HMAC-SM3 (BouncyCastle). Chosen once per
 * installation by {@code zhizhi.crypto.algorithm}; both sit behind {@link DataSealing}.
 */
public enum SealingAlgorithm {

	AES_GCM(32, (byte) 0x01), SM4_GCM(16, (byte) 0x53);

	private final int keyBytes;

	private final byte marker;

	SealingAlgorithm(int keyBytes, byte marker) {
		this.keyBytes = keyBytes;
		this.marker = marker;
	}

	/** The length of this algorithm's keys. */
	public int keyBytes() {
		return keyBytes;
	}

	/**
	 * The first byte of a value sealed under a key id: Tink's own prefix (0x01, then the key id) for AES-GCM, and the
	 * same shape with 'S' for SM4-GCM, so that a value says which key and which algorithm opens it.
	 */
	byte marker() {
		return marker;
	}

	/** The keyed hash that exact searches compare (HMAC-SHA256, or HMAC-SM3 for SM4 installations). */
	public byte[] mac(byte[] key, byte[] data) {
		if (this == SM4_GCM) {
			HMac hmac = new HMac(new SM3Digest());
			hmac.init(new KeyParameter(key));
			hmac.update(data, 0, data.length);
			byte[] out = new byte[hmac.getMacSize()];
			hmac.doFinal(out, 0);
			return out;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("hashing failed", e);
		}
	}
}

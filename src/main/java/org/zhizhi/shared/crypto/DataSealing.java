package org.zhizhi.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Seals personal data under a ring of keys: every value carries the id of the key that sealed it (five bytes in
 * front: a marker and the key id) and is bound to its context — the row and field it belongs to, as associated data —
 * so that a value copied to another row or field no longer opens. New values are sealed under the primary key; values
 * under older keys still open, and {@link KeyRotation} moves them to the primary one. Values written before keys had
 * ids (a nonce in front, no associated data) open with the installation's data key, which is why it stays readable.
 * AES-GCM is Google Tink's; SM4-GCM is BouncyCastle's, in the same layout.
 */
public final class DataSealing {

	private static final int PREFIX_BYTES = 5;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BYTES = 16;

	static {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private final SealingAlgorithm algorithm;

	private final int primaryKeyId;

	private final SortedMap<Integer, SealingAlgorithm> keys;

	private final Aead tink;

	private final Map<Integer, byte[]> sm4Keys;

	private final SecretKeySpec legacyKey;

	private final SecureRandom random = new SecureRandom();

	private DataSealing(SealingAlgorithm algorithm, int primaryKeyId, SortedMap<Integer, SealingAlgorithm> keys,
			Aead tink, Map<Integer, byte[]> sm4Keys, SecretKeySpec legacyKey) {
		this.algorithm = algorithm;
		this.primaryKeyId = primaryKeyId;
		this.keys = keys;
		this.tink = tink;
		this.sm4Keys = sm4Keys;
		this.legacyKey = legacyKey;
	}

	/**
	 * The ring of an installation.
	 * @param algorithm what the listed keys are, and what new values are sealed with
	 * @param listed key id → key bytes ({@code zhizhi.crypto.keys})
	 * @param primaryKey the id to seal under, or null for the highest
	 * @param dataKey the installation's AES data key (32 bytes), or null: it opens values written before key ids,
	 * and is AES-GCM key 1 unless the list names a key 1
	 */
	public static DataSealing of(SealingAlgorithm algorithm, Map<Integer, byte[]> listed, Integer primaryKey,
			byte[] dataKey) {
		SortedMap<Integer, byte[]> aesKeys = new TreeMap<>();
		SortedMap<Integer, byte[]> sm4Keys = new TreeMap<>();
		listed.forEach((id, key) -> {
			if (id == null || id < 1) {
				throw new IllegalStateException("zhizhi.crypto.keys: a key id is a positive number, not " + id);
			}
			if (key.length != algorithm.keyBytes()) {
				throw new IllegalStateException("zhizhi.crypto.keys." + id + " must be " + algorithm.keyBytes()
						+ " bytes in base64 for " + algorithm + ", not " + key.length);
			}
			(algorithm == SealingAlgorithm.AES_GCM ? aesKeys : sm4Keys).put(id, key.clone());
		});
		if (dataKey != null) {
			if (dataKey.length != 32) {
				throw new IllegalStateException("zhizhi.people.data-key must be 32 bytes in base64, not " + dataKey.length);
			}
			if (!listed.containsKey(1)) {
				aesKeys.put(1, dataKey.clone());
			}
		}
		SortedMap<Integer, SealingAlgorithm> ring = new TreeMap<>();
		aesKeys.keySet().forEach(id -> ring.put(id, SealingAlgorithm.AES_GCM));
		sm4Keys.keySet().forEach(id -> ring.put(id, SealingAlgorithm.SM4_GCM));
		SortedMap<Integer, byte[]> own = algorithm == SealingAlgorithm.AES_GCM ? aesKeys : sm4Keys;
		if (own.isEmpty()) {
			throw new IllegalStateException("No key to seal personal data with: set ZHIZHI_PEOPLE_DATA_KEY, or list "
					+ algorithm + " keys under zhizhi.crypto.keys (ZHIZHI_CRYPTO_KEYS_1=…)");
		}
		int primary = primaryKey == null ? own.lastKey() : primaryKey;
		if (!own.containsKey(primary)) {
			throw new IllegalStateException("zhizhi.crypto.primary-key=" + primary + " names no " + algorithm
					+ " key; configured: " + own.keySet());
		}
		return new DataSealing(algorithm, primary, Collections.unmodifiableSortedMap(ring),
				tinkOf(aesKeys, algorithm == SealingAlgorithm.AES_GCM ? primary : aesKeys.isEmpty() ? 0
						: aesKeys.firstKey()),
				Collections.unmodifiableMap(sm4Keys), dataKey == null ? null : new SecretKeySpec(dataKey, "AES"));
	}

	private static Aead tinkOf(SortedMap<Integer, byte[]> keys, int primary) {
		if (keys.isEmpty()) {
			return null;
		}
		try {
			AesGcmParameters parameters = AesGcmParameters.builder()
				.setKeySizeBytes(32)
				.setIvSizeBytes(NONCE_BYTES)
				.setTagSizeBytes(TAG_BYTES)
				.setVariant(AesGcmParameters.Variant.TINK)
				.build();
			KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
			for (var key : keys.entrySet()) {
				KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(AesGcmKey.builder()
					.setParameters(parameters)
					.setKeyBytes(SecretBytes.copyFrom(key.getValue(), InsecureSecretKeyAccess.get()))
					.setIdRequirement(key.getKey())
					.build()).withFixedId(key.getKey());
				keyset.addEntry(key.getKey() == primary ? entry.makePrimary() : entry);
			}
			return keyset.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the AES-GCM keys could not be loaded", e);
		}
	}

	/** The same ring, whose values from before key ids open with another legacy key (the TOTP secrets had their own). */
	public DataSealing withLegacyKey(byte[] key) {
		return new DataSealing(algorithm, primaryKeyId, keys, tink, sm4Keys, new SecretKeySpec(key, "AES"));
	}

	/** Seals a value under the primary key, bound to its context (for instance "people.resident.phone:" + id). */
	public byte[] seal(byte[] plain, String context) {
		byte[] associated = context.getBytes(StandardCharsets.UTF_8);
		try {
			if (algorithm == SealingAlgorithm.AES_GCM) {
				return tink.encrypt(plain, associated);
			}
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			byte[] sealed = sm4(true, sm4Keys.get(primaryKeyId), nonce, associated, plain, 0, plain.length);
			return ByteBuffer.allocate(PREFIX_BYTES + NONCE_BYTES + sealed.length)
				.put(prefix(algorithm, primaryKeyId))
				.put(nonce)
				.put(sealed)
				.array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("sealing failed", e);
		}
	}

	/** Opens a value sealed under any key of the ring, or written before key ids; refuses altered or moved values. */
	public byte[] open(byte[] sealed, String context) {
		byte[] associated = context.getBytes(StandardCharsets.UTF_8);
		if (sealed.length >= PREFIX_BYTES + NONCE_BYTES + TAG_BYTES) {
			int keyId = ByteBuffer.wrap(sealed, 1, 4).getInt();
			try {
				if (sealed[0] == SealingAlgorithm.AES_GCM.marker() && tink != null
						&& keys.get(keyId) == SealingAlgorithm.AES_GCM) {
					return tink.decrypt(sealed, associated);
				}
				if (sealed[0] == SealingAlgorithm.SM4_GCM.marker() && sm4Keys.containsKey(keyId)) {
					return sm4(false, sm4Keys.get(keyId), Arrays.copyOfRange(sealed, PREFIX_BYTES,
							PREFIX_BYTES + NONCE_BYTES), associated, sealed, PREFIX_BYTES + NONCE_BYTES,
							sealed.length - PREFIX_BYTES - NONCE_BYTES);
				}
			}
			catch (GeneralSecurityException e) {
				// a value from before key ids may begin like a prefix by chance (its nonce is random): try it as one
			}
		}
		return openLegacy(sealed);
	}

	private byte[] openLegacy(byte[] sealed) {
		if (legacyKey == null || sealed.length < NONCE_BYTES + TAG_BYTES) {
			throw new IllegalStateException("a sealed value that no configured key opens (wrong key or altered data)");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, legacyKey, new GCMParameterSpec(TAG_BYTES * 8, sealed, 0, NONCE_BYTES));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("a sealed value that no configured key opens (wrong key or altered data)",
					e);
		}
	}

	private static byte[] sm4(boolean seal, byte[] key, byte[] nonce, byte[] associated, byte[] input, int offset,
			int length) throws GeneralSecurityException {
		GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(seal, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce, associated));
		byte[] out = new byte[gcm.getOutputSize(length)];
		int written = gcm.processBytes(input, offset, length, out, 0);
		try {
			written += gcm.doFinal(out, written);
		}
		catch (InvalidCipherTextException e) {
			throw new GeneralSecurityException("SM4-GCM: altered data or wrong key", e);
		}
		return written == out.length ? out : Arrays.copyOf(out, written);
	}

	private static byte[] prefix(SealingAlgorithm algorithm, int keyId) {
		return ByteBuffer.allocate(PREFIX_BYTES).put(algorithm.marker()).putInt(keyId).array();
	}

	/** The five bytes every value sealed under the primary key begins with; a query finds the values still to move. */
	public byte[] primaryPrefix() {
		return prefix(algorithm, primaryKeyId);
	}

	public boolean underPrimary(byte[] sealed) {
		return sealed != null && sealed.length > PREFIX_BYTES
				&& Arrays.equals(sealed, 0, PREFIX_BYTES, primaryPrefix(), 0, PREFIX_BYTES);
	}

	public SealingAlgorithm algorithm() {
		return algorithm;
	}

	public int primaryKeyId() {
		return primaryKeyId;
	}

	/** The ids of every key in the ring (never the keys). */
	public SortedSet<Integer> keyIds() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
	}

	/** The keyed hash of exact searches, with this installation's algorithm. */
	public byte[] searchHash(byte[] key, String plain) {
		return algorithm.mac(key, plain.getBytes(StandardCharsets.UTF_8));
	}
}

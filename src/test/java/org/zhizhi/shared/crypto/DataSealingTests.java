package org.zhizhi.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, keys that rotate: every value names its key and is bound to its row and field; old keys and values from
 * before key ids stay readable; SM4-GCM and HMAC-SM3 behind the same interface, in the standard GCM layout.
 */
class DataSealingTests {

	private static final byte[] DATA_KEY = random(32);

	private static final byte[] KEY_2 = random(32);

	private static final String CONTEXT = "people.resident.id_card:0190c2a0-0000-7000-8000-000000000001";

	private static final byte[] ID_NUMBER = "500113199003071231".getBytes(StandardCharsets.UTF_8);

	@Test
	void anInstallationThatNeverRotatedSealsUnderItsDataKeyAsKeyOne() {
		DataSealing ring = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(), null, DATA_KEY);

		byte[] sealed = ring.seal(ID_NUMBER, CONTEXT);

		assertThat(ring.primaryKeyId()).isEqualTo(1);
		assertThat(ring.keyIds()).containsExactly(1);
		assertThat(Arrays.copyOf(sealed, 5)).containsExactly(0x01, 0, 0, 0, 1);
		assertThat(ring.underPrimary(sealed)).isTrue();
		assertThat(ring.open(sealed, CONTEXT)).isEqualTo(ID_NUMBER);
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("1990");
		assertThat(ring.seal(ID_NUMBER, CONTEXT)).as("a fresh nonce each time").isNotEqualTo(sealed);
	}

	@Test
	void theStoredLayoutIsPlainAesGcmBehindTheKeyId() throws Exception {
		byte[] sealed = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(), null, DATA_KEY).seal(ID_NUMBER, CONTEXT);

		// what an operator's own tool would do with the layout documented in docs/security.md
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(DATA_KEY, "AES"), new GCMParameterSpec(128, sealed, 5, 12));
		cipher.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));
		assertThat(cipher.doFinal(sealed, 17, sealed.length - 17)).isEqualTo(ID_NUMBER);
	}

	@Test
	void aValueOpensOnlyForTheRowAndFieldItWasSealedFor() {
		DataSealing ring = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(), null, DATA_KEY);
		byte[] sealed = ring.seal(ID_NUMBER, CONTEXT);

		assertThatIllegalStateException().isThrownBy(() -> ring.open(sealed, CONTEXT.replace("id_card", "phone")));
		assertThatIllegalStateException().isThrownBy(() -> ring.open(sealed, CONTEXT.replace("0001", "0002")));
		byte[] altered = sealed.clone();
		altered[altered.length - 1] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> ring.open(altered, CONTEXT));
	}

	@Test
	void afterRotationNewValuesGoUnderTheNewKeyAndOldOnesStillOpen() {
		DataSealing before = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(), null, DATA_KEY);
		byte[] old = before.seal(ID_NUMBER, CONTEXT);
		byte[] legacy = LegacySealing.seal(DATA_KEY, ID_NUMBER);

		DataSealing after = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(2, KEY_2), null, DATA_KEY);
		byte[] fresh = after.seal(ID_NUMBER, CONTEXT);

		assertThat(after.primaryKeyId()).as("the highest id, unless one is named").isEqualTo(2);
		assertThat(after.keyIds()).containsExactly(1, 2);
		assertThat(Arrays.copyOf(fresh, 5)).containsExactly(0x01, 0, 0, 0, 2);
		assertThat(after.underPrimary(fresh)).isTrue();
		assertThat(after.underPrimary(old)).isFalse();
		assertThat(after.underPrimary(legacy)).isFalse();
		assertThat(after.open(old, CONTEXT)).isEqualTo(ID_NUMBER);
		assertThat(after.open(legacy, CONTEXT)).as("values from before key ids").isEqualTo(ID_NUMBER);
		assertThat(after.open(fresh, CONTEXT)).isEqualTo(ID_NUMBER);

		DataSealing newKeyOnly = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(2, KEY_2), null, null);
		assertThat(newKeyOnly.open(fresh, CONTEXT)).isEqualTo(ID_NUMBER);
		assertThatIllegalStateException().as("the retired key is gone").isThrownBy(() -> newKeyOnly.open(old, CONTEXT));
		assertThatIllegalStateException().isThrownBy(() -> newKeyOnly.open(legacy, CONTEXT));
		assertThatIllegalStateException().as("the old ring does not know key 2")
			.isThrownBy(() -> before.open(fresh, CONTEXT));

		DataSealing back = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(2, KEY_2), 1, DATA_KEY);
		assertThat(back.primaryKeyId()).as("a named primary key").isEqualTo(1);
		assertThat(back.underPrimary(old)).isTrue();
	}

	@Test
	void aValueFromBeforeKeyIdsWhoseRandomNonceBeginsLikeAKeyIdStillOpens() {
		DataSealing ring = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(), null, DATA_KEY);
		byte[] nonce = { 0x01, 0, 0, 0, 1, 7, 7, 7, 7, 7, 7, 7 };

		byte[] legacy = LegacySealing.seal(DATA_KEY, ID_NUMBER, nonce);

		assertThat(ring.underPrimary(legacy)).as("it looks like key 1's, by chance").isTrue();
		assertThat(ring.open(legacy, CONTEXT)).isEqualTo(ID_NUMBER);
	}

	@Test
	void sm4GcmSealsInTheStandardGcmLayoutAndReadsTheAesValuesOfBefore() throws Exception {
		byte[] sm4Key = random(16);
		DataSealing aes = DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(), null, DATA_KEY);
		byte[] beforeTheSwitch = aes.seal(ID_NUMBER, CONTEXT);

		DataSealing sm4 = DataSealing.of(SealingAlgorithm.SM4_GCM, Map.of(3, sm4Key), null, DATA_KEY);
		byte[] sealed = sm4.seal(ID_NUMBER, CONTEXT);

		assertThat(sm4.primaryKeyId()).isEqualTo(3);
		assertThat(sm4.keyIds()).containsExactly(1, 3);
		assertThat(Arrays.copyOf(sealed, 5)).containsExactly(0x53, 0, 0, 0, 3);
		assertThat(sm4.open(sealed, CONTEXT)).isEqualTo(ID_NUMBER);
		assertThat(sm4.open(beforeTheSwitch, CONTEXT)).isEqualTo(ID_NUMBER);
		assertThat(sm4.underPrimary(beforeTheSwitch)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> sm4.open(sealed, CONTEXT + "x"));

		// an independent SM4-GCM (BouncyCastle's JCE provider) opens it: the layout is prefix | nonce | text | tag
		Security.addProvider(new BouncyCastleProvider());
		Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", BouncyCastleProvider.PROVIDER_NAME);
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sm4Key, "SM4"), new GCMParameterSpec(128, sealed, 5, 12));
		cipher.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));
		assertThat(cipher.doFinal(sealed, 17, sealed.length - 17)).isEqualTo(ID_NUMBER);
	}

	@Test
	void searchHashesAreHmacSha256OrHmacSm3() throws Exception {
		byte[] key = "key".getBytes(StandardCharsets.UTF_8);
		// RFC 4231-style check against the JDK's own HMAC-SHA256
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		assertThat(SealingAlgorithm.AES_GCM.mac(key, ID_NUMBER)).isEqualTo(mac.doFinal(ID_NUMBER));
		// SM3 of "abc" is the GB/T 32905 example; HMAC-SM3 is RFC 2104 over it, as BouncyCastle's JCE computes it
		SM3Digest sm3 = new SM3Digest();
		sm3.update("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
		byte[] digest = new byte[32];
		sm3.doFinal(digest, 0);
		assertThat(HexFormat.of().formatHex(digest))
			.isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
		Security.addProvider(new BouncyCastleProvider());
		javax.crypto.Mac hmacSm3 = javax.crypto.Mac.getInstance("HMACSM3", BouncyCastleProvider.PROVIDER_NAME);
		hmacSm3.init(new SecretKeySpec(key, "HMACSM3"));
		assertThat(SealingAlgorithm.SM4_GCM.mac(key, ID_NUMBER)).hasSize(32).isEqualTo(hmacSm3.doFinal(ID_NUMBER));
	}

	@Test
	void refusesKeysThatCannotWork() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(2, random(16)), null, DATA_KEY))
			.withMessageContaining("zhizhi.crypto.keys.2 must be 32 bytes");
		assertThatIllegalStateException()
			.isThrownBy(() -> DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(2, KEY_2), 5, DATA_KEY))
			.withMessageContaining("primary-key=5");
		assertThatIllegalStateException()
			.isThrownBy(() -> DataSealing.of(SealingAlgorithm.SM4_GCM, Map.of(), null, DATA_KEY))
			.withMessageContaining("SM4_GCM keys");
		assertThatIllegalStateException()
			.isThrownBy(() -> DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(), null, null))
			.withMessageContaining("ZHIZHI_PEOPLE_DATA_KEY");
		assertThatIllegalStateException()
			.isThrownBy(() -> DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(0, KEY_2), null, DATA_KEY))
			.withMessageContaining("positive");
		assertThatIllegalStateException()
			.isThrownBy(() -> DataSealing.of(SealingAlgorithm.SM4_GCM, Map.of(3, random(16)), 1, DATA_KEY))
			.as("key 1 is AES: an SM4 installation seals under an SM4 key")
			.withMessageContaining("names no SM4_GCM key");
	}

	@Test
	void thePropertiesNeverPrintAKey() {
		CryptoProperties properties = new CryptoProperties(SealingAlgorithm.AES_GCM, Map.of(2, "c2VjcmV0"), 2);
		assertThat(properties.toString()).doesNotContain("c2VjcmV0").contains("[2]");
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}
}

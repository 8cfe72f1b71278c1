package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.crypto.DataSealing;
import org.zhizhi.shared.crypto.LegacySealing;
import org.zhizhi.shared.crypto.SealingAlgorithm;

/** Issue 11: TOTP secrets are sealed under a key id and bound to their account; secrets enrolled before still open. */
class TwoFactorCipherTests {

	private static final byte[] DATA_KEY = new byte[32];

	static {
		new SecureRandom().nextBytes(DATA_KEY);
	}

	private final TwoFactorCipher cipher = new TwoFactorCipher(
			DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(), null, DATA_KEY),
			Base64.getEncoder().encodeToString(DATA_KEY), null);

	@Test
	void sealsASecretForItsAccountOnly() {
		byte[] secret = "20 bytes of a secret".getBytes(StandardCharsets.UTF_8);
		UUID account = UUID.randomUUID();

		byte[] sealed = cipher.encrypt(secret, account);

		assertThat(Arrays.copyOf(sealed, 5)).containsExactly(0x01, 0, 0, 0, 1);
		assertThat(cipher.decrypt(sealed, account)).isEqualTo(secret);
		assertThatIllegalStateException().as("copied to another account")
			.isThrownBy(() -> cipher.decrypt(sealed, UUID.randomUUID()));
	}

	@Test
	void opensASecretEnrolledBeforeKeyIds() throws Exception {
		byte[] secret = "20 bytes of a secret".getBytes(StandardCharsets.UTF_8);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(DATA_KEY, "HmacSHA256"));
		byte[] oldKey = mac.doFinal("zhizhi.identity.two-factor".getBytes(StandardCharsets.UTF_8));

		assertThat(cipher.decrypt(LegacySealing.seal(oldKey, secret), UUID.randomUUID())).isEqualTo(secret);
		assertThatIllegalStateException().as("not under the data key itself")
			.isThrownBy(() -> cipher.decrypt(LegacySealing.seal(DATA_KEY, secret), UUID.randomUUID()));
	}
}

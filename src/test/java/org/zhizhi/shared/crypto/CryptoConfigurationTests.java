package org.zhizhi.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The ring as an operator configures it: nothing but the data key, then a second key by id, then SM4. */
class CryptoConfigurationTests {

	private static final String DATA_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(CryptoConfiguration.class)
		.withPropertyValues("zhizhi.people.data-key=" + DATA_KEY);

	@Test
	void theDataKeyAloneIsKeyOneOfAesGcm() {
		runner.run(context -> {
			DataSealing ring = context.getBean(DataSealing.class);
			assertThat(ring.algorithm()).isEqualTo(SealingAlgorithm.AES_GCM);
			assertThat(ring.keyIds()).containsExactly(1);
			assertThat(ring.primaryKeyId()).isEqualTo(1);
		});
	}

	@Test
	void aKeyAddedByIdBecomesPrimaryUnlessAnotherIsNamed() {
		String key2 = Base64.getEncoder().encodeToString(new byte[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
				2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 });
		runner.withPropertyValues("zhizhi.crypto.keys.2=" + key2)
			.run(context -> assertThat(context.getBean(DataSealing.class).primaryKeyId()).isEqualTo(2));
		runner.withPropertyValues("zhizhi.crypto.keys.2=" + key2, "zhizhi.crypto.primary-key=1")
			.run(context -> assertThat(context.getBean(DataSealing.class).primaryKeyId()).isEqualTo(1));
	}

	@Test
	void sm4NeedsItsOwnKeysAndSaysSo() {
		runner.withPropertyValues("zhizhi.crypto.algorithm=SM4_GCM")
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("SM4_GCM keys"));
		runner.withPropertyValues("zhizhi.crypto.algorithm=SM4_GCM",
				"zhizhi.crypto.keys.3=" + Base64.getEncoder().encodeToString(new byte[16]))
			.run(context -> {
				DataSealing ring = context.getBean(DataSealing.class);
				assertThat(ring.algorithm()).isEqualTo(SealingAlgorithm.SM4_GCM);
				assertThat(ring.keyIds()).containsExactly(1, 3);
				assertThat(ring.primaryKeyId()).isEqualTo(3);
			});
	}
}

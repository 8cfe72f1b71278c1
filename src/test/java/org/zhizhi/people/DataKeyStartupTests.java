package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zhizhi.shared.DemoMode;
import org.zhizhi.shared.crypto.DataSealing;
import org.zhizhi.shared.crypto.SealingAlgorithm;

/**
 * Issue 11: outside demo mode a missing {@code ZHIZHI_PEOPLE_DATA_KEY} used to fall back on the public demo key with
 * a log warning. The platform now refuses to start, saying what to set.
 */
class DataKeyStartupTests {

	private static final String REAL_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PersonalDataCipher.class)
		.withBean(DataSealing.class, () -> DataSealing.of(SealingAlgorithm.AES_GCM, Map.of(), null, new byte[32]));

	@Test
	void refusesToStartOnAnExternalDatabaseWithTheDemoKey() {
		runner.withBean(DemoMode.class, () -> new DemoMode(false))
			.withPropertyValues("zhizhi.people.data-key=" + PersonalDataCipher.DEV_KEY)
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("PUBLIC DEMO KEY")
				.hasMessageContaining("ZHIZHI_PEOPLE_DATA_KEY"));
	}

	@Test
	void startsWithItsOwnKeyOrInDemoMode() {
		runner.withBean(DemoMode.class, () -> new DemoMode(false))
			.withPropertyValues("zhizhi.people.data-key=" + REAL_KEY)
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(PersonalDataCipher.class));
		runner.withBean(DemoMode.class, () -> new DemoMode(true))
			.withPropertyValues("zhizhi.people.data-key=" + PersonalDataCipher.DEV_KEY)
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(PersonalDataCipher.class));
	}

	@Test
	void theCheckItselfNamesTheVariableToSet() {
		assertThatIllegalStateException()
			.isThrownBy(() -> PersonalDataCipher.refuseDemoKeyOutsideDemo(" " + PersonalDataCipher.DEV_KEY + "\n",
					new DemoMode(false)))
			.withMessageContaining("openssl rand -base64 32");
		assertThat(PersonalDataCipher.refuseDemoKeyOutsideDemo(REAL_KEY, new DemoMode(false))).isEqualTo(REAL_KEY);
	}
}

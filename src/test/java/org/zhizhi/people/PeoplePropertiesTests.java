package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PeoplePropertiesTests {

	@EnableConfigurationProperties(PeopleProperties.class)
	static class Config {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void bindsTheKeysAndNeverPrintsThem() {
		runner.withPropertyValues("zhizhi.people.data-key=" + PersonalDataCipher.DEV_KEY).run(context -> {
			PeopleProperties keys = context.getBean(PeopleProperties.class);
			assertThat(keys.dataKey()).isEqualTo(PersonalDataCipher.DEV_KEY);
			assertThat(keys.hashKey()).isEmpty();
			assertThat(keys.toString()).doesNotContain(PersonalDataCipher.DEV_KEY);
		});
		runner.withPropertyValues("zhizhi.people.data-key=" + PersonalDataCipher.DEV_KEY, "zhizhi.people.hash-key=")
			.run(context -> assertThat(context.getBean(PeopleProperties.class).hashKey()).isEmpty());
	}

	@Test
	void aMissingDataKeyStopsTheStart() {
		runner.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("dataKey"));
	}
}

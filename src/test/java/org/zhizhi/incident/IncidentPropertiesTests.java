package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The names and defaults the {@code @Value}s had, and a radius that is not positive stops the start-up. */
class IncidentPropertiesTests {

	@EnableConfigurationProperties(IncidentProperties.class)
	static class Config {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaults() {
		runner.run(context -> assertThat(context.getBean(IncidentProperties.class))
			.isEqualTo(new IncidentProperties(500, true, true)));
	}

	@Test
	void bindsTheSameNames() {
		runner.withPropertyValues("zhizhi.incident.check-in-radius-m=120.5",
				"zhizhi.incident.check-in-photo-required=false", "zhizhi.incident.resolve-photo-required=false")
			.run(context -> assertThat(context.getBean(IncidentProperties.class))
				.isEqualTo(new IncidentProperties(120.5, false, false)));
	}

	@Test
	void aRadiusOfZeroStopsTheStart() {
		runner.withPropertyValues("zhizhi.incident.check-in-radius-m=0")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("zhizhi.incident")
				.hasMessageContaining("checkInRadiusM")
				.hasMessageContaining("must be greater than 0"));
	}
}

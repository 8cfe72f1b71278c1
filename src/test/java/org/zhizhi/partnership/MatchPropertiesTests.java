package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MatchPropertiesTests {

	@EnableConfigurationProperties(MatchProperties.class)
	static class Config {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaultsAndNames() {
		runner.run(context -> assertThat(context.getBean(MatchProperties.class))
			.isEqualTo(new MatchProperties(10, Duration.ofDays(7))));
		runner.withPropertyValues("zhizhi.partnership.match.distance-km=2.5", "zhizhi.partnership.match.recent=1d")
			.run(context -> assertThat(context.getBean(MatchProperties.class))
				.isEqualTo(new MatchProperties(2.5, Duration.ofDays(1))));
	}

	@Test
	void aDistanceOfZeroStopsTheStart() {
		runner.withPropertyValues("zhizhi.partnership.match.distance-km=0")
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("distanceKm"));
	}
}

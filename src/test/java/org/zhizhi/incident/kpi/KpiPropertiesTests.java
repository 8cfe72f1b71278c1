package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KpiPropertiesTests {

	@EnableConfigurationProperties(KpiProperties.class)
	static class Config {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaultsAndNames() {
		runner.run(context -> assertThat(context.getBean(KpiProperties.class)).isEqualTo(new KpiProperties(true, 5)));
		runner.withPropertyValues("zhizhi.incident.kpi.basic-counts-as-satisfied=false",
				"zhizhi.incident.kpi.min-due-for-ranking=0")
			.run(context -> assertThat(context.getBean(KpiProperties.class)).isEqualTo(new KpiProperties(false, 0)));
	}

	@Test
	void aNegativeMinimumStopsTheStart() {
		runner.withPropertyValues("zhizhi.incident.kpi.min-due-for-ranking=-1")
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("minDueForRanking"));
	}
}

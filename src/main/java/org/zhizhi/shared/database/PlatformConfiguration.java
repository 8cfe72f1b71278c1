package org.zhizhi.shared.database;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.zhizhi.shared.DemoMode;
import org.zhizhi.shared.PlatformZone;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** Demo mode follows the database unless told otherwise: on for the embedded one, off for an external one. */
	@Bean
	DemoMode demoMode(Environment environment) {
		Boolean explicit = environment.getProperty("zhizhi.demo.enabled", Boolean.class);
		boolean external = !environment.getProperty("spring.datasource.url", "").isBlank();
		return new DemoMode(explicit != null ? explicit : !external);
	}

	/** One clock for every module, so that tests can fix "now". */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** One zone for every module's local dates and times ({@code zhizhi.zone}); the clock itself stays in UTC. */
	@Bean
	ZoneId zone(Environment environment) {
		return ZoneId.of(environment.getProperty("zhizhi.zone", PlatformZone.DEFAULT.getId()));
	}
}

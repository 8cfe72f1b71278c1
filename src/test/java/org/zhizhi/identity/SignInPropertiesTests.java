package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SignInPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(IdentityConfiguration.class);

	@Test
	void defaultsAndNames() {
		runner.run(context -> assertThat(context.getBean(SignInProperties.class))
			.isEqualTo(new SignInProperties(5, Duration.ofMinutes(15), Duration.ofHours(8), Duration.ofHours(12))));
		runner.withPropertyValues("zhizhi.security.max-failed-logins=3", "zhizhi.security.lock-duration=1h",
				"zhizhi.security.token-ttl=30m", "zhizhi.security.session-max-lifetime=9h")
			.run(context -> assertThat(context.getBean(SignInProperties.class))
				.isEqualTo(new SignInProperties(3, Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofHours(9))));
	}

	@Test
	void outOfRangeStopsTheStart() {
		runner.withPropertyValues("zhizhi.security.max-failed-logins=0")
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("maxFailedLogins"));
		runner.withPropertyValues("zhizhi.security.token-ttl=0s")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenTtl")
				.hasMessageContaining("must be positive"));
		runner.withPropertyValues("zhizhi.security.session-max-lifetime=0s")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("sessionMaxLifetime"));
	}
}

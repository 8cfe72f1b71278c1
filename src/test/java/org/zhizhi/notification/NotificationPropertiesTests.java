package org.zhizhi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zhizhi.notification.NotificationProperties.BackoffProperties;

class NotificationPropertiesTests {

	@EnableConfigurationProperties(NotificationProperties.class)
	static class Config {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaults() {
		runner.run(context -> assertThat(context.getBean(NotificationProperties.class))
			.isEqualTo(new NotificationProperties(List.of("log"), Duration.ofSeconds(5), 20, Duration.ofMinutes(2),
					new BackoffProperties(Duration.ofSeconds(30), Duration.ofHours(1)))));
	}

	@Test
	void bindsTheSameNames() {
		runner.withPropertyValues("zhizhi.notification.channels=log, sms", "zhizhi.notification.poll-interval=1s",
				"zhizhi.notification.batch-size=7", "zhizhi.notification.lease=5m",
				"zhizhi.notification.backoff.base=10s", "zhizhi.notification.backoff.cap=2h")
			.run(context -> assertThat(context.getBean(NotificationProperties.class))
				.isEqualTo(new NotificationProperties(List.of("log", "sms"), Duration.ofSeconds(1), 7,
						Duration.ofMinutes(5), new BackoffProperties(Duration.ofSeconds(10), Duration.ofHours(2)))));
	}

	@Test
	void noChannelsButTheInbox() {
		runner.withPropertyValues("zhizhi.notification.channels=")
			.run(context -> assertThat(context.getBean(NotificationProperties.class).channels()).isEmpty());
	}

	@Test
	void outOfRangeStopsTheStart() {
		runner.withPropertyValues("zhizhi.notification.batch-size=0")
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("batchSize"));
		runner.withPropertyValues("zhizhi.notification.backoff.base=0s")
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("backoff.base"));
	}
}

package org.zhizhi.shared.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Events between modules: an {@code @ApplicationModuleListener} is {@code @Async}, which does nothing without
 * {@code @EnableAsync} — the listener would then run on the publisher's thread after its commit, and a slow reaction
 * would hold up the answer to the step that caused it. With it, each reaction runs on its own (virtual) thread, in its
 * own transaction, while the event publication registry keeps the event until the reaction has succeeded.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
@EnableConfigurationProperties(EventsConfiguration.RetryProperties.class)
class EventsConfiguration {

	/**
	 * How failed publications are retried while the application runs (a restart retries every incomplete one).
	 * @param retryInterval how often to look for failed publications
	 * @param retryMinAge how old a failed publication must be before it is tried again: a failure is rarely cured in
	 * seconds, and a publication still being handled must not be handed out a second time
	 */
	@ConfigurationProperties("zhizhi.events")
	record RetryProperties(Duration retryInterval, Duration retryMinAge) {

		RetryProperties {
			retryInterval = retryInterval == null ? Duration.ofMinutes(5) : retryInterval;
			retryMinAge = retryMinAge == null ? Duration.ofMinutes(5) : retryMinAge;
		}
	}
}

package org.zhizhi.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.zhizhi.notification.persistence.JdbcNotifications;

/**
 * The outbox dispatcher and its schedule. The dispatcher bean always exists (tests call it directly); the schedule
 * runs it every {@code zhizhi.notification.poll-interval} unless {@code zhizhi.notification.dispatcher.enabled} is
 * false, as in the tests, which would otherwise race it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class DispatchConfiguration {

	/** Closed as the application stops, before the database it gives its lease back to (it depends on it). */
	@Bean(destroyMethod = "close")
	OutboxDispatcher outboxDispatcher(JdbcNotifications store, List<NotificationChannel> channels, Clock clock,
			NotificationProperties settings) {
		return new OutboxDispatcher(store, channels, clock, settings.backoff().toBackoff(), settings.lease(),
				settings.batchSize());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(name = "zhizhi.notification.dispatcher.enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule implements SchedulingConfigurer {

		private final OutboxDispatcher dispatcher;

		private final Duration interval;

		Schedule(OutboxDispatcher dispatcher, NotificationProperties settings) {
			this.dispatcher = dispatcher;
			this.interval = settings.pollInterval();
		}

		@Override
		public void configureTasks(ScheduledTaskRegistrar registrar) {
			registrar.addFixedDelayTask(dispatcher::dispatch, interval);
		}
	}
}

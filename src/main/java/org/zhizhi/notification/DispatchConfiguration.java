package org.zhizhi.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
class DispatchConfiguration {

	@Bean
	OutboxDispatcher outboxDispatcher(JdbcNotifications store, List<NotificationChannel> channels, Clock clock,
			@Value("${zhizhi.notification.backoff.base:30s}") Duration base,
			@Value("${zhizhi.notification.backoff.cap:1h}") Duration cap,
			@Value("${zhizhi.notification.lease:2m}") Duration lease,
			@Value("${zhizhi.notification.batch-size:20}") int batchSize) {
		return new OutboxDispatcher(store, channels, clock, new Backoff(base, cap), lease, batchSize);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(name = "zhizhi.notification.dispatcher.enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule implements SchedulingConfigurer {

		private final OutboxDispatcher dispatcher;

		private final Duration interval;

		Schedule(OutboxDispatcher dispatcher,
				@Value("${zhizhi.notification.poll-interval:5s}") Duration interval) {
			this.dispatcher = dispatcher;
			this.interval = interval;
		}

		@Override
		public void configureTasks(ScheduledTaskRegistrar registrar) {
			registrar.addFixedDelayTask(dispatcher::dispatch, interval);
		}
	}
}

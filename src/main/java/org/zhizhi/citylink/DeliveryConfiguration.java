package org.zhizhi.citylink;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.zhizhi.citylink.persistence.JdbcDeliveries;

/**
 * The delivery worker and its schedule. The worker bean always exists (tests run it directly); the schedule runs it
 * every {@code zhizhi.citylink.poll-interval} on every node — the leases keep the nodes apart, and more nodes send
 * more — unless {@code zhizhi.citylink.dispatcher.enabled} is false, as in the tests, which would otherwise race it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CitylinkProperties.class)
class DeliveryConfiguration {

	@Bean(destroyMethod = "close")
	DeliveryWorker citylinkDeliveryWorker(JdbcDeliveries store, CitylinkSeal seal, Clock clock,
			CitylinkProperties settings) {
		return new DeliveryWorker(store, seal, clock, settings);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(name = "zhizhi.citylink.dispatcher.enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule implements SchedulingConfigurer {

		private final DeliveryWorker worker;

		private final CitylinkProperties settings;

		Schedule(DeliveryWorker worker, CitylinkProperties settings) {
			this.worker = worker;
			this.settings = settings;
		}

		@Override
		public void configureTasks(ScheduledTaskRegistrar registrar) {
			registrar.addFixedDelayTask(worker::run, settings.pollInterval());
		}
	}
}

package org.zhizhi.notification;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.zhizhi.notification.persistence.JdbcNotifications;

/**
 * Every hour (zhizhi.notification.outbox-cleanup-interval), deletes the outbox rows delivered longer ago than the
 * retention (zhizhi.notification.outbox-retention, 30 days): one row per message and channel, so without this the
 * outbox grows with every notice forever. Undelivered rows stay whatever their age — the dispatcher still owes them.
 * Deleted in batches, each its own statement, so that a long backlog never holds one long transaction. Runs whether or
 * not this instance dispatches: the clean-up is harmless to run twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OutboxRetentionProperties.class)
class OutboxRetention implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

	static final int BATCH = 1_000;

	private final JdbcNotifications store;

	private final OutboxRetentionProperties properties;

	private final Clock clock;

	OutboxRetention(JdbcNotifications store, OutboxRetentionProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(() -> run(clock.instant(), BATCH),
				properties.outboxCleanupInterval(), properties.outboxCleanupInterval()));
	}

	/** One clean-up at the given moment, in batches of {@code batch}; answers how many rows went. */
	int run(Instant now, int batch) {
		Instant cutoff = now.minus(properties.outboxRetention());
		int total = 0;
		int deleted;
		do {
			deleted = store.deleteDeliveredBefore(cutoff, batch);
			total += deleted;
		}
		while (deleted == batch);
		if (total > 0) {
			log.info("Deleted {} delivered outbox rows delivered before {}", total, cutoff);
		}
		return total;
	}
}

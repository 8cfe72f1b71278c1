package org.zhizhi.incident;

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
import org.zhizhi.incident.persistence.JdbcIdempotencyKeys;

/**
 * Every hour (zhizhi.incident.idempotency-cleanup-interval), deletes the submissions' idempotency keys older than the
 * retention (zhizhi.incident.idempotency-retention, a week): a client resends a report within minutes, not weeks, and
 * without this the table grows by one row per report forever. Deleted in batches, each its own statement, so that a
 * long backlog never holds one long transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(IdempotencyRetentionProperties.class)
class IdempotencyKeyRetention implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyRetention.class);

	static final int BATCH = 1_000;

	private final JdbcIdempotencyKeys keys;

	private final IdempotencyRetentionProperties properties;

	private final Clock clock;

	IdempotencyKeyRetention(JdbcIdempotencyKeys keys, IdempotencyRetentionProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(() -> run(clock.instant(), BATCH),
				properties.idempotencyCleanupInterval(), properties.idempotencyCleanupInterval()));
	}

	/** One clean-up at the given moment, in batches of {@code batch}; answers how many keys went. */
	int run(Instant now, int batch) {
		Instant cutoff = now.minus(properties.idempotencyRetention());
		int total = 0;
		int deleted;
		do {
			deleted = keys.deleteCreatedBefore(cutoff, batch);
			total += deleted;
		}
		while (deleted == batch);
		if (total > 0) {
			log.info("Deleted {} idempotency keys created before {}", total, cutoff);
		}
		return total;
	}
}

package org.zhizhi.citylink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.citylink.persistence.JdbcDeliveries;
import org.zhizhi.shared.scheduling.ClusterSchedules;

/**
 * Keeps the delivery log to its retention ({@code zhizhi.citylink.keep-deliveries}, 90 days): every event of every
 * district is written once and delivered to each subscriber, so without it the log grows with every incident step
 * for ever. Only settled deliveries go — a pending one is kept however old, so that a paused subscriber still gets
 * everything on 恢复 — then the events no delivery names any more. In batches, each its own transaction, so a sweep
 * never holds many rows locked while the workers and the desk use the table.
 */
@Component
class FeedRetention {

	private static final Logger log = LoggerFactory.getLogger(FeedRetention.class);

	static final int BATCH = 2_000;

	/** Batches a pass takes at most, so that a pass ends; what is left goes in the next. */
	static final int MAX_BATCHES = 50;

	private final JdbcDeliveries deliveries;

	private final TransactionTemplate transactions;

	private final ClusterSchedules schedules;

	private final Clock clock;

	private final Duration keep;

	FeedRetention(JdbcDeliveries deliveries, PlatformTransactionManager transactions, ClusterSchedules schedules,
			Clock clock, CitylinkProperties settings) {
		this.deliveries = deliveries;
		this.transactions = new TransactionTemplate(transactions);
		this.schedules = schedules;
		this.clock = clock;
		this.keep = settings.keepDeliveries();
	}

	@Scheduled(fixedDelayString = "${zhizhi.citylink.retention-interval:6h}",
			initialDelayString = "${zhizhi.citylink.retention-interval:6h}")
	void scheduled() {
		// once across nodes: two sweeps would only skip each other's locked rows, but one is enough
		schedules.runOnce("citylink.retention", Duration.ofMinutes(30), () -> run(clock.instant()));
	}

	/** One pass at the given moment; answers how many deliveries and events it removed. */
	Removed run(Instant now) {
		Instant cutoff = now.minus(keep);
		int removedDeliveries = 0;
		for (int batch = 0; batch < MAX_BATCHES; batch++) {
			Integer removed = transactions.execute(status -> {
				List<UUID> ids = deliveries.settledBefore(cutoff, BATCH);
				return deliveries.delete(ids);
			});
			removedDeliveries += removed;
			if (removed < BATCH) {
				break;
			}
		}
		int removedEvents = 0;
		for (int batch = 0; batch < MAX_BATCHES; batch++) {
			Integer removed = transactions.execute(status -> deliveries.deleteUnreferencedEventsBefore(cutoff, BATCH));
			removedEvents += removed;
			if (removed < BATCH) {
				break;
			}
		}
		if (removedDeliveries + removedEvents > 0) {
			log.info("citylink retention: removed {} deliveries and {} events settled before {}", removedDeliveries,
					removedEvents, cutoff);
		}
		return new Removed(removedDeliveries, removedEvents);
	}

	record Removed(int deliveries, int events) {
	}
}

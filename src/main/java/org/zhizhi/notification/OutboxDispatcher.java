package org.zhizhi.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhizhi.notification.persistence.JdbcNotifications;

/**
 * Drains the outbox: claims due rows in small batches, hands each to its channel, and records the delivery or
 * schedules the next attempt with exponential backoff. Nothing is held open while a channel works — the claim is
 * one committed statement that leases the rows — so any number of dispatchers (threads or nodes) may run at once,
 * and rows whose dispatcher died are delivered once their lease has run out.
 */
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	static final int MAX_ERROR = 500;

	/** Batches a single run takes at most, so that one run ends even while new rows keep arriving. */
	static final int MAX_BATCHES_PER_RUN = 50;

	private final JdbcNotifications store;

	private final Map<String, NotificationChannel> channels = new LinkedHashMap<>();

	private final Clock clock;

	private final Backoff backoff;

	private final Duration lease;

	private final int batchSize;

	OutboxDispatcher(JdbcNotifications store, List<NotificationChannel> channels, Clock clock, Backoff backoff,
			Duration lease, int batchSize) {
		if (batchSize < 1 || lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("a dispatcher needs a positive batch size and lease");
		}
		this.store = store;
		channels.forEach(channel -> this.channels.put(channel.name(), channel));
		this.clock = clock;
		this.backoff = backoff;
		this.lease = lease;
		this.batchSize = batchSize;
	}

	/**
	 * One run: claims and delivers due rows of the installed channels, batch by batch, until none is due. Rows of a
	 * channel that is not installed (an adapter removed from the configuration) are left waiting, not lost.
	 *
	 * @return how many rows this run delivered
	 */
	int dispatch() {
		int delivered = 0;
		for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
			Instant now = clock.instant();
			List<OutboxMessage> claimed = store.claim(channels.keySet(), now, now.plus(lease), batchSize);
			List<UUID> done = new ArrayList<>();
			for (OutboxMessage message : claimed) {
				if (deliver(message)) {
					done.add(message.id());
				}
			}
			// marked together once the batch is through; a crash before it delivers the batch again (at least once)
			store.delivered(done, clock.instant());
			delivered += done.size();
			if (claimed.size() < batchSize) {
				break;
			}
		}
		return delivered;
	}

	private boolean deliver(OutboxMessage message) {
		try {
			channels.get(message.channel()).deliver(message);
		}
		catch (Exception e) {
			Instant next = clock.instant().plus(backoff.delayAfter(message.attempts()));
			log.warn("Delivery of outbox row {} on {} failed (attempt {}), next attempt at {}: {}", message.id(),
					message.channel(), message.attempts(), next, e.toString());
			store.failed(message.id(), message.attempts(), next, describe(e));
			return false;
		}
		return true;
	}

	private static String describe(Throwable e) {
		String text = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
		return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
	}
}

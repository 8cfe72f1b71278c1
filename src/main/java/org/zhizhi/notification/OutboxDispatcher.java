package org.zhizhi.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhizhi.notification.persistence.JdbcNotifications;

/**
 * Drains the outbox: claims due rows in small batches, hands each to its channel, and records the delivery or
 * schedules the next attempt with exponential backoff. Nothing is held open while a channel works — the claim is
 * one committed statement that leases the rows — so any number of dispatchers (threads or nodes) may run at once,
 * and rows whose dispatcher died are delivered once their lease has run out. One that is stopped ({@link #close}) does
 * not make the others wait that long: it finishes the message in hand and gives the rest of its lease back.
 */
class OutboxDispatcher implements AutoCloseable {

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

	/** How long {@link #close} waits for a run in progress to finish the message in hand. */
	private final Duration patience;

	/** Rows claimed and not yet recorded, with the attempt their claim counted: the lease this dispatcher holds. */
	private final Map<UUID, Integer> held = new ConcurrentHashMap<>();

	/** Runs hold it shared; {@link #close} takes it alone, so it knows when no run is left. */
	private final ReadWriteLock runs = new ReentrantReadWriteLock();

	private volatile boolean stopping;

	OutboxDispatcher(JdbcNotifications store, List<NotificationChannel> channels, Clock clock, Backoff backoff,
			Duration lease, int batchSize) {
		this(store, channels, clock, backoff, lease, batchSize, Duration.ofSeconds(10));
	}

	OutboxDispatcher(JdbcNotifications store, List<NotificationChannel> channels, Clock clock, Backoff backoff,
			Duration lease, int batchSize, Duration patience) {
		if (batchSize < 1 || lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("a dispatcher needs a positive batch size and lease");
		}
		this.store = store;
		channels.forEach(channel -> this.channels.put(channel.name(), channel));
		this.clock = clock;
		this.backoff = backoff;
		this.lease = lease;
		this.batchSize = batchSize;
		this.patience = patience;
	}

	/**
	 * One run: claims and delivers due rows of the installed channels, batch by batch, until none is due. Rows of a
	 * channel that is not installed (an adapter removed from the configuration) are left waiting, not lost.
	 *
	 * @return how many rows this run delivered
	 */
	int dispatch() {
		if (stopping || !runs.readLock().tryLock()) {
			return 0;
		}
		try {
			return run();
		}
		finally {
			runs.readLock().unlock();
		}
	}

	private int run() {
		int delivered = 0;
		for (int batch = 0; batch < MAX_BATCHES_PER_RUN && !stopping; batch++) {
			Instant now = clock.instant();
			List<OutboxMessage> claimed = store.claim(channels.keySet(), now, now.plus(lease), batchSize);
			claimed.forEach(message -> held.put(message.id(), message.attempts()));
			List<UUID> done = new ArrayList<>();
			for (OutboxMessage message : claimed) {
				if (stopping) {
					break;
				}
				if (deliver(message)) {
					done.add(message.id());
				}
				else {
					held.remove(message.id());
				}
			}
			// marked together once the batch is through; a crash before it delivers the batch again (at least once)
			store.delivered(done, clock.instant());
			done.forEach(held::remove);
			delivered += done.size();
			if (claimed.size() < batchSize) {
				break;
			}
		}
		giveBackIfStopping();
		return delivered;
	}

	/**
	 * Stops this dispatcher: no further claim, the message in hand is finished (for at most the patience), and every
	 * row still leased to it is due again at once, its unused attempt not counted — so another node delivers it now
	 * rather than when the lease would have run out. Called as the application stops, before the database goes.
	 */
	@Override
	public void close() {
		stopping = true;
		boolean idle = false;
		try {
			idle = runs.writeLock().tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		try {
			// a run still in a channel after the patience keeps its message; its lease goes back all the same, and
			// should that message be delivered twice, the outbox promised at least once
			giveBackIfStopping();
		}
		finally {
			if (idle) {
				runs.writeLock().unlock();
			}
		}
	}

	/** Whether {@link #close} has begun (for tests that stop a dispatcher in the middle of a run). */
	boolean isStopping() {
		return stopping;
	}

	private void giveBackIfStopping() {
		if (!stopping || held.isEmpty()) {
			return;
		}
		Map<UUID, Integer> leased = Map.copyOf(held);
		int released = store.release(leased, clock.instant());
		leased.keySet().forEach(held::remove);
		log.info("Stopping: gave back the lease of {} outbox rows", released);
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

package org.zhizhi.shared.crypto;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every sealed value to the primary key (密钥轮换): each module's {@link SealedValues} a batch at a time, each
 * batch its own short transaction, so that residents stay editable while it runs and a stop loses at most one batch
 * (it is simply run again). Two nodes running at once share the work ({@code SKIP LOCKED}); the progress shown is
 * counted in the database, so every node shows the same figures, and the run itself is this node's.
 */
@Component
public class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	static final int BATCH = 200;

	/** How far the values of one place have moved. */
	public record Progress(String label, long total, long underPrimary) {

		public long remaining() {
			return total - underPrimary;
		}
	}

	/** A run on this node: who started it, when, how many rows it moved, and how it ended. */
	public record Run(String startedBy, Instant startedAt, Instant finishedAt, long moved, String failure) {

		public boolean running() {
			return finishedAt == null;
		}
	}

	/** What the 密钥轮换 page and API show: the ring (ids only), the progress per place, the last run here. */
	public record Status(SealingAlgorithm algorithm, int primaryKeyId, SortedSet<Integer> keyIds,
			List<Progress> progress, Run lastRun) {

		public long remaining() {
			return progress.stream().mapToLong(Progress::remaining).sum();
		}
	}

	private final DataSealing sealing;

	private final List<SealedValues> places;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AtomicReference<Run> lastRun = new AtomicReference<>();

	KeyRotation(DataSealing sealing, List<SealedValues> places, PlatformTransactionManager transactions,
			Clock clock) {
		this.sealing = sealing;
		this.places = places;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	public Status status() {
		List<Progress> progress = places.stream().map(place -> {
			SealedValues.Count count = transactions.execute(tx -> place.count(sealing));
			return new Progress(place.label(), count.total(), count.underPrimary());
		}).toList();
		return new Status(sealing.algorithm(), sealing.primaryKeyId(), sealing.keyIds(), progress, lastRun.get());
	}

	/**
	 * Starts moving every value to the primary key in the background.
	 * @return false if a run of this node is still going
	 */
	public boolean start(String startedBy) {
		Run run = new Run(startedBy, clock.instant(), null, 0, null);
		Run previous = lastRun.get();
		if (previous != null && previous.running() || !lastRun.compareAndSet(previous, run)) {
			return false;
		}
		Thread.ofVirtual().name("key-rotation").start(() -> runToEnd(run));
		return true;
	}

	/** Moves every value now, on this thread; what {@link #start} runs in the background. */
	public long runToEnd(String startedBy) {
		Run run = new Run(startedBy, clock.instant(), null, 0, null);
		lastRun.set(run);
		return runToEnd(run);
	}

	private long runToEnd(Run run) {
		long moved = 0;
		try {
			for (SealedValues place : places) {
				int batch;
				do {
					batch = transactions.execute(tx -> place.moveBatch(sealing, BATCH));
					moved += batch;
					lastRun.set(new Run(run.startedBy(), run.startedAt(), null, moved, null));
				}
				while (batch > 0);
			}
			lastRun.set(new Run(run.startedBy(), run.startedAt(), clock.instant(), moved, null));
			log.info("key rotation: {} row(s) moved to key {}", moved, sealing.primaryKeyId());
		}
		catch (RuntimeException e) {
			log.error("key rotation stopped after {} row(s)", moved, e);
			lastRun.set(new Run(run.startedBy(), run.startedAt(), clock.instant(), moved,
					e.getClass().getSimpleName() + ": " + e.getMessage()));
		}
		return moved;
	}
}

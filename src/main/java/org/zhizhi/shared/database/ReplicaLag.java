package org.zhizhi.shared.database;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far behind the primary the replica is, measured as a reader would feel it. Every heartbeat this node writes its
 * clock into its own row of {@code replica.heartbeat} on the primary and reads that row back from the replica: the
 * beat the replica shows is the newest moment of which a read there is sure to see every write, so the replica's lag
 * is "now" minus that beat, growing by itself between looks. A replica that stops replaying, stops receiving or cannot
 * be reached therefore passes the bound on its own, without a query on the read's path.
 * <p>Why a beat of our own rather than {@code pg_last_xact_replay_timestamp()}: that one stands still while the
 * primary is idle (a quiet night looks like a lagging replica), is not there for logical replication, and compares
 * the clocks of two servers; the beat needs neither traffic nor another clock than this node's own — each node reads
 * only its own row, so the clocks of several nodes are never compared either.
 */
final class ReplicaLag implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ReplicaLag.class);

	/** Rows of nodes that stopped (a restart is a new node) go after a day. */
	private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

	private final UUID node = UUID.randomUUID();

	private final JdbcTemplate primary;

	private final JdbcTemplate replica;

	private final Clock clock;

	private final Duration maxLag;

	private final ScheduledExecutorService beats = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("zhizhi-replica-heartbeat").factory());

	/** The newest beat the replica showed at the last look; null: none yet, or the replica could not be reached. */
	private volatile Instant seen;

	/** What the last look told the log, so that the log says each change once. */
	private volatile Boolean reported;

	private boolean swept;

	ReplicaLag(DataSource primary, DataSource replica, Clock clock, Duration maxLag) {
		this.primary = new JdbcTemplate(primary);
		this.replica = new JdbcTemplate(replica);
		this.clock = clock;
		this.maxLag = maxLag;
	}

	void start(Duration interval) {
		beats.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Whether the replica is at most the bound behind: reads marked for it may go there now. */
	boolean fresh() {
		Instant shown = seen;
		return shown != null && !clock.instant().isAfter(shown.plus(maxLag));
	}

	/** The replica's lag now; empty while it has shown no beat or cannot be reached. */
	Optional<Duration> lag() {
		Instant shown = seen;
		return shown == null ? Optional.empty() : Optional.of(Duration.between(shown, clock.instant()));
	}

	Duration maxLag() {
		return maxLag;
	}

	/** A connection to the replica failed: until a beat is seen there again, reads go to the primary. */
	void unreachable(Exception cause) {
		seen = null;
		report(cause);
	}

	/** One beat: written on the primary, looked for on the replica. Never throws: the schedule must go on. */
	void beat() {
		Instant now = clock.instant();
		try {
			if (!swept) {
				primary.update("DELETE FROM replica.heartbeat WHERE beat < ?", Timestamp.from(now.minus(FORGOTTEN_AFTER)));
				swept = true;
			}
			primary.update("""
					INSERT INTO replica.heartbeat (node, beat) VALUES (?, ?)
					ON CONFLICT (node) DO UPDATE SET beat = excluded.beat""", node, Timestamp.from(now));
		}
		catch (RuntimeException e) {
			// no new beat: the replica's lag grows past the bound by itself, which is right while the primary is away
			log.debug("The replica's heartbeat could not be written on the primary", e);
		}
		try {
			List<Timestamp> shown = replica.queryForList("SELECT beat FROM replica.heartbeat WHERE node = ?",
					Timestamp.class, node);
			if (!shown.isEmpty()) {
				seen = shown.get(0).toInstant();
			}
			report(null);
		}
		catch (RuntimeException e) {
			unreachable(e);
		}
	}

	private void report(Exception cause) {
		boolean fresh = fresh();
		if (reported != null && reported == fresh) {
			return;
		}
		reported = fresh;
		if (fresh) {
			log.info("Reads marked @ReplicaRead go to the replica: it is {} ms behind (bound {})",
					lag().map(Duration::toMillis).orElse(0L), maxLag);
		}
		else if (cause != null) {
			log.warn("Reads marked @ReplicaRead go to the primary: the replica cannot be reached ({})",
					cause.getMessage());
		}
		else {
			log.warn("Reads marked @ReplicaRead go to the primary: the replica is {} behind, the bound is {}",
					lag().map(Duration::toString).orElse("not yet showing this node's heartbeat"), maxLag);
		}
	}

	@Override
	public void close() {
		beats.shutdownNow();
	}
}

package org.zhizhi.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.shared.BeforeCommit;
import org.zhizhi.incident.persistence.JdbcReportBatches;
import org.zhizhi.incident.persistence.JdbcReportBatches.FirstEntry;
import org.zhizhi.incident.persistence.JdbcReportBatches.KeyClaim;
import org.zhizhi.incident.persistence.JdbcReportBatches.NewReport;

/**
 * Writes the reports that come in together in one transaction (issue 16) — a group commit in the application. A
 * report is checked and built on its request's own thread ({@link IncidentManagement}); here it only joins the next
 * group: the group's keys are claimed and its incidents and first timeline entries written in one statement,
 * its events published — so the listeners that keep the KPIs and tell the grid gather the group's reports as well —
 * and the group committed once. Every caller waits until his report is committed, so a 201 means what it meant: the
 * report survives a crash of the app and of PostgreSQL.
 *
 * <p>The request's audit entry (the API's) is written in the group's transaction too, as its last statements: the
 * report and its entry commit together, and the request waits for one commit instead of two.
 *
 * <p>Two writers by default ({@code zhizhi.incident.intake-writers}) and one baton fewer than writers: a writer holds
 * a baton while it takes a group and writes its statements and hands it on just before its commit, so one group's
 * statements are written while the other's commit waits for the disk, and the groups still gather while a group is
 * written instead of being split between the writers. (Two writers without a baton, measured in the second session,
 * split the groups in half and were slower than one.) A group that fails is written again report by report, so that
 * one report the database refuses does not take the others with it. Within
 * a group a key counts once: a second report under the same key is answered after the commit as a replay. The
 * writers are the platform's own work: the request thread has already checked the reporter's scope.
 */
@Component
class ReportIntake implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);

	/** What a write outside the writers' turns hands on before its commit: it holds no baton. */
	private static final Runnable NO_BATON = () -> {
	};

	/** At most this many reports in one transaction. */
	static final int MAX_GROUP = 128;

	/** A report ready to be written: the incident, its first timeline entry, its events and the answer it gets. */
	record Prepared(IncidentView incident, TimelineEntry reported, List<IncidentEvent> events) {
	}

	/** A report waiting for a writer, with its request's audit entry if it is written with the report. */
	private record Pending(UUID actorId, String key, String requestHash, String answer, Prepared report,
			AuditTrail.RequestEntry audit, CompletableFuture<Boolean> written) {

		String claimKey() {
			return actorId + ":" + key;
		}
	}

	/**
	 * The mark of a transaction that writes a group ({@link #writesGroup}), bound to the incidents it writes: the
	 * listeners that tell people take them from here instead of reading back what was just written.
	 */
	private static final Object GROUP = new Object();

	/** The key of a group's claims among what its transaction hands over at its end ({@link BeforeCommit}). */
	private static final Object CLAIMS = new Object();

	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	/**
	 * The batons of the writers, one fewer than there are writers: a baton is held from taking a group until its
	 * statements are done and handed on just before the commit — so that while a commit waits for the disk another
	 * writer already writes the next group, and the groups still gather while a group is written rather than being
	 * split between all the writers. {@link #hold} takes them all: a test that needs a group of known reports (several
	 * in one grid) holds them while they queue.
	 */
	private final Semaphore batons;

	private final int batonCount;

	private final JdbcReportBatches batches;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	/** From a report's queueing to its commit, as its request waits for it. */
	private final Timer waits;

	/** A group's transaction, from its first statement to its commit. */
	private final Timer groupWrites;

	/** Reports per group: the measure of how much the group commit gathers under the load of the moment. */
	private final DistributionSummary groupSizes;

	private final List<Thread> writers;

	private volatile boolean closing;

	ReportIntake(JdbcReportBatches batches, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			AuditTrail audit, Clock clock, MeterRegistry meters,
			@Value("${zhizhi.incident.intake-writers:2}") int writers) {
		this.batches = batches;
		this.transactions = new TransactionTemplate(transactions);
		this.events = events;
		this.audit = audit;
		this.batonCount = Math.max(1, writers - 1);
		this.batons = new Semaphore(batonCount, true);
		this.clock = clock;
		this.waits = Timer.builder("zhizhi.incident.intake.wait")
			.description("a report's wait for its group's commit")
			.register(meters);
		this.groupWrites = Timer.builder("zhizhi.incident.intake.group.write")
			.description("a group's transaction, statements and commit")
			.register(meters);
		this.groupSizes = DistributionSummary.builder("zhizhi.incident.intake.group.size")
			.description("reports written in one transaction")
			.register(meters);
		this.writers = IntStream.range(0, Math.max(1, writers))
			.mapToObj(n -> Thread.ofPlatform().name("zhizhi-intake-" + n).daemon(true).start(this::run))
			.toList();
	}

	/**
	 * Writes the report under the caller's key with the answer it gets, and returns once it is committed: true if
	 * this report claimed the key; false if the key was used before or is being used right now (the caller tells
	 * which from the stored key). With {@code auditedAs} (an HTTP status), a report written by the writers takes the
	 * audit entry of the request that sent it along into its transaction, as answered with that status.
	 */
	boolean write(UUID actorId, String key, String requestHash, String answer, Prepared report,
			Optional<Integer> auditedAs) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			Pending pending = new Pending(actorId, key, requestHash, answer, report, null, new CompletableFuture<>());
			// the caller's own transaction (a phone report with its photo, an Open311 request with its token): the
			// report is part of it, commits or rolls back with it — and the caller holds a connection it must not
			// keep while waiting for a writer that needs one too
			return write(List.of(pending), false, NO_BATON).contains(pending);
		}
		Pending pending = new Pending(actorId, key, requestHash, answer, report,
				auditedAs.flatMap(audit::entryOfThisRequest).orElse(null), new CompletableFuture<>());
		if (closing) {
			return write(List.of(pending), true, NO_BATON).contains(pending);
		}
		long queued = System.nanoTime();
		queue.add(pending);
		try {
			while (true) {
				try {
					boolean claimed = pending.written().get(1, TimeUnit.SECONDS);
					waits.record(System.nanoTime() - queued, TimeUnit.NANOSECONDS);
					return claimed;
				}
				catch (TimeoutException stillQueued) {
					// the writers stopped between the check above and the queueing: nobody else will write it
					if (writers.stream().noneMatch(Thread::isAlive) && queue.remove(pending)) {
						return write(List.of(pending), true, NO_BATON).contains(pending);
					}
				}
			}
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the report was written", e);
		}
	}

	/** Lets no writer take a group until the hold is closed: the reports queued meanwhile are written as one group. */
	Hold hold() {
		batons.acquireUninterruptibly(batonCount);
		return () -> batons.release(batonCount);
	}

	/** How many reports wait for a writer. */
	int queued() {
		return queue.size();
	}

	/** A {@link #hold} on the writers, released by {@link #close}. */
	interface Hold extends AutoCloseable {

		@Override
		void close();
	}

	@Override
	public void destroy() {
		closing = true;
		for (Thread writer : writers) {
			try {
				writer.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void run() {
		List<Pending> group = new ArrayList<>();
		while (!closing || !queue.isEmpty()) {
			Runnable handOn = NO_BATON;
			try {
				batons.acquire();
				AtomicBoolean held = new AtomicBoolean(true);
				handOn = () -> {
					if (held.compareAndSet(true, false)) {
						batons.release();
					}
				};
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, MAX_GROUP - 1);
				answer(group, handOn);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				group.forEach(p -> p.written().completeExceptionally(e));
				return;
			}
			catch (RuntimeException | Error e) {
				// never lose the writer: whatever is left unanswered is told why
				group.forEach(p -> p.written().completeExceptionally(e));
				log.error("The intake writer failed on a group of {} reports", group.size(), e);
			}
			finally {
				handOn.run();
				group.clear();
			}
		}
	}

	private void answer(List<Pending> group, Runnable handOn) {
		try {
			groupSizes.record(group.size());
			long started = System.nanoTime();
			Set<Pending> claimed = write(group, true, true, handOn);
			groupWrites.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			group.forEach(p -> p.written().complete(claimed.contains(p)));
		}
		catch (RuntimeException groupFailed) {
			handOn.run();
			if (group.size() > 1) {
				// also a key used before (a client's retry while its first request is written), which fails the group
				log.warn("A group of {} reports failed ({}); writing them one by one", group.size(),
						groupFailed.toString());
			}
			for (Pending one : group) {
				try {
					one.written().complete(write(List.of(one), true, NO_BATON).contains(one));
				}
				catch (RuntimeException failed) {
					one.written().completeExceptionally(failed);
				}
			}
		}
	}

	/**
	 * Whether the current transaction writes a group of reports: the listeners that tell people then gather the
	 * group's reports and tell them together just before the commit.
	 */
	static boolean writesGroup() {
		return TransactionSynchronizationManager.hasResource(GROUP);
	}

	/** The incidents the current transaction's group writes, by id; empty outside a group. */
	@SuppressWarnings("unchecked")
	static Map<UUID, IncidentView> writtenInGroup() {
		Object written = TransactionSynchronizationManager.getResource(GROUP);
		return written == null ? Map.of() : (Map<UUID, IncidentView>) written;
	}

	/**
	 * The reports that claimed their keys, written and told in one transaction (or the caller's); answers those.
	 * {@code handOn} runs once the transaction's statements are done, just before it commits or rolls back.
	 */
	private Set<Pending> write(List<Pending> group, boolean ownTransaction, Runnable handOn) {
		return write(group, ownTransaction, false, handOn);
	}

	/**
	 * {@link #write}; with {@code allNew} (a group's first attempt, in its own transaction) counting on every key being
	 * new, so that the claims go with the transaction's other statements: a key used before fails the whole group.
	 */
	private Set<Pending> write(List<Pending> group, boolean ownTransaction, boolean allNew, Runnable handOn) {
		Map<UUID, IncidentView> writing = new HashMap<>();
		return transactions.execute(status -> {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCompletion() {
					handOn.run();
				}
			});
			if (ownTransaction) {
				TransactionSynchronizationManager.bindResource(GROUP, writing);
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int completion) {
						TransactionSynchronizationManager.unbindResourceIfPossible(GROUP);
					}
				});
			}
			Map<String, Pending> firstOfKey = new LinkedHashMap<>();
			group.forEach(p -> firstOfKey.putIfAbsent(p.claimKey(), p));
			List<NewReport> reports = firstOfKey.values()
				.stream()
				.map(p -> new NewReport(new KeyClaim(p.actorId(), p.key(), p.requestHash(), p.answer()),
						p.report().incident(),
						new FirstEntry(p.report().reported(), p.report().incident().districtId())))
				.toList();
			Instant at = clock.instant();
			List<Pending> ours;
			if (ownTransaction && allNew) {
				// the keys claimed and the incidents and first entries written as the first of the statements the
				// transaction sends at its end, all in one round trip — counting on every key being new: a key used
				// before fails the group, which is then written report by report (answer)
				BeforeCommit.gather(CLAIMS, reports, gathered -> batches.writeAllNew(reports, at));
				ours = List.copyOf(firstOfKey.values());
			}
			else {
				// the keys claimed and the claimed reports' incidents and first entries written: one statement
				Set<String> claimed = batches.write(reports, at);
				ours = firstOfKey.values().stream().filter(p -> claimed.contains(p.claimKey())).toList();
			}
			Set<Pending> written = Collections.newSetFromMap(new IdentityHashMap<>());
			written.addAll(ours);
			if (ours.isEmpty()) {
				return written;
			}
			ours.forEach(p -> writing.put(p.report().incident().id(), p.report().incident()));
			ours.forEach(p -> p.report().events().forEach(events::publishEvent));
			// after the events, so that its statements come last: the audit trail's head stays locked until the commit
			audit.writeWithin(ours.stream().map(Pending::audit).filter(Objects::nonNull).toList());
			return written;
		});
	}
}

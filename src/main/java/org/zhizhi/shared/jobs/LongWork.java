package org.zhizhi.shared.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Ids;

/**
 * Runs long work in the background for whoever started it, and keeps its progress in {@code jobs.job} so that he can
 * leave the page and come back to {@code /jobs/{id}} — on any node. The work runs on a small pool of its own (a
 * 2-core server must not spend both cores on exports while the desk waits), as its owner: his signed-in context goes
 * with it, so the row-level policies see his scope exactly as in the request that started it.
 */
@Service
public class LongWork implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LongWork.class);

	/** A job and its file are kept this long: long enough to come back tomorrow morning. */
	static final Duration KEEP = Duration.ofDays(1);

	/** The work itself: counts its progress and answers its result. */
	@FunctionalInterface
	public interface Work {

		Result run(Progress progress) throws Exception;
	}

	/** What the work tells of itself while it runs. */
	public interface Progress {

		void total(long total);

		void advance(long items);

		default void advance() {
			advance(1);
		}
	}

	/** Where the result is: a page of the module that did the work, or a file kept with the job. */
	public sealed interface Result {

		static Result page(String href) {
			return new Page(href);
		}

		static Result file(String name, String contentType, byte[] content) {
			return new File(name, contentType, content);
		}

		record Page(String href) implements Result {
		}

		record File(String name, String contentType, byte[] content) implements Result {
		}
	}

	public record JobFile(String name, String contentType, byte[] content) {
	}

	private final JobRows rows;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	private final Map<UUID, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

	LongWork(JobRows rows, Clock clock, PlatformTransactionManager transactions,
			@Value("${zhizhi.jobs.threads:2}") int threads, @Value("${zhizhi.jobs.queue:20}") int queue) {
		this.rows = rows;
		this.clock = clock;
		// progress is written beside the work's own transaction, which commits only at the end (an import's check)
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setQueueCapacity(queue);
		executor.setThreadNamePrefix("long-work-");
		executor.initialize();
	}

	/**
	 * Starts the work as the owner and answers the job's id at once. When the pool and its queue are full, the job is
	 * there all the same, failed with "busy", so the page that follows it says so.
	 *
	 * @param kind a message key naming the work
	 * @param backHref the page the work was started from
	 */
	public UUID start(Actor owner, String kind, String backHref, Work work) {
		UUID id = Ids.newId(clock);
		ownTransaction.executeWithoutResult(status -> {
			rows.forgetExpired(clock.instant());
			rows.insert(id, kind, owner.userId(), owner.scope().path(), backHref, clock.instant(),
					clock.instant().plus(KEEP));
		});
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		CompletableFuture<Void> finished = new CompletableFuture<>();
		running.put(id, finished);
		try {
			executor.execute(new DelegatingSecurityContextRunnable(() -> run(id, work, finished), context));
		}
		catch (TaskRejectedException e) {
			log.warn("Job {} ({}) refused: the pool of long work is full", id, kind);
			fail(id, "job.busy");
			running.remove(id);
			finished.complete(null);
		}
		return id;
	}

	private void run(UUID id, Work work, CompletableFuture<Void> finished) {
		TrackedProgress progress = new TrackedProgress(id);
		try {
			Result result = work.run(progress);
			String href = switch (result) {
				case Result.Page page -> page.href();
				case Result.File file -> "/jobs/" + id + "/file";
			};
			ownTransaction.executeWithoutResult(status -> {
				if (result instanceof Result.File file) {
					rows.insertFile(id, file.name(), file.contentType(), file.content());
				}
				rows.finish(id, progress.counts.total(), progress.counts.done(), href, clock.instant());
			});
		}
		catch (Exception | Error e) {
			// the page says it failed; what went wrong is for the log, not for the person (it may hold anyone's data)
			log.error("Job {} failed", id, e);
			fail(id, e instanceof DomainException ? "job.refused" : "job.failed");
		}
		finally {
			running.remove(id);
			finished.complete(null);
		}
	}

	private void fail(UUID id, String messageKey) {
		try {
			ownTransaction.executeWithoutResult(status -> rows.fail(id, messageKey, clock.instant()));
		}
		catch (RuntimeException e) {
			log.warn("Job {} could not be marked failed; it will show as cut off", id, e);
		}
	}

	/** The reader's own job; another's answers 404 exactly like one that does not exist. */
	public Job job(Actor reader, UUID id) {
		return rows.job(id, reader.userId(), clock.instant()).orElseThrow(() -> DomainException.notFound("job"));
	}

	/** The reader's jobs of the last day, newest first. */
	public List<Job> jobsOf(Actor reader, int limit) {
		return rows.jobs(reader.userId(), clock.instant(), limit);
	}

	/** The file a done job of the reader's made. */
	public JobFile file(Actor reader, UUID id) {
		return rows.file(id, reader.userId(), clock.instant()).orElseThrow(() -> DomainException.notFound("job"));
	}

	/**
	 * Waits until the job has finished on this node (or was never running here), at most the timeout; answers whether
	 * it has. For tests, which follow the page the way a person does and must not sleep to wait.
	 */
	public boolean awaitFinished(UUID id, Duration timeout) throws InterruptedException {
		CompletableFuture<Void> future = running.get(id);
		if (future == null) {
			return true;
		}
		try {
			future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException e) {
			return false;
		}
		catch (ExecutionException e) {
			return true;
		}
	}

	/** The jobs still running here are cut off: say so now rather than after {@link JobRows#SILENT_LIMIT}. */
	@Override
	public void destroy() {
		executor.shutdown();
		running.keySet().forEach(id -> fail(id, "job.interrupted"));
	}

	/** Counts the work's progress and writes it down now and then, each time in a transaction of its own. */
	private final class TrackedProgress implements Progress {

		private final UUID id;

		private final JobProgress counts = new JobProgress();

		TrackedProgress(UUID id) {
			this.id = id;
		}

		@Override
		public void total(long total) {
			counts.total(total);
			write();
		}

		@Override
		public void advance(long items) {
			counts.advance(items);
			write();
		}

		private void write() {
			long now = System.nanoTime() / 1_000_000;
			if (counts.worthWriting(now)) {
				ownTransaction.executeWithoutResult(
						status -> rows.progress(id, counts.total(), counts.done(), clock.instant()));
				counts.written(now);
			}
		}
	}
}

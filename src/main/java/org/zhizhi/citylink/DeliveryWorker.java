package org.zhizhi.citylink;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhizhi.citylink.persistence.JdbcDeliveries;
import org.zhizhi.citylink.persistence.JdbcDeliveries.AttemptResult;
import org.zhizhi.citylink.persistence.JdbcDeliveries.Claimed;
import org.zhizhi.shared.Ids;

/**
 * Sends the feed: claims due deliveries in batches (a lease, one committed statement, so any number of workers on
 * any number of nodes may run and none sends a delivery another holds), POSTs each signed body, and records the answer
 * — delivered on a 2xx, else the schedule's next wait or, after the last attempt, failed. A batch is sent at once, in
 * parallel, so that one slow subscriber holds the batch no longer than the timeouts, well inside the lease.
 * At least once: a worker that dies after a subscriber answered and before the answer was recorded leaves the
 * delivery to be sent again when its lease runs out — with the same event id, by which the subscriber drops it.
 */
class DeliveryWorker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	static final String EVENT_ID = "X-Zhizhi-Event-Id";

	static final String EVENT_KIND = "X-Zhizhi-Event-Kind";

	static final String DELIVERY_ID = "X-Zhizhi-Delivery-Id";

	static final String TIMESTAMP = "X-Zhizhi-Timestamp";

	static final String SIGNATURE = "X-Zhizhi-Signature";

	static final int MAX_ERROR = 500;

	/** Batches a run takes at most, so that a run ends even while new deliveries keep falling due. */
	static final int MAX_BATCHES_PER_RUN = 20;

	private final JdbcDeliveries store;

	private final CitylinkSeal seal;

	private final Clock clock;

	private final CitylinkProperties settings;

	private final RetrySchedule schedule;

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpClient http;

	private volatile boolean stopping;

	DeliveryWorker(JdbcDeliveries store, CitylinkSeal seal, Clock clock, CitylinkProperties settings) {
		this.store = store;
		this.seal = seal;
		this.clock = clock;
		this.settings = settings;
		this.schedule = settings.schedule();
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(senders)
			.build();
	}

	/** One run: claims and sends due deliveries batch by batch until none is due; answers how many were delivered. */
	int run() {
		int delivered = 0;
		for (int batch = 0; batch < MAX_BATCHES_PER_RUN && !stopping; batch++) {
			Instant now = clock.instant();
			List<Claimed> claimed = store.claim(now, now.plus(settings.lease()), settings.batchSize());
			List<CompletableFuture<Boolean>> sends = claimed.stream()
				.map(c -> CompletableFuture.supplyAsync(() -> send(c), senders))
				.toList();
			for (CompletableFuture<Boolean> send : sends) {
				if (send.join()) {
					delivered++;
				}
			}
			if (claimed.size() < settings.batchSize()) {
				break;
			}
		}
		return delivered;
	}

	private boolean send(Claimed delivery) {
		Integer status = null;
		String error = null;
		long started = System.nanoTime();
		try {
			String timestamp = Long.toString(clock.instant().getEpochSecond());
			String secret = seal.openSecret(delivery.subscriberId(), delivery.sealedSecret());
			HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
				.timeout(settings.requestTimeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "Zhizhi-Citylink/1")
				.header(EVENT_ID, delivery.eventId().toString())
				.header(EVENT_KIND, delivery.kind())
				.header(DELIVERY_ID, delivery.id().toString())
				.header(TIMESTAMP, timestamp)
				.header(SIGNATURE, new FeedSignature(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))
					.sign(timestamp, delivery.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
				.build();
			// the body is read and dropped: only the status counts, and a subscriber's page of HTML is no log entry
			status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (!Delivery.accepted(status)) {
				error = "HTTP " + status;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception e) {
			error = describe(e);
		}
		int latencyMs = (int) Math.min(Integer.MAX_VALUE, Duration.ofNanos(System.nanoTime() - started).toMillis());
		Instant now = clock.instant();
		Delivery.Outcome outcome = new Delivery(delivery.id(), DeliveryState.PENDING, delivery.attempts(),
				delivery.version()).attempted(status, schedule, now);
		if (outcome.action() != DeliveryAction.DELIVER) {
			log.warn("Delivery {} of event {} (attempt {}) failed: {}; {}", delivery.id(), delivery.eventId(),
					delivery.attempts(), error, outcome.nextAttemptAt() == null ? "given up" : "next attempt at "
							+ outcome.nextAttemptAt());
		}
		boolean moved = store.record(delivery, new AttemptResult(Ids.newId(clock), status, latencyMs, error, outcome),
				now);
		return moved && outcome.action() == DeliveryAction.DELIVER;
	}

	private static String describe(Throwable e) {
		Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
		String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
		return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
	}

	/** No further claims; sends in flight finish within the timeouts (the application waits for its executors). */
	@Override
	public void close() {
		stopping = true;
		senders.close();
	}
}

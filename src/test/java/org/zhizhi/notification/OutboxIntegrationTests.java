package org.zhizhi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.notification.persistence.JdbcNotifications;

/**
 * The guarantees of the outbox on the real PostgreSQL: messages only with the caller's transaction, each recipient
 * once, and every row delivered at least once — after failures, after a dispatcher that died holding it, and exactly
 * once when two dispatchers race. Each test uses a channel of its own name, so its dispatcher never touches the rows of
 * other tests or of the platform's own log channel.
 */
@ZhizhiIntegrationTest
class OutboxIntegrationTests {

	private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

	private static final Duration LEASE = Duration.ofMinutes(2);

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcNotifications store;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private String channel;

	private MutableClock clock;

	@Autowired
	TestClock platformClock;

	@BeforeEach
	void freshChannelAndClock() {
		channel = "test-" + UUID.randomUUID().toString().substring(0, 8);
		// the rows are stamped with the platform's clock: start from its present, truncated as PostgreSQL keeps it
		clock = new MutableClock(platformClock.instant().plusSeconds(5).truncatedTo(ChronoUnit.MICROS));
	}

	// --- transactions and recipients --------------------------------------------------------------------------------

	@Test
	void notifyingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> notifications.notify(List.of(UUID.randomUUID()), notice()))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void aRolledBackTransactionLeavesNeitherMessageNorOutboxRow() {
		UUID recipient = UUID.randomUUID();

		transactions.executeWithoutResult(status -> {
			notifications.notify(List.of(recipient), notice());
			assertThat(messagesOf(recipient)).as("visible inside the transaction").isEqualTo(1);
			status.setRollbackOnly();
		});

		assertThat(messagesOf(recipient)).isZero();
		assertThat(outboxRowsOf(recipient)).isZero();
	}

	@Test
	void eachRecipientGetsOneMessageAndOneOutboxRowPerChannelHoweverOftenHeIsNamed() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		List<UUID> named = new ArrayList<>(List.of(first, second, first, first));
		named.add(null);

		Integer addressed = transactions.execute(status -> notifications.notify(named, notice()));

		assertThat(addressed).isEqualTo(2);
		assertThat(messagesOf(first)).isEqualTo(1);
		assertThat(messagesOf(second)).isEqualTo(1);
		assertThat(notifications.channels()).containsExactly("log");
		assertThat(jdbc.sql("""
				SELECT o.channel FROM notification.outbox o JOIN notification.inbox_message m ON m.id = o.message_id
				 WHERE m.recipient_id = :r AND o.delivered_at IS NULL AND o.attempts = 0""")
			.param("r", first)
			.query(String.class)
			.list()).containsExactly("log");
	}

	// --- the dispatcher ---------------------------------------------------------------------------------------------

	@Test
	void aFailingChannelIsRetriedWithGrowingWaitsUntilItDelivers() {
		FlakyChannel flaky = new FlakyChannel(channel, 2);
		OutboxDispatcher dispatcher = dispatcher(flaky, 10);
		List<UUID> recipients = List.of(UUID.randomUUID(), UUID.randomUUID());
		enqueue(recipients);

		assertThat(dispatcher.dispatch()).as("first run: both attempts fail").isZero();
		assertThat(rows()).allSatisfy(row -> {
			assertThat(row.attempts()).isEqualTo(1);
			assertThat(row.deliveredAt()).isNull();
			assertThat(row.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(10)));
			assertThat(row.lastError()).contains("IllegalStateException").contains("channel down");
		});
		assertThat(dispatcher.dispatch()).as("nothing is due before the wait is over").isZero();
		assertThat(flaky.calls()).isEqualTo(2);

		clock.advance(Duration.ofSeconds(10));
		assertThat(dispatcher.dispatch()).as("second run: fails again").isZero();
		assertThat(rows()).allSatisfy(row -> assertThat(row.nextAttemptAt())
			.isEqualTo(clock.instant().plus(Duration.ofSeconds(20))));

		clock.advance(Duration.ofSeconds(19));
		assertThat(dispatcher.dispatch()).isZero();
		clock.advance(Duration.ofSeconds(1));
		assertThat(dispatcher.dispatch()).as("third run: delivered").isEqualTo(2);

		assertThat(rows()).allSatisfy(row -> {
			assertThat(row.attempts()).isEqualTo(3);
			assertThat(row.deliveredAt()).isEqualTo(clock.instant());
		});
		assertThat(flaky.delivered()).containsOnlyKeys(rows().stream().map(Row::id).toList());
		clock.advance(Duration.ofHours(2));
		assertThat(dispatcher.dispatch()).as("a delivered row is never sent again").isZero();
		assertThat(flaky.calls()).isEqualTo(6);
	}

	@Test
	void rowsLeftInFlightByACrashedDispatcherAreDeliveredOnceTheirLeaseRunsOut() {
		FlakyChannel channelAfterRestart = new FlakyChannel(channel, 0);
		enqueue(List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
		// a dispatcher claims the rows and dies before it records anything
		assertThat(store.claim(List.of(channel), clock.instant(), clock.instant().plus(LEASE), 10)).hasSize(3);

		OutboxDispatcher restarted = dispatcher(channelAfterRestart, 10);
		assertThat(restarted.dispatch()).as("still leased to the dead dispatcher").isZero();

		clock.advance(LEASE);
		assertThat(restarted.dispatch()).isEqualTo(3);
		assertThat(rows()).allSatisfy(row -> {
			assertThat(row.attempts()).isEqualTo(2);
			assertThat(row.deliveredAt()).isNotNull();
		});
		assertThat(channelAfterRestart.delivered().values()).containsOnly(1);
	}

	@Test
	void aDispatcherStoppedMidBatchFinishesTheMessageInHandAndGivesTheRestOfItsLeaseBackAtOnce() throws Exception {
		enqueue(List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
		CountDownLatch inChannel = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		List<UUID> handed = new ArrayList<>();
		OutboxDispatcher stopping = dispatcher(new NotificationChannel() {
			@Override
			public String name() {
				return channel;
			}

			@Override
			public void deliver(OutboxMessage message) throws InterruptedException {
				handed.add(message.id());
				inChannel.countDown();
				finish.await();
			}
		}, 10);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> run = pool.submit(stopping::dispatch);
			assertThat(inChannel.await(30, TimeUnit.SECONDS)).as("the run reached its first message").isTrue();
			// the application stops while a message is with its channel: close waits for it
			Future<?> closed = pool.submit(stopping::close);
			await().atMost(Duration.ofSeconds(30)).until(stopping::isStopping);
			assertThat(closed).as("close waits for the message in hand").isNotDone();
			finish.countDown();
			closed.get(30, TimeUnit.SECONDS);
			assertThat(run.get(30, TimeUnit.SECONDS)).as("the message in hand is delivered").isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(handed).as("nothing after the stop").hasSize(1);
		assertThat(rows()).filteredOn(row -> row.id().equals(handed.get(0))).singleElement()
			.satisfies(row -> assertThat(row.deliveredAt()).isNotNull());
		assertThat(rows()).filteredOn(row -> !row.id().equals(handed.get(0))).hasSize(3).allSatisfy(row -> {
			assertThat(row.deliveredAt()).isNull();
			assertThat(row.attempts()).as("the claim that was never tried is not counted").isZero();
			assertThat(row.nextAttemptAt()).as("due again at once, not at the lease's end")
				.isEqualTo(clock.instant());
		});
		assertThat(stopping.dispatch()).as("a stopped dispatcher claims nothing").isZero();
		FlakyChannel otherNode = new FlakyChannel(channel, 0);
		assertThat(dispatcher(otherNode, 10).dispatch()).as("another node delivers them without waiting for the lease")
			.isEqualTo(3);
		assertThat(otherNode.delivered()).doesNotContainKey(handed.get(0));
	}

	@Test
	void aLeaseGivenBackIsLeftAloneOnceAnotherDispatcherHasClaimedTheRowAgain() {
		enqueue(List.of(UUID.randomUUID()));
		UUID id = rows().get(0).id();
		// this node claimed the row, hung past the lease, another claimed it again: the stale claim gives back nothing
		store.claim(List.of(channel), clock.instant(), clock.instant().plus(LEASE), 10);
		clock.advance(LEASE);
		store.claim(List.of(channel), clock.instant(), clock.instant().plus(LEASE), 10);

		assertThat(store.release(Map.of(id, 1), clock.instant())).isZero();

		assertThat(rows()).singleElement().satisfies(row -> {
			assertThat(row.attempts()).isEqualTo(2);
			assertThat(row.nextAttemptAt()).isEqualTo(clock.instant().plus(LEASE));
		});
	}

	@Test
	void dispatchersRunningAtOnceNeverDeliverTheSameRow() throws Exception {
		int count = 200;
		List<UUID> recipients = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			recipients.add(UUID.randomUUID());
		}
		enqueue(recipients);
		Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
		Map<Integer, AtomicInteger> byDispatcher = new ConcurrentHashMap<>();
		List<OutboxDispatcher> dispatchers = new ArrayList<>();
		for (int d = 0; d < 4; d++) {
			int dispatcherNumber = d;
			// tiny batches and instant deliveries: the dispatchers spend their time claiming, all at once
			dispatchers.add(dispatcher(new NotificationChannel() {
				@Override
				public String name() {
					return channel;
				}

				@Override
				public void deliver(OutboxMessage message) {
					deliveries.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
					byDispatcher.computeIfAbsent(dispatcherNumber, n -> new AtomicInteger()).incrementAndGet();
				}
			}, 2));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(dispatchers.size());
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (OutboxDispatcher dispatcher : dispatchers) {
				runs.add(pool.submit(() -> {
					start.await();
					return dispatcher.dispatch();
				}));
			}
			start.countDown();
			int delivered = 0;
			for (Future<Integer> run : runs) {
				delivered += run.get(60, TimeUnit.SECONDS);
			}
			assertThat(delivered).isEqualTo(count);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(deliveries).hasSize(count);
		assertThat(deliveries.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
		assertThat(rows()).hasSize(count).allSatisfy(row -> {
			assertThat(row.attempts()).as("claimed once").isEqualTo(1);
			assertThat(row.deliveredAt()).isNotNull();
		});
		assertThat(byDispatcher).as("the dispatchers really ran side by side").hasSizeGreaterThan(1);
	}

	@Test
	void rowsAnotherDispatcherIsClaimingAreSkippedNotWaitedFor() throws Exception {
		enqueue(List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
		List<UUID> ids = rows().stream().map(Row::id).toList();
		FlakyChannel delivering = new FlakyChannel(channel, 0);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			// another dispatcher is in the middle of claiming the first two rows: it holds their row locks
			transactions.executeWithoutResult(status -> {
				jdbc.sql("SELECT id FROM notification.outbox WHERE id IN (:a, :b) FOR UPDATE")
					.param("a", ids.get(0))
					.param("b", ids.get(1))
					.query(UUID.class)
					.list();
				Future<Integer> run = pool.submit(() -> dispatcher(delivering, 10).dispatch());
				try {
					assertThat(run.get(10, TimeUnit.SECONDS)).as("delivered without waiting for the locks")
						.isEqualTo(2);
				}
				catch (Exception e) {
					throw new AssertionError("the dispatcher waited for rows another one was claiming", e);
				}
			});
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(delivering.delivered()).containsOnlyKeys(ids.get(2), ids.get(3));
		assertThat(dispatcher(delivering, 10).dispatch()).as("the skipped rows, once free").isEqualTo(2);
	}

	@Test
	void rowsOfAChannelThatIsNotInstalledWaitInsteadOfBeingLost() {
		enqueue(List.of(UUID.randomUUID()));

		assertThat(dispatcher(new FlakyChannel("other-" + channel.substring(5), 0), 10).dispatch()).isZero();

		assertThat(rows()).singleElement().satisfies(row -> {
			assertThat(row.attempts()).isZero();
			assertThat(row.deliveredAt()).isNull();
		});
	}

	// --- helpers ----------------------------------------------------------------------------------------------------

	private OutboxDispatcher dispatcher(NotificationChannel channel, int batchSize) {
		return new OutboxDispatcher(store, List.of(channel), clock, BACKOFF, LEASE, batchSize);
	}

	private void enqueue(List<UUID> recipients) {
		transactions.executeWithoutResult(status -> notifications.notify(recipients, notice(), List.of(channel)));
	}

	private static Notice notice() {
		return new Notice("TEST_NOTICE", "测试消息", "请处理", "/inbox");
	}

	private long messagesOf(UUID recipient) {
		return jdbc.sql("SELECT count(*) FROM notification.inbox_message WHERE recipient_id = :r")
			.param("r", recipient)
			.query(Long.class)
			.single();
	}

	private long outboxRowsOf(UUID recipient) {
		return jdbc.sql("""
				SELECT count(*) FROM notification.outbox o JOIN notification.inbox_message m ON m.id = o.message_id
				 WHERE m.recipient_id = :r""")
			.param("r", recipient)
			.query(Long.class)
			.single();
	}

	record Row(UUID id, int attempts, Instant nextAttemptAt, Instant deliveredAt, String lastError) {
	}

	private List<Row> rows() {
		return jdbc.sql("""
				SELECT id, attempts, next_attempt_at, delivered_at, last_error FROM notification.outbox
				 WHERE channel = :channel ORDER BY id""")
			.param("channel", channel)
			.query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getInt("attempts"),
					rs.getTimestamp("next_attempt_at").toInstant(),
					rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant(),
					rs.getString("last_error")))
			.list();
	}

	/** A channel that fails the first {@code failures} attempts of every row, then delivers. */
	static final class FlakyChannel implements NotificationChannel {

		private final String name;

		private final int failures;

		private final Map<UUID, Integer> attempts = new ConcurrentHashMap<>();

		private final Map<UUID, Integer> delivered = new ConcurrentHashMap<>();

		FlakyChannel(String name, int failures) {
			this.name = name;
			this.failures = failures;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public void deliver(OutboxMessage message) {
			int attempt = attempts.merge(message.id(), 1, Integer::sum);
			if (attempt <= failures) {
				throw new IllegalStateException("channel down");
			}
			delivered.merge(message.id(), 1, Integer::sum);
		}

		int calls() {
			return attempts.values().stream().mapToInt(Integer::intValue).sum();
		}

		Map<UUID, Integer> delivered() {
			return delivered;
		}
	}

	static final class MutableClock extends Clock {

		private final AtomicReference<Instant> now;

		MutableClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void advance(Duration by) {
			now.updateAndGet(t -> t.plus(by));
		}

		@Override
		public Instant instant() {
			return now.get();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}

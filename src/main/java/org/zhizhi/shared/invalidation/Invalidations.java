package org.zhizhi.shared.invalidation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Tells every node of the platform that something they may remember has changed (issue 20: two nodes on one
 * database). A module announces a <em>topic</em> ({@code module.what}, e.g. {@code identity.api-tokens}) — optionally
 * with a key inside it — and every node, this one included, hands it to the forgetters registered for that topic.
 * <p>
 * <b>How.</b> PostgreSQL's {@code NOTIFY} on one channel, {@value #CHANNEL}, payload {@code "topic key"}. An
 * announcement made inside a transaction is sent when, and only if, that transaction commits — so no node forgets
 * too early, and a rolled-back change is never announced. A database trigger may announce too ({@code
 * pg_notify('zhizhi_invalidation', 'incident.categories')}), so that a change made by a migration or an operator's
 * SQL reaches every node as well. Each node listens on one connection of its pool, held for as long as it runs, and
 * hears a committed announcement within milliseconds; no broker, nothing to poll.
 * <p>
 * <b>When it cannot hear.</b> Announcements made while a node is not listening are lost to it. So the node asks its
 * connection whether it still answers after every {@code heartbeat} without a notice (at most {@code checkTimeout}
 * for the answer): a broken connection is known within {@code heartbeat + checkTimeout} (3 s by default). From then
 * on {@link #listening()} is false — a cache whose staleness matters (the API tokens) stops answering from memory,
 * one that can afford it falls back to its own expiry or version check — and when the node listens again it hands
 * every topic to its forgetters as if everything had changed, because it cannot know what it missed.
 */
@Component
@EnableConfigurationProperties(InvalidationProperties.class)
public class Invalidations implements SmartLifecycle, MeterBinder {

	/** The one PostgreSQL channel of every announcement (a trigger names it in SQL). */
	public static final String CHANNEL = "zhizhi_invalidation";

	private static final Logger log = LoggerFactory.getLogger(Invalidations.class);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final InvalidationProperties settings;

	private final Map<String, List<Consumer<String>>> forgetters = new ConcurrentHashMap<>();

	private volatile boolean listening;

	private volatile boolean running;

	/** The PostgreSQL backend this node listens on (0: none), named in the log so an operator finds it. */
	private volatile int backend;

	private Thread listener;

	Invalidations(DataSource dataSource, JdbcClient jdbc, InvalidationProperties settings) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** Announces that anything of the topic may have changed. */
	public void announce(String topic) {
		announce(topic, "");
	}

	/**
	 * Announces that one key of the topic changed. Inside a transaction the announcement leaves at its commit (and
	 * not at all if it rolls back); outside one, at once.
	 */
	public void announce(String topic, String key) {
		if (topic.isBlank() || topic.contains(" ")) {
			throw new IllegalArgumentException("a topic is one word: " + topic);
		}
		jdbc.sql("select pg_notify(:channel, :payload)")
			.param("channel", CHANNEL)
			.param("payload", key.isEmpty() ? topic : topic + " " + key)
			.query((rs, n) -> n)
			.list();
	}

	/**
	 * Registers what to forget when the topic is announced, on any node: the forgetter gets the key announced, or
	 * {@code ""} for "anything of the topic" (also after this node could not hear for a while). It runs on the
	 * listening thread, so it only drops what it remembered and returns.
	 */
	public void onAnnounced(String topic, Consumer<String> forget) {
		forgetters.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(forget);
	}

	/** Whether this node hears every announcement now; false before it listens and while it cannot. */
	public boolean listening() {
		return listening;
	}

	/** The backend listening now, 0 if none. */
	int backend() {
		return backend;
	}

	@Override
	public void start() {
		running = true;
		listener = Thread.ofPlatform().name("zhizhi-invalidations").daemon(true).start(this::listen);
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = listener;
		if (thread == null) {
			return;
		}
		try {
			// wakes the listener at once rather than after its heartbeat (every node just ignores an empty topic)
			jdbc.sql("select pg_notify(:channel, '')").param("channel", CHANNEL).query((rs, n) -> n).list();
		}
		catch (RuntimeException e) {
			log.debug("could not wake the invalidation listener: {}", e.getMessage());
		}
		try {
			thread.join(settings.heartbeat().plus(settings.checkTimeout()).toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Early: listening before the web server takes requests, and after it stops taking them. */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("zhizhi.invalidation.listening", this, i -> i.listening ? 1 : 0)
			.description("1 while this node hears the other nodes' cache invalidations; 0: its caches fall back to "
					+ "their own expiry and the API tokens are looked up on every call")
			.register(registry);
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
					try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
						backend = pid.next() ? pid.getInt(1) : 0;
					}
				}
				PGConnection notices = connection.unwrap(PGConnection.class);
				// whatever was announced before this moment was not heard: forget everything once, then trust again
				forgetEverything();
				listening = true;
				log.info("Listening for other nodes' cache invalidations on {} (backend {})", CHANNEL, backend);
				hear(connection, notices);
			}
			catch (SQLException | RuntimeException e) {
				if (running) {
					log.warn("Not hearing other nodes' cache invalidations ({}); caches fall back to their own "
							+ "expiry until this node listens again", e.getMessage());
				}
			}
			finally {
				listening = false;
				backend = 0;
			}
			pause();
		}
	}

	private void hear(Connection connection, PGConnection notices) throws SQLException {
		int timeout = (int) settings.checkTimeout().toSeconds();
		while (running) {
			PGNotification[] heard = notices.getNotifications((int) settings.heartbeat().toMillis());
			if (heard == null || heard.length == 0) {
				if (!connection.isValid(timeout)) {
					throw new SQLException("the listening connection stopped answering");
				}
				continue;
			}
			for (PGNotification notice : heard) {
				dispatch(notice.getParameter());
			}
		}
	}

	private void dispatch(String payload) {
		int space = payload.indexOf(' ');
		String topic = space < 0 ? payload : payload.substring(0, space);
		String key = space < 0 ? "" : payload.substring(space + 1);
		forgetters.getOrDefault(topic, List.of()).forEach(forget -> forget(topic, forget, key));
	}

	private void forgetEverything() {
		forgetters.forEach((topic, list) -> list.forEach(forget -> forget(topic, forget, "")));
	}

	private static void forget(String topic, Consumer<String> forget, String key) {
		try {
			forget.accept(key);
		}
		catch (RuntimeException e) {
			log.warn("Forgetting {} {} failed", topic, key, e);
		}
	}

	private void pause() {
		if (!running) {
			return;
		}
		try {
			TimeUnit.MILLISECONDS.sleep(settings.reconnect().toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}
}

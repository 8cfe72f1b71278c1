package org.zhizhi.command.screen;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.zhizhi.incident.IncidentLists;
import org.zhizhi.incident.IncidentLists.ReportedIncident;

/**
 * Feeds the open screens of this node with new reports, by reading the incident table — never by hearing events:
 * <ul>
 * <li><b>Two nodes.</b> A report taken by the other node is in the table like one taken here; nothing needs to travel
 * between nodes, and a screen never misses a report because a notice was lost while a connection was down.</li>
 * <li><b>One read per scope.</b> Every {@code pass} (250 ms) the feed reads, for each scope that has a screen open, the
 * reports after the last one it saw (the scope's index on {@code scope_path, reported_at}); all screens of the scope
 * share the read. Nothing is read while no screen is open.</li>
 * <li><b>Late commits.</b> A report's instant is taken before its group commits, so a report may appear after a
 * later one: each read looks {@code lookback} further back and leaves out the ids already sent.</li>
 * <li><b>Bursts.</b> A pass sends one batch whatever it found (up to {@value #BATCH} reports; the rest with the next
 * pass, and the screens are told to reload their panels), and a slow connection merges what waits for it
 * ({@link ScreenStream}).</li>
 * <li><b>Reconnects.</b> An event's id is the position it was read up to; a browser that reconnects sends it back as
 * {@code Last-Event-ID} and is replayed from there (the same read), and the page drops ids it already shows.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(ScreenProperties.class)
public class ScreenFeed implements SmartLifecycle {

	/** The most reports one event carries; a screen that missed more reloads instead of drawing a thousand rows. */
	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(ScreenFeed.class);

	private final IncidentLists incidents;

	private final CommandScreen panels;

	private final Clock clock;

	private final ScreenProperties settings;

	private final Map<String, Channel> channels = new ConcurrentHashMap<>();

	private volatile boolean running;

	private Thread reader;

	ScreenFeed(IncidentLists incidents, CommandScreen panels, Clock clock, ScreenProperties settings) {
		this.incidents = incidents;
		this.panels = panels;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Opens a screen's stream; with the id of the last event the browser had ({@code Last-Event-ID}), the reports
	 * since then come first.
	 */
	public SseEmitter subscribe(ScreenScope screen, String lastEventId) {
		SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
		ScreenStream stream = new ScreenStream(screen, emitter, settings.queue(), settings.heartbeat());
		// joins its scope's channel first and is replayed after: a report the channel reads in between then comes
		// twice rather than never, and the page drops an id it already shows
		Channel channel = channels.compute(screen.scope().path(), (path, existing) -> {
			Channel joined = existing != null ? existing : new Channel(screen, clock.instant());
			joined.streams.add(stream);
			return joined;
		});
		Instant replayFrom = position(lastEventId);
		if (replayFrom != null) {
			List<ReportedIncident> missed = incidents.reportedSince(screen.scope(),
					replayFrom.minus(settings.lookback()), BATCH + 1);
			stream.offer(new ScreenBatch(channel.position(), missed.stream().limit(BATCH).toList(),
					panels.gridLoads(screen), missed.size() > BATCH));
		}
		emitter.onCompletion(() -> leave(channel, stream));
		emitter.onTimeout(() -> leave(channel, stream));
		emitter.onError(e -> leave(channel, stream));
		stream.start();
		return emitter;
	}

	/** How many screens this node feeds now (for tests and the operator). */
	public int openScreens() {
		return channels.values().stream().mapToInt(c -> c.streams.size()).sum();
	}

	private void leave(Channel channel, ScreenStream stream) {
		channel.streams.remove(stream);
		stream.close();
	}

	private static Instant position(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return null;
		}
		try {
			return Instant.ofEpochMilli(Long.parseLong(lastEventId.strip()));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	@Override
	public void start() {
		running = true;
		reader = Thread.ofPlatform().name("zhizhi-screen-feed").daemon(true).start(this::run);
	}

	@Override
	public void stop() {
		running = false;
		channels.values().forEach(c -> c.streams.forEach(ScreenStream::close));
		if (reader != null) {
			reader.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		while (running) {
			try {
				Thread.sleep(settings.pass().toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			for (String path : List.copyOf(channels.keySet())) {
				// atomic with a subscription's compute on the same key: a channel is dropped only while nobody joins it
				Channel channel = channels.computeIfPresent(path, (p, c) -> {
					c.streams.removeIf(s -> !s.open());
					return c.streams.isEmpty() ? null : c;
				});
				if (channel == null) {
					continue;
				}
				try {
					pass(channel);
				}
				catch (RuntimeException e) {
					// the database may be away for a moment; the next pass reads from the same position
					log.warn("The screen feed of {} could not read new reports: {}", channel.screen.unit().name(),
							e.getMessage());
				}
			}
		}
	}

	private void pass(Channel channel) {
		Instant now = clock.instant();
		// the cursor never runs ahead of this node's clock: after the clock steps back (a server's time corrected; in
		// the tests, a moved test clock put back) or a report stamped ahead by another node's clock, reading from a
		// cursor in the future would miss every report until the clock caught up with it
		if (channel.cursor.isAfter(now)) {
			channel.cursor = now;
		}
		// the look-back re-reads what was sent in its window: the limit leaves room for all of it, so that a burst that
		// filled the window cannot hide the reports after it
		List<ReportedIncident> read = incidents.reportedSince(channel.screen.scope(),
				channel.cursor.minus(settings.lookback()), channel.sent.size() + BATCH + 1);
		List<ReportedIncident> fresh = new ArrayList<>();
		boolean more = false;
		for (ReportedIncident incident : read) {
			if (!channel.sent.containsKey(incident.id())) {
				if (fresh.size() == BATCH) {
					// the rest comes with the next pass; the screens reload their panels meanwhile
					more = true;
					break;
				}
				channel.sent.put(incident.id(), incident.reportedAt());
				fresh.add(incident);
			}
			if (incident.reportedAt().isAfter(channel.cursor)) {
				channel.cursor = incident.reportedAt().isAfter(now) ? now : incident.reportedAt();
			}
		}
		Instant forget = channel.cursor.minus(settings.lookback().multipliedBy(2));
		channel.sent.values().removeIf(at -> at.isBefore(forget));
		boolean loadsDue = !now.isBefore(channel.loadsAt.plus(settings.loads()));
		if (fresh.isEmpty() && !loadsDue) {
			return;
		}
		channel.loadsAt = now;
		ScreenBatch batch = new ScreenBatch(channel.position(), fresh, panels.gridLoads(channel.screen), more);
		channel.streams.forEach(s -> s.offer(batch));
	}

	/** The screens of one scope and what the feed has read for them. Only the reader thread changes its fields. */
	private static final class Channel {

		final ScreenScope screen;

		final Set<ScreenStream> streams = new CopyOnWriteArraySet<>();

		/** The ids sent within the look-back, so that a report read twice is sent once. */
		final Map<UUID, Instant> sent = new LinkedHashMap<>();

		volatile Instant cursor;

		volatile Instant loadsAt;

		Channel(ScreenScope screen, Instant start) {
			this.screen = screen;
			this.cursor = start;
			this.loadsAt = start;
		}

		long position() {
			return cursor.toEpochMilli();
		}
	}
}

package org.zhizhi.command.screen;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open screen's connection. The feed hands it batches without ever waiting for it: they wait in a bounded queue
 * that the connection's own (virtual) thread drains, merging whatever piled up into one event — so a burst of reports
 * reaches a screen as a few events a second, not a hundred. A screen that cannot keep up fills its queue and is cut
 * off; its browser reconnects with the last event's id and is replayed from the incident table, so nothing is lost
 * and nothing piles up in memory.
 */
final class ScreenStream {

	private static final Logger log = LoggerFactory.getLogger(ScreenStream.class);

	private final ScreenScope screen;

	private final SseEmitter emitter;

	private final BlockingQueue<ScreenBatch> queue;

	private final Duration heartbeat;

	private volatile boolean open = true;

	ScreenStream(ScreenScope screen, SseEmitter emitter, int capacity, Duration heartbeat) {
		this.screen = screen;
		this.emitter = emitter;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.heartbeat = heartbeat;
	}

	ScreenScope screen() {
		return screen;
	}

	boolean open() {
		return open;
	}

	/** Queues a batch; a full queue closes the connection (the browser reconnects and is replayed). */
	void offer(ScreenBatch batch) {
		if (open && !queue.offer(batch)) {
			log.debug("a screen of {} fell behind; closing it so that it reconnects and replays", screen.unit().name());
			close();
		}
	}

	void start() {
		Thread.ofVirtual().name("zhizhi-screen-stream").start(this::send);
	}

	void close() {
		open = false;
		emitter.complete();
	}

	private void send() {
		try {
			while (open) {
				ScreenBatch batch = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
				if (batch == null) {
					// a comment line: keeps proxies from closing an idle connection, and finds a closed one
					emitter.send(SseEmitter.event().comment("heartbeat"));
					continue;
				}
				for (ScreenBatch more = queue.poll(); more != null; more = queue.poll()) {
					batch = batch.merge(more);
				}
				emitter.send(SseEmitter.event()
					.id(Long.toString(batch.position()))
					.name("screen")
					.data(batch, MediaType.APPLICATION_JSON));
			}
		}
		catch (IOException | IllegalStateException e) {
			// the browser went away (or the emitter timed out): nothing to tell anyone
			open = false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			open = false;
		}
	}
}

package org.zhizhi.command;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A screen's live stream as a browser's {@code EventSource} reads it, for tests: the ids of every report it
 * delivered, the id of its last event (what a browser sends back as {@code Last-Event-ID} when it reconnects) and
 * how many events it took.
 */
public final class ScreenStreamClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final Set<String> incidents = ConcurrentHashMap.newKeySet();

	private final AtomicInteger events = new AtomicInteger();

	private volatile String lastEventId;

	private volatile boolean resync;

	private volatile int status;

	private volatile Stream<String> lines;

	private ScreenStreamClient() {
	}

	/** Opens {@code /command/screen/stream?…} with the web session's cookie, and reads it on a thread of its own. */
	public static ScreenStreamClient open(int port, String sessionCookie, String query, String lastEventId) {
		ScreenStreamClient client = new ScreenStreamClient();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/command/screen/stream" + query))
			.header("Cookie", "SESSION=" + sessionCookie)
			.header("Accept", "text/event-stream")
			.GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<Stream<String>> response = HTTP.sendAsync(request.build(), BodyHandlers.ofLines()).join();
		client.status = response.statusCode();
		client.lines = response.body();
		Thread.ofVirtual().start(client::read);
		return client;
	}

	private void read() {
		StringBuilder data = new StringBuilder();
		String id = null;
		try {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
				else if (line.isEmpty() && !data.isEmpty()) {
					JsonNode batch = JSON.readTree(data.toString());
					for (JsonNode incident : batch.path("incidents")) {
						incidents.add(incident.path("id").asString());
					}
					resync |= batch.path("resync").asBoolean();
					if (id != null) {
						lastEventId = id;
					}
					events.incrementAndGet();
					data.setLength(0);
				}
			}
		}
		catch (RuntimeException e) {
			// closed by the test or by the server
		}
	}

	public int status() {
		return status;
	}

	public Set<String> incidents() {
		return incidents;
	}

	public int events() {
		return events.get();
	}

	public String lastEventId() {
		return lastEventId;
	}

	public boolean resync() {
		return resync;
	}

	@Override
	public void close() {
		if (lines != null) {
			lines.close();
		}
	}
}

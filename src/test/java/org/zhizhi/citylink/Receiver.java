package org.zhizhi.citylink;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A subscriber in the test: a JDK HTTP server on 127.0.0.1 that keeps every request it gets (headers and body) and
 * answers the statuses it is told, in order, then 200.
 */
final class Receiver implements AutoCloseable {

	record Received(Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

	Receiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/hook", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				Map<String, String> headers = new java.util.HashMap<>();
				exchange.getRequestHeaders()
					.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
				received.add(new Received(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			Integer status = answers.poll();
			exchange.sendResponseHeaders(status == null ? 200 : status, -1);
			exchange.close();
		});
		server.start();
	}

	/** Answers these statuses to the next requests, then 200 again. */
	Receiver answering(Integer... statuses) {
		answers.addAll(List.of(statuses));
		return this;
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}

package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API error is an RFC 9457 problem, also those decided before Spring MVC: paths the security firewall rejects,
 * and what Tomcat refuses itself (an encoded slash or NUL in the path, headers over 8 KB), which used to be Tomcat's
 * English HTML page or Spring Boot's own JSON. Sent over a raw socket, since HTTP clients tidy such paths up first.
 */
@ZhizhiIntegrationTest
class ContainerErrorsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	record Raw(int status, Map<String, String> headers, String body) {

		String contentType() {
			return headers.getOrDefault("content-type", "");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/api/v1/incidents/a%2Fb, REQUEST_REJECTED", "/api/v1/org-units/a%00b, REQUEST_REJECTED",
			"/api/v1/%2e%2e/api/v1/me, REQUEST_REJECTED", "/api/v1/incidents/%2e%2e/x, REQUEST_REJECTED",
			"/open311/v2/requests/a%2Fb.json, REQUEST_REJECTED", "/api/v1//me, REQUEST_REJECTED",
			"/api/v1/no-such-thing, " })
	void aMalformedApiPathIsAProblem(String path, String code) throws IOException {
		Raw answer = get(path, Map.of());

		assertThat(answer.status()).as(answer.body()).isIn(400, 401, 404);
		assertProblem(answer);
		if (code != null) {
			assertThat(JSON.readTree(answer.body()).path("code").asString()).isEqualTo(code);
		}
	}

	@Test
	void headersOverTomcatsLimitAreAProblem() throws IOException {
		Raw answer = get("/api/v1/me", Map.of("X-Padding", "a".repeat(9 * 1024)));

		assertThat(answer.status()).as(answer.body()).isIn(400, 431);
		assertProblem(answer);
		assertThat(JSON.readTree(answer.body()).path("code").asString()).isEqualTo("HEADERS_TOO_LARGE");
	}

	@Test
	void aMalformedPagePathIsAChinesePage() throws IOException {
		for (String path : new String[] { "/incidents/a%2Fb", "/m/%2e%2e/x" }) {
			Raw answer = get(path, Map.of("Accept", "text/html"));

			assertThat(answer.status()).as(path).isEqualTo(400);
			assertThat(answer.contentType()).as(path).startsWith("text/html");
			assertThat(answer.body()).as(path).contains("出错了").doesNotContain("Apache Tomcat", "HTTP Status");
		}
	}

	@Test
	void theErrorPathAskedForDirectlyIsNotFound() throws IOException {
		assertThat(get("/error", Map.of("Accept", "text/html")).status()).isEqualTo(404);
	}

	private static void assertProblem(Raw answer) {
		assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
		assertThat(problem.path("type").asString()).startsWith("urn:zhizhi:problem:");
		assertThat(problem.path("code").asString()).isNotBlank();
		assertThat(problem.path("errors").isArray()).isTrue();
	}

	/** One GET exactly as written: no client normalises the path or refuses the header first. */
	private Raw get(String path, Map<String, String> headers) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
	}

	private static Raw parse(byte[] bytes) throws IOException {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(new java.io.ByteArrayInputStream(body));
		}
		return new Raw(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] unchunk(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			StringBuilder size = new StringBuilder();
			for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
				if (c != '\r') {
					size.append((char) c);
				}
			}
			String hex = size.toString().split(";")[0].strip();
			if (hex.isEmpty()) {
				return out.toByteArray();
			}
			int length = Integer.parseInt(hex, 16);
			if (length == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(length));
			in.read();
			in.read();
		}
	}
}

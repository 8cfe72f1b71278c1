package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload just over spring.servlet.multipart's 20 MB is refused with 413 — a problem for the API, the Chinese error
 * page for a form — where it used to be a 500 (the first filter to read a parameter failed on it). Far larger bodies
 * may be cut off by Tomcat before any answer (it stops reading after its swallow limit); that is not testable here.
 */
@ZhizhiIntegrationTest
class UploadLimitIntegrationTests {

	/** spring.servlet.multipart.max-file-size and max-request-size. */
	private static final int LIMIT = 20 * 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/incidents/{id}/photos", "/api/v1/imports/residents",
			"/api/v1/partnership/documents", "/api/v1/wishes" })
	void anUploadJustOverTheLimitIsA413Problem(String path) {
		HttpResponse<String> answer = upload(path.replace("{id}", UUID.randomUUID().toString()),
				"application/json");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("status").asInt()).isEqualTo(413);
		assertThat(problem.path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(problem.path("detail").asString()).contains("20 MB");
	}

	@Test
	void anUploadJustOverTheLimitOnAFormIsA413PageInChinese() {
		HttpResponse<String> answer = upload("/residents/import", "text/html");

		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(answer.body()).contains("上传的内容太大", "20 MB");
	}

	private HttpResponse<String> upload(String path, String accept) {
		String boundary = "zz" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(LIMIT + 4096);
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\""
				+ "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(new byte[LIMIT + 1024]);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + api.tokenOf("dongcheng"))
			.header("Accept", accept)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			return HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}

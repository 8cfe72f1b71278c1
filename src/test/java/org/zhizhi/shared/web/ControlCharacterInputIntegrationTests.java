package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A terminal's colour code or a text-direction override in any text field is refused as a problem of its field, the
 * way a NUL byte is: a title that turns itself around (U+202E) or carries {@code ESC[31m} never reaches a public page.
 * Line breaks and tabs of a text area are taken.
 */
@ZhizhiIntegrationTest
class ControlCharacterInputIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@LocalServerPort
	int port;

	@Test
	void aFormTitleWithARightToLeftOverrideIsRefusedWithAChineseMessageNamingTheField() {
		WebSession resident = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);

		HttpResponse<String> answer = resident.submit("/m/wish", "/m/wish",
				Map.of("title", "旧轮椅\u202e椅轮旧", "description", "需要一辆轮椅", "category", "GOODS"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("title", "不能包含控制字符或文字方向控制符").doesNotContain("Whitelabel");
	}

	@Test
	void aJsonTitleWithATerminalColourCodeIsAProblemOfItsField() {
		String token = new ApiClient(port).tokenOf("jumin01");

		HttpResponse<String> response = post("/api/v1/wishes", token,
				"{\"title\":\"\\u001b[31m旧轮椅\\u001b[0m\",\"description\":\"x\",\"category\":\"GOODS\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(problem.path("errors").valueStream().toList()).anySatisfy(e -> {
			assertThat(e.path("field").asString()).isEqualTo("title");
			assertThat(e.path("message").asString()).contains("U+202E");
		});
	}

	@Test
	void aQueryParameterWithAnIsolateIsRefusedToo() {
		String token = new ApiClient(port).tokenOf("dongcheng");

		HttpResponse<String> response = get("/api/v1/accounts?q=a%E2%81%A6b", token);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).path("errors").path(0).path("field").asString()).isEqualTo("q");
	}

	@Test
	void lineBreaksAndTabsOfATextAreaAreTaken() {
		WebSession resident = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);

		HttpResponse<String> answer = resident.submit("/m/wish", "/m/wish", Map.of("title",
				"旧轮椅 " + UUID.randomUUID().toString().substring(0, 6), "description", "需要一辆轮椅\r\n\t最好能折叠",
				"category", "GOODS"));

		assertThat(answer.statusCode()).as(answer.body()).isIn(200, 302, 303);
		assertThat(answer.body()).doesNotContain("不能包含控制字符");
	}

	private HttpResponse<String> post(String path, String token, String json) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept-Language", "zh-CN")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.GET());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
					BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}

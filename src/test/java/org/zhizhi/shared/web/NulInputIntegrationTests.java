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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A NUL byte (U+0000) in any text input — a JSON string, a query parameter, a form field, a multipart part — is refused
 * as a problem of its field (400), never passed on to PostgreSQL, which cannot store it and used to fail as a 500.
 * Failed sign-ins with one are in the audit trail.
 */
@ZhizhiIntegrationTest
class NulInputIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	/** One request with a NUL somewhere: who sends it (a demo account or nobody), how, and the field to be named. */
	record Case(String name, String method, String path, String user, String contentType, String body, String field) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Case> apiCases() {
		String form = "application/x-www-form-urlencoded";
		String json = "application/json";
		return Stream.of(
				new Case("token endpoint, JSON", "POST", "/api/v1/auth/token", null, json,
						"{\"username\":\"ad\\u0000min\",\"password\":\"Zhizhi@2026\"}", "username"),
				new Case("wish, JSON", "POST", "/api/v1/wishes", "jumin01", json,
						"{\"title\":\"旧轮椅\\u0000\",\"description\":\"x\",\"category\":\"GOODS\"}", "title"),
				new Case("account, JSON", "POST", "/api/v1/accounts", "dongcheng", json,
						"{\"username\":\"nul\\u0000user\",\"displayName\":\"x\",\"roles\":[\"RESIDENT\"]}", "username"),
				new Case("incident step, JSON nested in a path with an id", "POST",
						"/api/v1/incidents/" + UUID.randomUUID() + "/triage", "dongcheng", json,
						"{\"triage\":\"PRIVATE\",\"note\":\"\\u0000\"}", "note"),
				new Case("account search, query", "GET", "/api/v1/accounts?q=a%00b", "dongcheng", null, null, "q"),
				new Case("org units, query", "GET", "/api/v1/org-units?name=%00", "dongcheng", null, null, "name"),
				new Case("Open311 search, query", "GET", "/open311/v2/requests.json?service_code=OTHER%00", null, null,
						null, "service_code"),
				new Case("Open311 report, form", "POST", "/open311/v2/requests.json", null, form,
						"api_key=zhizhi-demo-key&service_code=OTHER&lat=29.4&long=106.5&description=a%00b",
						"description"),
				new Case("wish with photo, multipart JSON part", "POST", "/api/v1/wishes", "jumin01",
						"multipart/form-data; boundary=nulnulnul",
						"--nulnulnul\r\nContent-Disposition: form-data; name=\"wish\"\r\n"
								+ "Content-Type: application/json\r\n\r\n"
								+ "{\"title\":\"a\\u0000\",\"description\":\"x\",\"category\":\"GOODS\"}\r\n"
								+ "--nulnulnul--\r\n",
						"title"),
				new Case("multipart text field", "POST", "/api/v1/wishes", "jumin01",
						"multipart/form-data; boundary=nulnulnul",
						"--nulnulnul\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + "a\u0000b\r\n"
								+ "--nulnulnul--\r\n",
						"note"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("apiCases")
	void aNulByteInTheApiIsAProblemOfItsField(Case c) {
		HttpResponse<String> response = send(c);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("errors").valueStream().toList()).as(response.body())
			.anySatisfy(e -> {
				assertThat(e.path("field").asString()).isEqualTo(c.field());
				assertThat(e.path("message").asString()).contains("U+0000");
			});
	}

	@Test
	void aNulByteInAPageFormIsRefusedWithAChineseMessageNamingTheField() {
		WebSession resident = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);

		HttpResponse<String> answer = resident.submit("/m/wish", "/m/wish",
				Map.of("title", "旧轮椅\u0000", "description", "需要一辆轮椅", "category", "GOODS"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("title", "不能包含空字符").doesNotContain("Whitelabel");
	}

	@Test
	void aSignInWithANulByteIsRefusedAndAudited() {
		String token = "ad\u0000min-" + UUID.randomUUID().toString().substring(0, 8);
		ApiClient.Response refused = api.requestToken(token, ApiClient.DEMO_PASSWORD);
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("username");

		String form = "ad\u0000min-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> page = new WebSession(port).postForm("/login",
				Map.of("username", form, "password", ApiClient.DEMO_PASSWORD));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("不能包含空字符");

		for (String username : List.of(token, form)) {
			assertThat(jdbc.queryForList("""
					select outcome from identity.audit_entry where action = 'LOGIN' and username = ?""", String.class,
					username.replace('\u0000', '\u2400')))
				.as("audit of the sign-in as %s", username.replace('\u0000', '␀'))
				.containsExactly("FAILURE");
		}
	}

	// --- helpers -------------------------------------------------------------------------------------------------

	private HttpResponse<String> send(Case c) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
			.timeout(Duration.ofSeconds(30));
		if (c.user() != null) {
			request.header("Authorization", "Bearer " + api.tokenOf(c.user()));
		}
		if (c.body() != null) {
			request.header("Content-Type", c.contentType());
			request.header("Idempotency-Key", UUID.randomUUID().toString());
			request.method(c.method(), BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
		}
		else {
			request.method(c.method(), BodyPublishers.noBody());
		}
		try {
			return HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}

package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.Role;

/** Two people — or a script — pressing the same button at once. */
@ZhizhiIntegrationTest
class ConcurrencyIntegrationTests {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBurstOfGuessesCannotSlipPastTheThrottle() {
		String username = "burst-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.bootstrap(new CreateAccount(username, "并发测试", "Right#2026", Set.of(Role.RESIDENT),
				nodeId("500113101001003"), null), false);

		List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			guesses.add(token(username, "Wrong#" + i));
		}
		List<String> bodies = guesses.stream().map(CompletableFuture::join).map(HttpResponse::body).toList();

		// issue 11: no lock any more, a wait (TOO_MANY_ATTEMPTS); still only five passwords are ever compared
		assertThat(bodies)
			.allMatch(body -> body.contains("\"BAD_CREDENTIALS\"") || body.contains("\"TOO_MANY_ATTEMPTS\""));
		assertThat(bodies).filteredOn(body -> body.contains("\"BAD_CREDENTIALS\"")).hasSizeLessThanOrEqualTo(5);
		long passwordsChecked = jdbc.sql("""
				SELECT count(*) FROM identity.audit_entry
				WHERE username = :username AND action = 'LOGIN' AND outcome = 'FAILURE'""")
			.param("username", username)
			.query(Long.class)
			.single();
		assertThat(passwordsChecked).as("passwords actually compared").isEqualTo(5);
		assertThat(token(username, "Right#2026").join().body()).contains("\"TOO_MANY_ATTEMPTS\"");
	}

	@Test
	void manyRefusedWritesAtOnceAreAllAnsweredAndAudited() {
		String token = tokenOf("dongcheng");
		String prefix = "wide-" + UUID.randomUUID().toString().substring(0, 6);
		String banan = nodeId("500113000000").toString();
		List<CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String body = """
					{"username":"%s-%d","displayName":"越权","password":"Pw#2026-test","roles":["DISTRICT_ADMIN"],
					 "orgUnitId":"%s"}""".formatted(prefix, i, banan);
			attempts.add(HTTP.sendAsync(HttpRequest.newBuilder(uri("/api/v1/accounts"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(20))
				.POST(BodyPublishers.ofString(body))
				.build(), BodyHandlers.ofString()));
		}
		assertThat(attempts.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(400);
		long denied = jdbc.sql("""
				SELECT count(*) FROM identity.audit_entry
				WHERE action = 'ACCOUNT_CREATE' AND outcome = 'DENIED' AND starts_with(object_id, :prefix)""")
			.param("prefix", prefix)
			.query(Long.class)
			.single();
		assertThat(denied).isEqualTo(40);
		assertThat(jdbc.sql("SELECT count(*) FROM identity.account WHERE starts_with(username, :prefix)")
			.param("prefix", prefix)
			.query(Long.class)
			.single()).isZero();
	}

	private UUID nodeId(String code) {
		return jdbc.sql("SELECT id FROM territory.org_unit WHERE code = :code").param("code", code).query(UUID.class)
			.single();
	}

	private String tokenOf(String username) {
		String body = token(username, "Zhizhi@2026").join().body();
		return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	private CompletableFuture<HttpResponse<String>> token(String username, String password) {
		return HTTP.sendAsync(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}

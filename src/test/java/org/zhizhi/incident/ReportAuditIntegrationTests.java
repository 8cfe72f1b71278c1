package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.identity.AuditTrail;

/**
 * Issue 16: a report sent to the API is written with its audit entry in one transaction — the entry commits with the
 * report or not at all, and the request waits for one commit instead of two — while everything else about the entry
 * stays as the write filter writes it: one per request, the replay of a key and a refused report included, and the
 * chain unbroken while the intake's writers and the trail's own writer join it at once. That the report and its entry
 * were committed together is read from PostgreSQL itself: rows a transaction wrote carry its id ({@code xmin}).
 */
@ZhizhiIntegrationTest
class ReportAuditIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final String REPORT = "POST /api/v1/incidents";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportIntake intake;

	@Autowired
	AuditTrail trail;

	private ApiClient api;

	private UUID reporter;

	private String token;

	@BeforeEach
	void resident() {
		api = new ApiClient(port);
		var account = api.createResident("it-report-audit");
		reporter = UUID.fromString(account.path("id").asString());
		token = api.login(account.path("username").asString(), ApiClient.TEST_PASSWORD);
	}

	@Test
	void theReportsOfAGroupCommitTheirEntriesInTheGroupsTransactionAndAReplayIsAuditedAsBefore() {
		String replayed = UUID.randomUUID().toString();
		List<CompletableFuture<Response>> answers = new ArrayList<>();
		try (ReportIntake.Hold held = intake.hold()) {
			answers.add(send(replayed, "井盖破损 重复提交"));
			answers.add(send(replayed, "井盖破损 重复提交"));
			for (int n = 0; n < 3; n++) {
				answers.add(send(UUID.randomUUID().toString(), "井盖破损 " + n));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> intake.queued() == 5);
		}
		List<Response> responses = answers.stream().map(CompletableFuture::join).toList();
		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.brief()).isEqualTo(201));
		Set<UUID> incidents = new HashSet<>(responses.stream()
			.map(r -> UUID.fromString(r.json().path("incident").path("id").asString()))
			.toList());
		assertThat(incidents).as("the key's two submissions answer one incident").hasSize(4);

		List<String> groupTransaction = jdbc.sql("SELECT DISTINCT xmin::text FROM incident.incident WHERE id = ANY(:ids)")
			.param("ids", incidents.toArray(UUID[]::new))
			.query(String.class)
			.list();
		assertThat(groupTransaction).as("the four reports were written in one group").hasSize(1);

		List<Map<String, Object>> entries = entries();
		assertThat(entries).as("an entry per request, the replay's too").hasSize(5);
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.get("outcome")).isEqualTo("SUCCESS");
			assertThat(e.get("detail")).isEqualTo("HTTP 201");
			assertThat(e.get("chain_seq")).as("joined to the chain").isNotNull();
		});
		assertThat(entries.stream().filter(e -> e.get("xmin").equals(groupTransaction.get(0))))
			.as("the four written reports' entries committed by the group's transaction").hasSize(4);
		assertThat(trail.verifyChain().intact()).isTrue();
	}

	/**
	 * A group counts on its keys being new (its claims go with the other statements of its commit); a key used before
	 * fails the group, which is then written report by report: the used key answers as before, the others are written.
	 */
	@Test
	void aKeyUsedBeforeInAGroupIsAnsweredAsBeforeAndTheOthersOfTheGroupAreWritten() {
		String used = UUID.randomUUID().toString();
		Response first = send(used, "井盖破损 先前提交").join();
		assertThat(first.status()).as(first.brief()).isEqualTo(201);
		List<CompletableFuture<Response>> answers = new ArrayList<>();
		try (ReportIntake.Hold held = intake.hold()) {
			answers.add(send(used, "井盖破损 先前提交"));
			for (int n = 0; n < 3; n++) {
				answers.add(send(UUID.randomUUID().toString(), "井盖破损 同组 " + n));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> intake.queued() == 4);
		}
		List<Response> responses = answers.stream().map(CompletableFuture::join).toList();
		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.brief()).isEqualTo(201));
		assertThat(responses.get(0).body()).as("the used key's answer, as first given").isEqualTo(first.body());
		assertThat(jdbc.sql("SELECT count(*) FROM incident.incident WHERE reporter_id = :reporter")
			.param("reporter", reporter)
			.query(Long.class)
			.single()).as("the first report and the group's three new ones").isEqualTo(4);
		assertThat(entries()).hasSize(5).allSatisfy(e -> assertThat(e.get("detail")).isEqualTo("HTTP 201"));
		assertThat(trail.verifyChain().intact()).isTrue();
	}

	@Test
	void aRefusedReportIsAuditedAsRefusedAndWritesNothing() {
		Map<String, Object> body = report("井盖破损 类别不存在");
		body.put("categoryCode", "NO_SUCH_CATEGORY");
		Response refused = send(UUID.randomUUID().toString(), body).join();
		assertThat(refused.status()).as(refused.brief()).isEqualTo(400);

		assertThat(entries()).singleElement().satisfies(e -> {
			assertThat(e.get("outcome")).isEqualTo("FAILURE");
			assertThat(e.get("detail")).isEqualTo("HTTP 400");
		});
		assertThat(jdbc.sql("SELECT count(*) FROM incident.incident WHERE reporter_id = :reporter")
			.param("reporter", reporter)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void reportsFromManyPhonesAtOnceEachHaveOneEntryAndTheChainHolds() {
		List<CompletableFuture<Response>> answers = new ArrayList<>();
		for (int n = 0; n < 40; n++) {
			answers.add(send(UUID.randomUUID().toString(), "井盖破损 同时 " + n));
			// writes of others, audited by the trail's own writer, joining the same chain meanwhile
			if (n % 8 == 0) {
				send(UUID.randomUUID().toString(), Map.of("categoryCode", "MANHOLE_COVER"));
			}
		}
		List<Response> responses = answers.stream().map(CompletableFuture::join).toList();
		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.brief()).isEqualTo(201));

		List<Map<String, Object>> entries = entries();
		assertThat(entries.stream().filter(e -> "HTTP 201".equals(e.get("detail")))).hasSize(40);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM incident.incident i
				 WHERE i.reporter_id = :reporter
				   AND EXISTS (SELECT 1 FROM identity.audit_entry a
				                WHERE a.actor_id = :reporter AND a.action = :action AND a.xmin = i.xmin)""")
			.param("reporter", reporter)
			.param("action", REPORT)
			.query(Long.class)
			.single()).as("every report committed with an entry of its own transaction").isEqualTo(40);
		assertThat(trail.verifyChain().intact()).isTrue();
	}

	// ---------------------------------------------------------------------------------------------------------------

	private List<Map<String, Object>> entries() {
		return jdbc.sql("""
				SELECT outcome, detail, chain_seq, xmin::text AS xmin FROM identity.audit_entry
				 WHERE actor_id = :reporter AND action = :action ORDER BY chain_seq""")
			.param("reporter", reporter)
			.param("action", REPORT)
			.query()
			.listOfRows();
	}

	private Map<String, Object> report(String description) {
		double[] point = api.centroid("东城社区第1网格");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "RESIDENT_APP");
		body.put("categoryCode", "MANHOLE_COVER");
		body.put("description", description);
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		return body;
	}

	private CompletableFuture<Response> send(String key, String description) {
		return send(key, report(description));
	}

	private CompletableFuture<Response> send(String key, Map<String, Object> body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
			.build();
		return HTTP.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()));
	}
}

package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A node stopped as systemd stops it (the context closed, as the JVM's shutdown hook closes it on SIGTERM) while
 * reports come in: readiness turns DOWN while the port still serves; the requests in flight are answered; every report
 * answered 201 is in the database once; the outbox dispatcher has stopped; and the embedded PostgreSQL has shut down
 * cleanly (no {@code postmaster.pid} left, as a crash would leave it). This node has a data directory of its own that
 * outlives it — unlike {@code ZhizhiIntegrationTest}'s, whose context the whole run shares and which must not be closed
 * — with the same settings otherwise; the database is opened again afterwards to count.
 */
class GracefulStopIntegrationTests {

	private static final Pattern INCIDENT_ID = Pattern.compile("\"incident\":\\{\"id\":\"([0-9a-f-]{36})\"");

	private static final int REPORTERS = 8;

	@TempDir
	Path data;

	@Test
	void aStoppingNodeTurnsReadinessDownWhileItServesThenKeepsEveryAcknowledgedReportAndStopsPostgresCleanly()
			throws Exception {
		ConfigurableApplicationContext node = SpringApplication.run(ZhizhiApplication.class,
				"--zhizhi.data-dir=" + data, "--zhizhi.demo.enabled=true", "--server.port=0",
				"--management.server.port=0", "--zhizhi.security.throttle.per-client-minutely=100000",
				"--zhizhi.incident.sweep-interval=3650d", "--zhizhi.incident.kpi.fold-interval=3650d",
				"--zhizhi.notification.dispatcher.enabled=true", "--zhizhi.shutdown.delay=4s");
		int port = node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		ApiClient api = new ApiClient(port);
		String token = api.tokenOf("dongcheng-g01");
		double[] point = api.centroid(api.orgUnitId("东城社区第1网格"));
		Object dispatcher = node.getBean("outboxDispatcher");

		Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
		List<String> answersOtherThan201 = new CopyOnWriteArrayList<>();
		AtomicInteger refused = new AtomicInteger();
		AtomicBoolean readinessDown = new AtomicBoolean();
		AtomicInteger acknowledgedWhileDown = new AtomicInteger();
		List<Thread> reporters = new ArrayList<>();
		for (int r = 0; r < REPORTERS; r++) {
			int reporter = r;
			reporters.add(Thread.ofPlatform().start(() -> {
				// a client of its own: its own connection, as separate clients behind a balancer
				HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
				for (int n = 0;; n++) {
					String description = "停机测试 " + reporter + "-" + n;
					try {
						HttpResponse<String> answer = http.send(report(port, token, point, description),
								BodyHandlers.ofString(StandardCharsets.UTF_8));
						if (answer.statusCode() == 201) {
							Matcher id = INCIDENT_ID.matcher(answer.body());
							if (!id.find()) {
								answersOtherThan201.add("201 without an incident: " + answer.body());
								continue;
							}
							acknowledged.put(id.group(1), Boolean.TRUE);
							if (readinessDown.get()) {
								acknowledgedWhileDown.incrementAndGet();
							}
						}
						else {
							answersOtherThan201.add(answer.statusCode() + " " + answer.body());
						}
					}
					catch (IOException closedOrRefused) {
						// the port has stopped taking connections (or closed this idle one): this client is done
						refused.incrementAndGet();
						return;
					}
					catch (InterruptedException e) {
						return;
					}
				}
			}));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 50);

		long stopping = System.nanoTime();
		Thread stop = Thread.ofPlatform().start(node::close);
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
			.until(() -> status(port, "/readyz") == 503);
		readinessDown.set(true);
		assertThat(status(port, "/livez")).as("the port still serves while readiness is DOWN").isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> acknowledgedWhileDown.get() > 0);
		stop.join(Duration.ofSeconds(120));
		assertThat(stop.isAlive()).as("the stop ends").isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("within its worst case (ShutdownBoundsTests)")
			.isLessThan(Duration.ofSeconds(70));
		for (Thread reporter : reporters) {
			reporter.join(Duration.ofSeconds(30));
			assertThat(reporter.isAlive()).as("every client has met the closed port").isFalse();
		}

		assertThat(answersOtherThan201).as("no request was refused or failed while the node stopped").isEmpty();
		assertThat(refused).as("the port closed in the end").hasValue(REPORTERS);
		assertThat(dispatcher).extracting("stopping").as("the outbox dispatcher was stopped").isEqualTo(true);
		assertThat(data.resolve("postgres/postmaster.pid")).as("PostgreSQL shut down, not left running or crashed")
			.doesNotExist();

		try (EmbeddedPostgres again = EmbeddedPostgres.builder()
			.setDataDirectory(data.resolve("postgres"))
			.setCleanDataDirectory(false)
			.start()) {
			JdbcClient jdbc = JdbcClient.create(again.getPostgresDatabase());
			List<UUID> ids = acknowledged.keySet().stream().map(UUID::fromString).toList();
			assertThat(jdbc.sql("SELECT count(*) FROM incident.incident WHERE id = ANY(?)")
				.param(ids.toArray(UUID[]::new))
				.query(Long.class)
				.single()).as("every report answered 201 is there").isEqualTo(ids.size());
			assertThat(jdbc.sql("""
					SELECT count(*) FROM (SELECT description FROM incident.incident WHERE description LIKE '停机测试 %'
					 GROUP BY description HAVING count(*) > 1) twice""").query(Long.class).single())
				.as("none twice").isZero();
			assertThat(jdbc.sql("""
					SELECT count(*) FROM notification.outbox
					 WHERE delivered_at IS NULL AND claimed_at IS NOT NULL AND next_attempt_at > now()""")
				.query(Long.class)
				.single()).as("no outbox row left leased to the stopped node").isZero();
		}
		assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).isFalse();
	}

	private static HttpRequest report(int port, String token, double[] point, String description) {
		String body = ApiClient.json(Map.of("channel", "PATROL", "categoryCode", "SANITATION_BLACKSPOT",
				"description", description, "lat", point[0], "lng", point[1]));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	private static int status(int port, String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
						BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}
}

package org.zhizhi.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.ReplicaRead;
import org.zhizhi.shared.Role;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 16, read replicas, on two embedded PostgreSQL servers: the platform's own (the primary) and a hot standby
 * streaming from it ({@link Standby}). Reads marked {@link ReplicaRead} in a read-only transaction go to the standby,
 * with the reader's scope for its row-level security; writes, unmarked reads and marked read-write transactions go
 * to the primary; a standby whose replay is paused answers the KPIs (its figures stand still while the primary's
 * move) until it lags beyond {@code zhizhi.database.replica.max-lag}, then the primary answers, and the standby again
 * once it has caught up; a standby that is gone sends the reads to the primary at once.
 * <p>The bound is wide (60 s) so that a loaded machine never crosses it by accident; the test crosses it by moving the
 * platform's clock, which the heartbeat writes and the lag is measured by.
 */
@ZhizhiIntegrationTest
@TestPropertySource(properties = { "zhizhi.database.replica.max-lag=60s", "zhizhi.database.replica.heartbeat=100ms" })
@DirtiesContext // two PostgreSQL servers of its own: not kept for the classes after it
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(ReadReplicaIntegrationTests.class);

	private static final Duration MAX_LAG = Duration.ofSeconds(60);

	private static final int STANDBY_PORT = freePort();

	@DynamicPropertySource
	static void replica(DynamicPropertyRegistry registry) {
		registry.add("zhizhi.database.replica.url", () -> "jdbc:postgresql://localhost:" + STANDBY_PORT + "/postgres");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TwoServers {

		/** Made once the platform's server runs; it streams whatever the platform writes after (migrations, demo). */
		@Bean(destroyMethod = "close")
		Standby standby(EmbeddedPostgres primary) throws IOException, SQLException {
			return Standby.of(primary, STANDBY_PORT);
		}

		@Bean
		Probe probe(JdbcClient jdbc) {
			return new Probe(jdbc);
		}
	}

	/** Where a read or a write of each kind lands: the server's port, whether it is the standby, the scope it has. */
	record Landing(int port, boolean standby, String scope) {
	}

	public static class Probe {

		private final JdbcClient jdbc;

		Probe(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@ReplicaRead
		@Transactional(readOnly = true)
		public Landing markedRead() {
			return landing();
		}

		/** Rows of people.resident the reader's connection shows, asked without any predicate of the application's. */
		@ReplicaRead
		@Transactional(readOnly = true)
		public long residentsWithoutPredicate() {
			return jdbc.sql("SELECT count(*) FROM people.resident").query(Long.class).single();
		}

		@Transactional(readOnly = true)
		public Landing unmarkedRead() {
			return landing();
		}

		@ReplicaRead
		public Landing markedWithoutTransaction() {
			return landing();
		}

		/** A read-write transaction inside a marked read: it takes a transaction id, which only a primary can give. */
		@ReplicaRead
		@Transactional
		public Landing markedWrite() {
			jdbc.sql("SELECT pg_current_xact_id()::text").query(String.class).single();
			return landing();
		}

		private Landing landing() {
			return jdbc.sql("SELECT inet_server_port(), pg_is_in_recovery(), current_setting('zhizhi.scope', true)")
				.query((rs, n) -> new Landing(rs.getInt(1), rs.getBoolean(2), rs.getString(3)))
				.single();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedPostgres primary;

	@Autowired
	Standby standby;

	@Autowired
	Probe probe;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestClock clock;

	@Autowired
	MeterRegistry metrics;

	@BeforeEach
	void standbyInStep() {
		await().atMost(Duration.ofMinutes(3)).until(standby::caughtUp);
		await().atMost(Duration.ofSeconds(30)).until(() -> routing().lag().fresh());
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	@Order(1)
	void aMarkedReadGoesToTheStandbyWithTheReadersScope() {
		JdbcTemplate superuser = new JdbcTemplate(primary.getPostgresDatabase());
		Map<String, Object> dongcheng = superuser
			.queryForMap("SELECT id, path FROM territory.org_unit WHERE name = '东城社区'");
		DataScope scope = new DataScope((UUID) dongcheng.get("id"), (String) dongcheng.get("path"));
		long inScope = superuser.queryForObject("SELECT count(*) FROM people.resident WHERE scope_path LIKE ?",
				Long.class, scope.likePattern());
		long all = superuser.queryForObject("SELECT count(*) FROM people.resident", Long.class);
		assertThat(inScope).as("the demo has residents of 东城社区 and elsewhere").isPositive().isLessThan(all);

		Actor staff = new Actor(UUID.randomUUID(), "it-replica", "测试", Set.of(Role.COMMUNITY_STAFF), scope);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(staff, null, List.of()));

		assertThat(probe.markedRead()).isEqualTo(new Landing(standby.port(), true, scope.likePattern()));
		// row-level security holds on the standby with the reader's scope: no predicate, and only his rows
		assertThat(probe.residentsWithoutPredicate()).isEqualTo(inScope);
		assertThat(probe.unmarkedRead()).isEqualTo(new Landing(primary.getPort(), false, scope.likePattern()));
	}

	@Test
	@Order(2)
	void writesAndUnmarkedReadsStayOnThePrimary() {
		assertThat(probe.markedRead().standby()).isTrue();
		assertThat(metrics.get("zhizhi.database.replica.lag").gauge().value()).as("the lag for the scrape, in seconds")
			.isBetween(0.0, MAX_LAG.toSeconds() + 0.0);
		assertThat(probe.markedWrite()).as("a read-write transaction inside a marked read")
			.isEqualTo(new Landing(primary.getPort(), false, ""));
		assertThat(probe.markedWithoutTransaction()).as("a statement outside a read-only transaction")
			.isEqualTo(new Landing(primary.getPort(), false, ""));
		assertThat(probe.unmarkedRead().standby()).isFalse();
	}

	@Test
	@Order(3)
	void aLaggingStandbyAnswersTheKpisWithinTheBoundAndThePrimaryBeyondIt() {
		ApiClient api = new ApiClient(port);
		String staff = api.tokenOf("dongcheng");
		measureTheLag(api);
		long before = reported(api, staff);

		standby.pauseReplay();
		String incident = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "副本测试：井盖松动");
		// the write went to the primary, and a read that is not marked sees it there at once
		assertThat(api.get("/api/v1/incidents/" + incident, staff).status()).isEqualTo(200);

		// beyond the bound: the primary answers, and counts the new report
		clock.advance(MAX_LAG.multipliedBy(2));
		assertThat(routing().lag().fresh()).isFalse();
		assertThat(probe.markedRead().standby()).isFalse();
		await().atMost(Duration.ofSeconds(30)).until(() -> reported(api, staff) == before + 1);

		// within the bound again (the same paused standby, its lag only as old as the pause): the standby answers,
		// without the report it has not replayed — the one thing that tells the two servers' answers apart
		clock.advance(MAX_LAG.multipliedBy(2).negated());
		assertThat(routing().lag().fresh()).isTrue();
		assertThat(probe.markedRead().standby()).isTrue();
		assertThat(reported(api, staff)).isEqualTo(before);

		standby.resumeReplay();
		await().atMost(Duration.ofSeconds(30)).until(() -> reported(api, staff) == before + 1);
		assertThat(probe.markedRead().standby()).isTrue();
	}

	@Test
	@Order(4)
	void aStandbyThatIsGoneSendsTheReadsToThePrimary() throws IOException {
		ApiClient api = new ApiClient(port);
		String staff = api.tokenOf("dongcheng");
		long onStandby = reported(api, staff);
		standby.close();
		assertThat(probe.markedRead().standby()).isFalse();
		assertThat(routing().lag().fresh()).as("until the standby shows a beat again").isFalse();
		assertThat(reported(api, staff)).isEqualTo(onStandby);
	}

	/** 东城社区's reports this month, as its community staff reads them through the KPI API. */
	private static long reported(ApiClient api, String token) {
		var answer = api.get("/api/v1/incident-kpis", token);
		assertThat(answer.status()).as(answer.brief()).isEqualTo(200);
		return answer.json().path("figures").path("reported").asLong();
	}

	/** The measured facts for the record: a write's way to the standby, and the lag the heartbeat sees. */
	private void measureTheLag(ApiClient api) {
		List<Long> replay = new ArrayList<>();
		for (int k = 0; k < 5; k++) {
			api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "副本测试：测延迟 " + k);
			replay.add(standby.replayDelay().toNanos() / 1_000);
		}
		List<Long> heartbeat = new ArrayList<>();
		for (int k = 0; k < 10; k++) {
			heartbeat.add(routing().lag().lag().orElseThrow().toMillis());
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		log.info("Standby replay of a report's commit: {} µs; lag by the heartbeat (every 100 ms): {} ms", replay,
				heartbeat);
	}

	private ReplicaRouting routing() {
		try {
			return dataSource.unwrap(ReplicaRouting.class);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}

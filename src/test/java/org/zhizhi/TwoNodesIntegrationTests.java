package org.zhizhi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.command.ScreenStreamClient;
import org.zhizhi.command.screen.ScreenFeed;
import org.zhizhi.shared.invalidation.Invalidations;
import org.zhizhi.territory.Boundaries;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two nodes on one database (issue 20), as they run behind a balancer: node A is the test run's platform, node B a
 * {@link SecondNode} on A's PostgreSQL. A browser's session goes on on the other node and ends on both; a boundary
 * and a token revocation made on one node, and a category renamed in the database, count on both at once (the nodes'
 * own checks — B's grid version every hour, the token re-check every 10 s, the categories every minute — are far too
 * slow to pass these tests: only the announcement does); a scheduled sweep
 * runs on one node at a time; twenty claims of one order over both nodes have one winner; and a report retried on A
 * after B died in the middle of it, or after B answered it, is one incident. B's death comes last: nothing comes back.
 */
@ZhizhiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(TwoNodesIntegrationTests.class);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** How soon a change made on one node must count on the other: milliseconds, with room for a loaded CI machine. */
	private static final Duration AT_ONCE = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	TestClock clock;

	@Autowired
	List<ScheduledTaskHolder> schedulers;

	private SecondNode b;

	private ApiClient onA;

	private ApiClient onB;

	private JdbcTemplate superuser;

	@BeforeAll
	void startNodeB() {
		long started = System.nanoTime();
		// B may look at the grid version only once an hour: a boundary changed on A reaches it by announcement alone
		b = SecondNode.start(postgres, clock, "zhizhi.grids.version-check=1h");
		log.info("Node B started in {} ms", (System.nanoTime() - started) / 1_000_000);
		onA = new ApiClient(port);
		onB = new ApiClient(b.port());
		superuser = new JdbcTemplate(postgres.getPostgresDatabase());
		await().atMost(Duration.ofSeconds(30)).until(() -> b.bean(Invalidations.class).listening());
	}

	@AfterAll
	void stopNodeB() {
		if (b != null) {
			b.close();
		}
	}

	@Test
	void aWebSessionSignedInOnANodeGoesOnOnTheOtherAndASignOutOnEitherEndsItOnBoth() {
		WebSession browserOnA = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		WebSession browserOnB = browserOnA.at(b.port());

		HttpResponse<String> home = browserOnB.get("/");
		assertThat(home.statusCode()).as("the workbench on B, signed in on A").isEqualTo(200);
		assertThat(browserOnB.sessionCookie()).isEqualTo(browserOnA.sessionCookie());

		HttpResponse<String> signOut = browserOnB.submit("/", "/logout", Map.of());
		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(signOut)).isEqualTo("/login?logout");
		HttpResponse<String> afterwards = browserOnA.get("/");
		assertThat(afterwards.statusCode()).as("the workbench on A after signing out on B").isEqualTo(302);
		assertThat(WebSession.location(afterwards)).startsWith("/login");
	}

	@Test
	void aBoundaryChangedOnANodeIsLocatedOnTheOtherAtOnce() {
		UUID microGrid = firstMicroGridOf("东城社区第1网格");
		String before = onA.get("/api/v1/org-units/" + microGrid, onA.tokenOf("admin")).json().path("boundary")
			.toString();
		String shrunk = halved(before);
		// a point the micro-grid covers now and will not cover once it is halved around its centre
		Point edge = Boundaries.parse(before).difference(Boundaries.parse(shrunk)).getInteriorPoint();
		assertThat(locatedMicroGrid(onB, edge)).isEqualTo(microGrid.toString());
		try {
			Response changed = onA.send("PUT", "/api/v1/org-units/" + microGrid + "/boundary", onA.tokenOf("dongcheng"),
					shrunk);
			assertThat(changed.status()).as(changed.brief()).isEqualTo(200);
			long changedAt = System.nanoTime();
			await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(20))
				.until(() -> !microGrid.toString().equals(locatedMicroGrid(onB, edge)));
			log.info("A boundary changed on A was located on B after {} ms", (System.nanoTime() - changedAt) / 1_000_000);
		}
		finally {
			Response restored = onA.send("PUT", "/api/v1/org-units/" + microGrid + "/boundary",
					onA.tokenOf("dongcheng"), before);
			assertThat(restored.status()).as(restored.brief()).isEqualTo(200);
		}
		await().atMost(AT_ONCE).until(() -> microGrid.toString().equals(locatedMicroGrid(onB, edge)));
	}

	@Test
	void aTokenRevokedOnANodeIsRefusedOnTheOtherAtOnce() {
		String token = onA.login("dangyuan02", ApiClient.DEMO_PASSWORD);
		// B looks the token up and remembers it (for ten seconds, unless told otherwise)
		assertThat(onB.get("/api/v1/me", token).status()).isEqualTo(200);
		assertThat(onB.get("/api/v1/me", token).status()).isEqualTo(200);

		assertThat(onA.delete("/api/v1/auth/token", token).status()).isEqualTo(204);
		long revokedAt = System.nanoTime();
		assertThat(onA.get("/api/v1/me", token).status()).isEqualTo(401);
		await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(10))
			.until(() -> onB.get("/api/v1/me", token).status() == 401);
		log.info("A token revoked on A was refused on B after {} ms", (System.nanoTime() - revokedAt) / 1_000_000);
	}

	@Test
	void aCategoryRenamedInTheDatabaseIsShownByBothNodesAtOnce() {
		String name = categoryName(onB, "PUBLIC_SPACE_CLUTTER");
		String renamed = name + "（改）";
		// both nodes have read the categories: each keeps them for a minute unless told otherwise
		assertThat(categoryName(onA, "PUBLIC_SPACE_CLUTTER")).isEqualTo(name);
		try {
			// as an operator's SQL changes them, on neither node
			superuser.update("update incident.category set name = ? where code = 'PUBLIC_SPACE_CLUTTER'", renamed);
			await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(20))
				.until(() -> renamed.equals(categoryName(onA, "PUBLIC_SPACE_CLUTTER"))
						&& renamed.equals(categoryName(onB, "PUBLIC_SPACE_CLUTTER")));
		}
		finally {
			superuser.update("update incident.category set name = ? where code = 'PUBLIC_SPACE_CLUTTER'", name);
		}
		await().atMost(AT_ONCE).until(() -> name.equals(categoryName(onA, "PUBLIC_SPACE_CLUTTER"))
				&& name.equals(categoryName(onB, "PUBLIC_SPACE_CLUTTER")));
	}

	@Test
	void theOverdueSweepRunsOnOneNodeWhileTheOtherFindsItRunning() throws Exception {
		String id = whistled();
		superuser.update("update incident.incident set respond_due_at = ? where id = ?",
				java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(5))), UUID.fromString(id));
		Runnable sweepOnA = overdueSweep(schedulers);
		Runnable sweepOnB = overdueSweep(b.beans(ScheduledTaskHolder.class));

		// threads of their own: the common pool may have one thread on a small machine, which A's pass would hold
		try (ExecutorService nodes = Executors.newFixedThreadPool(2);
				Connection lock = postgres.getPostgresDatabase().getConnection()) {
			lock.setAutoCommit(false);
			// the incident held, so that A's pass stops at it while holding the schedule's lock
			try (PreparedStatement hold = lock
				.prepareStatement("select id from incident.incident where id = ? for update")) {
				hold.setObject(1, UUID.fromString(id));
				hold.executeQuery().close();
			}
			int holder = backendPid(lock);
			CompletableFuture<Void> passOnA = CompletableFuture.runAsync(sweepOnA, nodes);
			await().atMost(Duration.ofSeconds(30)).until(() -> waitingOn(holder, null) > 0);

			// B's pass on the same schedule: it returns at once, without touching the held incident
			CompletableFuture.runAsync(sweepOnB, nodes).get(10, TimeUnit.SECONDS);
			assertThat(passOnA).isNotDone();

			lock.rollback();
			passOnA.get(30, TimeUnit.SECONDS);
		}
		JsonNode detail = onA.get("/api/v1/incidents/" + id, onA.tokenOf("dongcheng")).json();
		assertThat(detail.path("incident").path("escalations").asInt()).isEqualTo(1);
		List<JsonNode> escalations = new ArrayList<>();
		detail.path("timeline").forEach(e -> {
			if (e.path("action").asString().equals("ESCALATE")) {
				escalations.add(e);
			}
		});
		assertThat(escalations).hasSize(1);
	}

	@Test
	void ofTwentyClaimsOfOneOrderSplitOverBothNodesExactlyOneWins() throws Exception {
		String id = whistled();
		List<String> members = List.of(onA.tokenOf("dangyuan01"), onA.tokenOf("dangyuan02"),
				onA.tokenOf("dangyuan03"), onA.tokenOf("dangyuan04"));
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> claims = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
			for (int i = 0; i < 20; i++) {
				ApiClient node = i % 2 == 0 ? onA : onB;
				String member = members.get(i % members.size());
				claims.add(pool.submit(() -> {
					start.await();
					return node.post("/api/v1/incidents/" + id + "/claim", member, Map.of());
				}));
			}
			start.countDown();
		}
		List<Response> answers = new ArrayList<>();
		for (Future<Response> claim : claims) {
			answers.add(claim.get());
		}

		List<Response> won = answers.stream().filter(r -> r.status() == 200).toList();
		assertThat(won).hasSize(1);
		assertThat(answers.stream().filter(r -> r.status() != 200)).hasSize(19)
			.allSatisfy(r -> assertThat(r.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION"));
		JsonNode detail = onB.get("/api/v1/incidents/" + id, onA.tokenOf("dongcheng")).json();
		assertThat(detail.path("incident").path("state").asString()).isEqualTo("CLAIMED");
		assertThat(detail.path("incident").path("claimedBy").asString())
			.isEqualTo(won.getFirst().json().path("incident").path("claimedBy").asString());
		assertThat(detail.path("timeline")).filteredOn(e -> e.path("action").asString().equals("CLAIM")).hasSize(1);
	}

	@Test
	void aReportAnsweredByANodeAndSentAgainToTheOtherIsTheSameIncident() {
		String key = UUID.randomUUID().toString();
		String body = reportBody();
		HttpResponse<String> first = report(b.port(), key, body).join();
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		// the answer was lost on its way: the phone sends the report again, and the balancer picks A
		HttpResponse<String> again = report(port, key, body).join();
		assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
		assertThat(incidentId(again)).isEqualTo(incidentId(first));
		assertThat(incidentsDescribed(body)).isEqualTo(1);
	}

	/**
	 * B dies while it writes a report: its request waits at the incident table (held by the test), then B's pool
	 * loses every connection — the sockets closed, the backends ended, as a killed JVM leaves them — and B shuts
	 * down. The phone never got a 201 and sends the report again, to A, with the same key: one incident.
	 */
	@Test
	void aScreenOpenOnANodeShowsTheReportsTheOtherTakes() {
		// the screen's feed reads the incident table, so a report taken by A reaches a screen fed by B
		String session = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD).sessionCookie();
		try (ScreenStreamClient onB = ScreenStreamClient.open(b.port(), session, "", null)) {
			assertThat(onB.status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(10)).until(() -> b.bean(ScreenFeed.class).openScreens() > 0);
			String id = onA.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "两节点：A 受理，B 的大屏显示");
			await().atMost(Duration.ofSeconds(10)).until(() -> onB.incidents().contains(id));
		}
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void aReportRetriedOnANodeAfterTheOtherDiedInTheMiddleOfItIsOneIncident() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = reportBody();
		CompletableFuture<HttpResponse<String>> onTheDyingNode;
		try (Connection lock = postgres.getPostgresDatabase().getConnection()) {
			lock.setAutoCommit(false);
			try (Statement hold = lock.createStatement()) {
				hold.execute("lock table incident.incident in share mode");
			}
			int holder = backendPid(lock);
			onTheDyingNode = report(b.port(), key, body);
			// B has claimed the key and waits to insert the incident, in a transaction not yet committed
			await().atMost(Duration.ofSeconds(30)).until(() -> waitingOn(holder, SecondNode.APPLICATION_NAME) > 0);

			b.loseDatabase();
			superuser.queryForList("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
					SecondNode.APPLICATION_NAME);
			try {
				HttpResponse<String> answer = onTheDyingNode.get(30, TimeUnit.SECONDS);
				assertThat(answer.statusCode()).as("B acknowledged nothing: %s", answer.body()).isNotEqualTo(201);
			}
			catch (java.util.concurrent.ExecutionException connectionLost) {
				// as good: no answer at all
			}
			b.close();
			lock.rollback();
		}
		assertThat(incidentsDescribed(body)).isZero();

		HttpResponse<String> retried = report(port, key, body).join();
		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
		HttpResponse<String> again = report(port, key, body).join();
		assertThat(incidentId(again)).isEqualTo(incidentId(retried));
		assertThat(incidentsDescribed(body)).isEqualTo(1);
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	/** A new report of 东城社区第1网格, accepted, triaged and whistled: an open call party members may claim. */
	private String whistled() {
		HttpResponse<String> reported = report(port, UUID.randomUUID().toString(), reportBody()).join();
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
		String id = incidentId(reported);
		String leader = onA.tokenOf("dongcheng-g01");
		for (var step : List.of(Map.entry("accept", Map.<String, Object>of()),
				Map.entry("triage", Map.<String, Object>of("triage", "COMMUNITY")),
				Map.entry("whistle", Map.<String, Object>of("type", "QUICK")))) {
			Response answer = onA.post("/api/v1/incidents/" + id + "/" + step.getKey(), leader, step.getValue());
			assertThat(answer.status()).as("%s: %s", step.getKey(), answer.brief()).isEqualTo(200);
		}
		return id;
	}

	private String reportBody() {
		double[] spot = onA.centroid("东城社区第1网格");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PATROL");
		body.put("categoryCode", "PUBLIC_SPACE_CLUTTER");
		body.put("description", "楼道乱堆杂物 " + UUID.randomUUID());
		body.put("lat", spot[0]);
		body.put("lng", spot[1]);
		return ApiClient.json(body);
	}

	private CompletableFuture<HttpResponse<String>> report(int nodePort, String key, String body) {
		return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + nodePort + "/api/v1/incidents"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + onA.tokenOf("dongcheng-g01"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String incidentId(HttpResponse<String> answer) {
		return JSON.readTree(answer.body()).path("incident").path("id").asString();
	}

	private int incidentsDescribed(String body) {
		return superuser.queryForObject("select count(*) from incident.incident where description = ?", Integer.class,
				JSON.readTree(body).path("description").asString());
	}

	private String categoryName(ApiClient node, String code) {
		for (JsonNode category : node.get("/api/v1/incident-categories", onA.tokenOf("dongcheng")).list()) {
			if (category.path("code").asString().equals(code)) {
				return category.path("name").asString();
			}
		}
		throw new AssertionError("no category " + code);
	}

	/** The overdue sweep as a node's scheduler holds it: the very task it runs every sweep interval. */
	private static Runnable overdueSweep(List<ScheduledTaskHolder> schedulers) {
		List<ScheduledTask> tasks = schedulers.stream()
			.flatMap(scheduler -> scheduler.getScheduledTasks().stream())
			.filter(task -> task.toString().equals("org.zhizhi.incident.OverdueSweep.scheduled"))
			.toList();
		assertThat(tasks).as("the scheduled overdue sweep").hasSize(1);
		return tasks.getFirst().getTask().getRunnable();
	}

	/** How many backends (of the named application, or any) wait for a lock the given backend holds. */
	private int waitingOn(int holder, String applicationName) {
		return superuser.queryForObject("""
				select count(*) from pg_stat_activity
				 where ? = any(pg_blocking_pids(pid)) and (cast(? as text) is null or application_name = ?)""",
				Integer.class, holder, applicationName, applicationName);
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
			pid.next();
			return pid.getInt(1);
		}
	}

	private UUID firstMicroGridOf(String gridName) {
		UUID grid = onA.orgUnitId(gridName);
		JsonNode children = onA.get("/api/v1/org-units?parentId=" + grid + "&level=MICRO_GRID", onA.tokenOf("admin"))
			.json();
		assertThat(children.size()).as("micro-grids of %s", gridName).isPositive();
		return UUID.fromString(children.get(0).path("id").asString());
	}

	/** The micro-grid the node locates the point in, or "" if none. */
	private String locatedMicroGrid(ApiClient node, Point point) {
		Response located = node.get("/api/v1/grids/locate?lat=" + point.getY() + "&lng=" + point.getX(),
				onA.tokenOf("admin"));
		assertThat(located.status()).as(located.brief()).isEqualTo(200);
		return located.json().path("microGrid").path("id").asString("");
	}

	/** The GeoJSON geometry scaled by one half around its centre. */
	private static String halved(String geoJson) {
		Geometry geometry = Boundaries.parse(geoJson);
		Point centre = geometry.getCentroid();
		ObjectNode halved = (ObjectNode) JSON.readTree(geoJson);
		scale(halved.path("coordinates"), centre.getX(), centre.getY());
		return halved.toString();
	}

	private static void scale(JsonNode coordinates, double x, double y) {
		if (coordinates.size() >= 2 && coordinates.get(0).isNumber()) {
			ArrayNode position = (ArrayNode) coordinates;
			position.set(0, position.numberNode(x + (position.get(0).asDouble() - x) / 2));
			position.set(1, position.numberNode(y + (position.get(1).asDouble() - y) / 2));
			return;
		}
		coordinates.forEach(inner -> scale(inner, x, y));
	}
}

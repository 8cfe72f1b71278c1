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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

/**
 * Issue 16, one notice per grid per group: the reports the intake writes in one group tell each of a grid's people
 * once, naming how many came in, while a report alone in its grid is told exactly as before. The group is made known in
 * advance by holding the intake's writer while the reports queue ({@link ReportIntake#hold}); the reports come over
 * real HTTP, and who should have been told is read from the accounts table by the node each account is bound to.
 */
@ZhizhiIntegrationTest
class GroupedReportNoticesIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportIntake intake;

	private ApiClient api;

	private UUID grid7;

	private UUID grid8;

	private UUID community;

	private Account worker7;

	private Account worker8;

	private Account resident7;

	private Account resident8;

	record Account(UUID id, String token) {
	}

	record Message(String kind, String title, String body, String link, long outboxRows) {
	}

	@BeforeEach
	void accounts() {
		api = new ApiClient(port);
		grid7 = api.orgUnitId("东城社区第7网格");
		grid8 = api.orgUnitId("东城社区第8网格");
		community = api.orgUnitId("东城社区");
		worker7 = account("GRID_WORKER", grid7, "FULL_TIME");
		worker8 = account("GRID_WORKER", grid8, "FULL_TIME");
		resident7 = account("RESIDENT", grid7, null);
		resident8 = account("RESIDENT", grid8, null);
	}

	@Test
	void aGroupOfReportsInOneGridTellsEachOfItsPeopleOnceWithTheCount() {
		Set<UUID> told = dispatchersOf(grid7);
		Map<UUID, Long> before = countsOfGroupedNotices(told, grid7);

		List<UUID> ids = reportTogether(List.of(resident7, resident7, resident7), List.of(grid7, grid7, grid7));

		assertThat(told).contains(worker7.id()).doesNotContain(worker8.id(), resident7.id());
		assertThat(countsOfGroupedNotices(told, grid7)).as("one message per recipient, none left out")
			.isEqualTo(plusOne(before));
		assertThat(messagesTo(worker7)).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo(GroupedReportNotices.REPORTS_IN_GRID);
			assertThat(m.title()).isEqualTo("东城社区第7网格 新上报 3 件");
			assertThat(m.body()).startsWith("东城社区第7网格同时新上报 3 件事件");
			assertThat(m.link()).isEqualTo("/incidents?state=REPORTED&grid=" + grid7);
			assertThat(m.outboxRows()).as("one outbox row on the log channel").isEqualTo(1);
		});
		assertThat(messagesTo(worker8)).isEmpty();
		assertThat(ids).allSatisfy(id -> assertThat(jdbc.sql(
				"SELECT count(*) FROM notification.inbox_message WHERE subject_id = :id OR link = :page")
			.param("id", id)
			.param("page", "/incidents/" + id)
			.query(Long.class)
			.single()).as("no notice of its own").isZero());
	}

	@Test
	void aGroupSpreadOverGridsTellsOncePerGridAndAReportAloneInItsGridAsBefore() {
		Set<UUID> told7 = dispatchersOf(grid7);
		Map<UUID, Long> before = countsOfGroupedNotices(told7, grid7);

		List<UUID> ids = reportTogether(List.of(resident7, resident8, resident7), List.of(grid7, grid8, grid7));

		assertThat(countsOfGroupedNotices(told7, grid7)).isEqualTo(plusOne(before));
		assertThat(messagesTo(worker7)).singleElement()
			.satisfies(m -> assertThat(m.title()).isEqualTo("东城社区第7网格 新上报 2 件"));
		// the one report of grid 8: today's exact notice, about its incident
		assertThat(messagesTo(worker8)).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo("INCIDENT_REPORTED");
			assertThat(m.title()).isEqualTo("新上报事件待受理：井盖破损");
			assertThat(m.body()).startsWith("东城社区第8网格有新上报的事件“井盖破损 ");
			assertThat(m.link()).isEqualTo("/incidents/" + ids.get(1));
		});
		assertThat(jdbc.sql("SELECT recipient_id FROM notification.inbox_message WHERE subject_id = :id")
			.param("id", ids.get(1))
			.query(UUID.class)
			.set()).as("the recipients of a report alone in its grid").isEqualTo(dispatchersOf(grid8));
	}

	// --- the group ---------------------------------------------------------------------------------------------------

	/** Reports one incident per reporter at the centroid of the grid beside him, all written in one group. */
	private List<UUID> reportTogether(List<Account> reporters, List<UUID> grids) {
		List<CompletableFuture<Response>> answers = new ArrayList<>();
		try (ReportIntake.Hold held = intake.hold()) {
			for (int n = 0; n < reporters.size(); n++) {
				Account reporter = reporters.get(n);
				double[] point = api.centroid(grids.get(n));
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("channel", "RESIDENT_APP");
				body.put("categoryCode", "MANHOLE_COVER");
				body.put("description", "井盖破损 " + UUID.randomUUID());
				body.put("lat", point[0]);
				body.put("lng", point[1]);
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
					.timeout(Duration.ofSeconds(60))
					.header("Authorization", "Bearer " + reporter.token())
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
					.build();
				answers.add(HTTP.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8))
					.thenApply(r -> new Response(r.statusCode(), r.headers(), r.body())));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> intake.queued() == reporters.size());
		}
		return answers.stream().map(CompletableFuture::join).map(response -> {
			assertThat(response.status()).as(response.brief()).isEqualTo(201);
			return UUID.fromString(response.json().path("incident").path("id").asString());
		}).toList();
	}

	// --- who should have been told, read independently of the rules ---------------------------------------------------

	/** The grid's workers and its community's staff (the reports here are made by residents, never by them). */
	private Set<UUID> dispatchersOf(UUID grid) {
		return new LinkedHashSet<>(jdbc.sql("""
				SELECT id FROM identity.account
				 WHERE enabled
				   AND ((roles @> ARRAY['GRID_WORKER'] AND org_unit_id = :grid)
				        OR (roles @> ARRAY['COMMUNITY_STAFF'] AND org_unit_id = :community))""")
			.param("grid", grid)
			.param("community", community)
			.query(UUID.class)
			.list());
	}

	private Map<UUID, Long> countsOfGroupedNotices(Set<UUID> recipients, UUID grid) {
		Map<UUID, Long> counts = new LinkedHashMap<>();
		for (UUID recipient : recipients) {
			counts.put(recipient, jdbc.sql("""
					SELECT count(*) FROM notification.inbox_message
					 WHERE recipient_id = :recipient AND kind = :kind AND link = :link""")
				.param("recipient", recipient)
				.param("kind", GroupedReportNotices.REPORTS_IN_GRID)
				.param("link", "/incidents?state=REPORTED&grid=" + grid)
				.query(Long.class)
				.single());
		}
		return counts;
	}

	private static Map<UUID, Long> plusOne(Map<UUID, Long> counts) {
		Map<UUID, Long> more = new LinkedHashMap<>();
		counts.forEach((recipient, count) -> more.put(recipient, count + 1));
		return more;
	}

	private List<Message> messagesTo(Account account) {
		return jdbc.sql("""
				SELECT m.kind, m.title, m.body, m.link,
				       (SELECT count(*) FROM notification.outbox o WHERE o.message_id = m.id AND o.channel = 'log')
				           AS outbox_rows
				  FROM notification.inbox_message m
				 WHERE m.recipient_id = :recipient""")
			.param("recipient", account.id())
			.query((rs, i) -> new Message(rs.getString("kind"), rs.getString("title"), rs.getString("body"),
					rs.getString("link"), rs.getLong("outbox_rows")))
			.list();
	}

	private Account account(String role, UUID orgUnit, String position) {
		String username = ApiClient.uniqueUsername("burst");
		var created = api.createAccount(api.tokenOf("dongcheng"), ApiClient.newAccount(username, role, orgUnit, position));
		return new Account(UUID.fromString(created.path("id").asString()),
				api.login(username, ApiClient.TEST_PASSWORD));
	}
}

package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnitQueries;

import tools.jackson.databind.JsonNode;

/**
 * Every step that leaves someone something to do tells exactly those people, in the step's transaction: checked over
 * real HTTP in 东城社区第7网格 with accounts made for each test, against the accounts table read independently (by the
 * node each account is bound to), and with a step that rolls back.
 */
@ZhizhiIntegrationTest
class IncidentNoticesIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	IncidentManagement management;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	AccountQueries accountQueries;

	private static final DataScope PLATFORM_SCOPE = new DataScope(new UUID(0, 0), "/");

	private ApiClient api;

	private UUID grid;

	private UUID community;

	/** A grid worker of grid 7, of grid 8 and a resident of grid 7, new for each test. */
	private Account worker;

	private Account otherGridWorker;

	private Account resident;

	record Account(UUID id, String username, String token) {
	}

	record Message(UUID recipient, String kind, String title, String body, String link, long outboxRows) {
	}

	@BeforeEach
	void accounts() {
		api = new ApiClient(port);
		grid = api.orgUnitId("东城社区第7网格");
		community = api.orgUnitId("东城社区");
		worker = account("GRID_WORKER", grid, "FULL_TIME");
		otherGridWorker = account("GRID_WORKER", api.orgUnitId("东城社区第8网格"), "FULL_TIME");
		resident = account("RESIDENT", grid, null);
	}

	@Test
	void aReportTellsTheGridsWorkersAndItsCommunitysStaffAndNobodyElse() {
		String token = token();
		UUID id = report(resident, token, false);

		List<Message> messages = messagesAbout(token);

		assertThat(messages).extracting(Message::recipient)
			.containsExactlyInAnyOrderElementsOf(dispatchersBoundTo(id))
			.contains(worker.id(), accountId("dongcheng"))
			.doesNotContain(resident.id(), otherGridWorker.id(), accountId("dongcheng-g01"), accountId("mudong"),
					accountId("dangyuan01"));
		assertThat(messages).allSatisfy(m -> {
			assertThat(m.kind()).isEqualTo("INCIDENT_REPORTED");
			assertThat(m.title()).isEqualTo("新上报事件待受理：井盖破损");
			assertThat(m.body()).startsWith("东城社区第7网格有新上报的事件“").contains(token);
			assertThat(m.link()).isEqualTo("/incidents/" + id);
			assertThat(m.outboxRows()).as("one outbox row on the log channel").isEqualTo(1);
		});
	}

	/**
	 * An intake group asks once for everybody covering all of its reports' places: each place gets exactly the
	 * accounts the one-place question answers, so a report in grid 7 still tells nobody of grid 8.
	 */
	@Test
	void whoCoversSeveralPlacesAtOnceIsWhoCoversEachOfThem() {
		String grid7 = orgUnits.find(PLATFORM_SCOPE, grid).orElseThrow().path();
		String grid8 = orgUnits.find(PLATFORM_SCOPE, api.orgUnitId("东城社区第8网格")).orElseThrow().path();
		Set<Role> roles = EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF);

		Map<String, List<org.zhizhi.identity.Account>> each = accountQueries.coveringEach(List.of(grid7, grid8), roles);

		assertThat(each.keySet()).containsExactly(grid7, grid8);
		assertThat(each.get(grid7)).isEqualTo(accountQueries.covering(grid7, roles));
		assertThat(each.get(grid8)).isEqualTo(accountQueries.covering(grid8, roles));
		assertThat(each.get(grid7)).extracting(org.zhizhi.identity.Account::id)
			.contains(worker.id(), accountId("dongcheng"))
			.doesNotContain(otherGridWorker.id());
		assertThat(each.get(grid8)).extracting(org.zhizhi.identity.Account::id)
			.contains(otherGridWorker.id(), accountId("dongcheng"))
			.doesNotContain(worker.id());
	}

	/** Issue 15, item 10: a notice asking for a step is done (and read) once somebody has taken it, and not before. */
	@Test
	void aNoticeIsDoneOnceTheIncidentHasMovedOnAndNotBefore() {
		String token = token();
		UUID id = report(resident, token, false);
		assertThat(states(token, "INCIDENT_REPORTED")).as("waiting for acceptance").containsOnly("open");

		step(id, "accept", worker.token(), Map.of());
		assertThat(states(token, "INCIDENT_REPORTED")).as("accepted by the worker: done for the community's staff too")
			.containsOnly("done");
		JsonNode inbox = api.get("/api/v1/inbox", worker.token()).json();
		assertThat(inbox.toString()).contains("\"doneAt\"");

		step(id, "triage", worker.token(), Map.of("triage", "COMMUNITY"));
		step(id, "whistle", worker.token(), Map.of("type", "QUICK"));
		assertThat(states(token, "INCIDENT_WHISTLED")).containsOnly("open");
		step(id, "claim", api.tokenOf("dangyuan01"), Map.of());
		assertThat(states(token, "INCIDENT_WHISTLED")).as("the open call is taken: done for every member")
			.containsOnly("done");
	}

	/** "open" or "done" for each copy of the notices of this kind about the test's incident; done ones are read. */
	private List<String> states(String token, String kind) {
		return jdbc.sql("""
				SELECT CASE WHEN done_at IS NULL THEN 'open' WHEN read_at IS NOT NULL THEN 'done' ELSE 'unread' END
				  FROM notification.inbox_message WHERE body LIKE :token AND kind = :kind""")
			.param("token", "%" + token + "%")
			.param("kind", kind)
			.query(String.class)
			.list();
	}

	@Test
	void theWholeLoopTellsWhoeverMustActNext() {
		String token = token();
		UUID id = report(resident, token, false);
		String member = api.tokenOf("dangyuan01");
		UUID memberId = accountId("dangyuan01");
		double[] point = api.centroid(grid);

		step(id, "accept", worker.token(), Map.of());
		step(id, "triage", worker.token(), Map.of("triage", "COMMUNITY"));
		assertThat(kinds(token)).as("acceptance and triage leave nobody new anything to do")
			.containsOnly("INCIDENT_REPORTED");

		step(id, "whistle", worker.token(), Map.of("type", "QUICK"));
		List<Message> whistled = ofKind(token, "INCIDENT_WHISTLED");
		assertThat(whistled).extracting(Message::recipient)
			.containsExactlyInAnyOrderElementsOf(partyMembersCovering(id))
			.contains(memberId);
		assertThat(whistled).allSatisfy(m -> {
			assertThat(m.title()).isEqualTo("快捷哨待接单：井盖破损");
			assertThat(m.link()).isEqualTo("/m/tasks");
		});

		step(id, "claim", member, Map.of());
		step(id, "check-in", member, Map.of("lat", point[0], "lng", point[1], "photoIds",
				List.of(api.uploadPhoto(member, id))));
		step(id, "resolve", member, Map.of("note", "已更换井盖", "photoIds", List.of(api.uploadPhoto(member, id))));
		assertThat(ofKind(token, "INCIDENT_RESOLVED")).extracting(Message::recipient)
			.containsExactlyInAnyOrderElementsOf(gridWorkersBoundTo(grid))
			.contains(worker.id())
			.doesNotContain(memberId, otherGridWorker.id());

		step(id, "rework", worker.token(), Map.of("note", "井盖仍然松动"));
		assertThat(ofKind(token, "INCIDENT_REWORK")).singleElement().satisfies(m -> {
			assertThat(m.recipient()).isEqualTo(memberId);
			assertThat(m.body()).endsWith("原因：井盖仍然松动");
			assertThat(m.link()).isEqualTo("/m/tasks");
		});

		step(id, "resolve", member, Map.of("note", "已加固", "photoIds", List.of(api.uploadPhoto(member, id))));
		step(id, "verify", worker.token(), Map.of());
		assertThat(ofKind(token, "INCIDENT_CLOSED")).singleElement().satisfies(m -> {
			assertThat(m.recipient()).isEqualTo(resident.id());
			assertThat(m.title()).isEqualTo("您上报或关注的事件已办结：井盖破损");
			assertThat(m.body()).contains("请对处理结果进行评价");
			assertThat(m.link()).isEqualTo("/m/reports/" + id);
		});
		assertThat(ofKind(token, "INCIDENT_RESOLVED")).as("each resolution asks for a verification")
			.hasSize(2 * gridWorkersBoundTo(grid).size());

		step(id, "rate", resident.token(), Map.of("rating", "SATISFIED"));
		assertThat(messagesAbout(token)).as("the rating ends the loop: nobody is told anything more")
			.hasSize(dispatchersBoundTo(id).size() + partyMembersCovering(id).size()
					+ 2 * gridWorkersBoundTo(grid).size() + 2);
	}

	@Test
	void anAnonymousReporterIsStillToldWhyHisReportWasRejectedAndOnlyHe() {
		String token = token();
		UUID id = report(resident, token, true);

		step(id, "reject", api.tokenOf("dongcheng"), Map.of("reason", "DUPLICATE", "note", "同第3网格已报"));

		assertThat(ofKind(token, "INCIDENT_REJECTED")).singleElement().satisfies(m -> {
			assertThat(m.recipient()).isEqualTo(resident.id());
			assertThat(m.title()).isEqualTo("您上报的事件未予受理：井盖破损");
			assertThat(m.body()).contains("原因：重复上报").endsWith("说明：同第3网格已报");
			assertThat(m.link()).isEqualTo("/m/reports/" + id);
		});
		Response inbox = api.get("/api/v1/inbox?unread=true", resident.token());
		assertThat(inbox.list()).anySatisfy(m -> assertThat(m.path("kind").asString()).isEqualTo("INCIDENT_REJECTED"));
	}

	@Test
	void aPrivateMatterClosedAtTriageTellsTheReporterTheAdviceGiven() {
		String token = token();
		UUID id = report(resident, token, false);

		step(id, "accept", worker.token(), Map.of());
		step(id, "triage", worker.token(), Map.of("triage", "PRIVATE", "note", "请联系物业维修"));

		assertThat(ofKind(token, "INCIDENT_CLOSED")).singleElement().satisfies(m -> {
			assertThat(m.recipient()).isEqualTo(resident.id());
			assertThat(m.body()).contains("社区的建议：请联系物业维修");
		});
	}

	@Test
	void nobodyIsToldToActOnAStepHeTookHimself() {
		String token = token();
		report(worker, token, false);

		assertThat(messagesAbout(token)).extracting(Message::recipient)
			.contains(accountId("dongcheng"))
			.doesNotContain(worker.id());
	}

	@Test
	void aStepThatRollsBackLeavesNoMessageAndOneThatCommitsHasItsMessages() {
		Actor actor = new Actor(resident.id(), resident.username(), "测试居民", Set.of(Role.RESIDENT),
				orgUnits.bindingOf(grid).orElseThrow().scope());
		double[] point = api.centroid(grid);
		String rolledBack = token();
		String committed = token();

		transactions.executeWithoutResult(status -> {
			management.report(actor, UUID.randomUUID().toString(), new ReportIncident(Channel.RESIDENT_APP,
					"MANHOLE_COVER", "井盖破损 " + rolledBack, point[0], point[1]));
			assertThat(messagesAbout(rolledBack)).as("written inside the step's transaction").isNotEmpty();
			status.setRollbackOnly();
		});
		transactions.executeWithoutResult(status -> management.report(actor, UUID.randomUUID().toString(),
				new ReportIncident(Channel.RESIDENT_APP, "MANHOLE_COVER", "井盖破损 " + committed, point[0], point[1])));

		assertThat(messagesAbout(rolledBack)).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM notification.outbox o JOIN notification.inbox_message m"
				+ " ON m.id = o.message_id WHERE m.body LIKE :token")
			.param("token", "%" + rolledBack + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(messagesAbout(committed)).isNotEmpty()
			.allSatisfy(m -> assertThat(m.outboxRows()).isEqualTo(1));
	}

	// --- who should have been told, read independently of the rules: by the node each account is bound to ----------

	private Set<UUID> dispatchersBoundTo(UUID incidentId) {
		JsonNode incident = incident(incidentId);
		return Set.copyOf(jdbc.sql("""
				SELECT id FROM identity.account
				 WHERE enabled
				   AND ((roles @> ARRAY['GRID_WORKER'] AND org_unit_id IN (:grid, :microGrid))
				        OR (roles @> ARRAY['COMMUNITY_STAFF'] AND org_unit_id = :community))
				   AND id <> :reporter""")
			.param("grid", grid)
			.param("microGrid", microGrid(incident))
			.param("community", community)
			.param("reporter", UUID.fromString(incident.path("reporterId").asString()))
			.query(UUID.class)
			.list());
	}

	private Set<UUID> gridWorkersBoundTo(UUID gridId) {
		return Set.copyOf(jdbc.sql("""
				SELECT id FROM identity.account WHERE enabled AND roles @> ARRAY['GRID_WORKER'] AND org_unit_id = :grid""")
			.param("grid", gridId)
			.query(UUID.class)
			.list());
	}

	private Set<UUID> partyMembersCovering(UUID incidentId) {
		JsonNode incident = incident(incidentId);
		String place = incident.path("scopePath").asString()
				+ (microGrid(incident).equals(grid) ? "" : microGrid(incident) + "/");
		return Set.copyOf(jdbc.sql("""
				SELECT id FROM identity.account
				 WHERE enabled AND roles @> ARRAY['PARTY_MEMBER'] AND :place LIKE scope_path || '%'""")
			.param("place", place)
			.query(UUID.class)
			.list());
	}

	private UUID microGrid(JsonNode incident) {
		return incident.path("microGridId").isNull() ? grid
				: UUID.fromString(incident.path("microGridId").asString());
	}

	// --- helpers ----------------------------------------------------------------------------------------------------

	/** A word no other incident's description holds: the messages about an incident are found by it. */
	private static String token() {
		return "T" + UUID.randomUUID().toString().substring(0, 8);
	}

	private List<Message> messagesAbout(String token) {
		return jdbc.sql("""
				SELECT m.recipient_id, m.kind, m.title, m.body, m.link,
				       (SELECT count(*) FROM notification.outbox o WHERE o.message_id = m.id AND o.channel = 'log')
				           AS outbox_rows
				  FROM notification.inbox_message m
				 WHERE m.body LIKE :token""")
			.param("token", "%" + token + "%")
			.query((rs, i) -> new Message(rs.getObject("recipient_id", UUID.class), rs.getString("kind"),
					rs.getString("title"), rs.getString("body"), rs.getString("link"), rs.getLong("outbox_rows")))
			.list();
	}

	private List<Message> ofKind(String token, String kind) {
		return messagesAbout(token).stream().filter(m -> m.kind().equals(kind)).toList();
	}

	private List<String> kinds(String token) {
		return messagesAbout(token).stream().map(Message::kind).distinct().toList();
	}

	private Account account(String role, UUID orgUnit, String position) {
		String username = ApiClient.uniqueUsername("notice");
		JsonNode created = api.createAccount(api.tokenOf("dongcheng"),
				ApiClient.newAccount(username, role, orgUnit, position));
		return new Account(UUID.fromString(created.path("id").asString()), username,
				api.login(username, ApiClient.TEST_PASSWORD));
	}

	private UUID accountId(String demoUsername) {
		return UUID.fromString(api.get("/api/v1/me", api.tokenOf(demoUsername)).json().path("id").asString());
	}

	private UUID report(Account reporter, String token, boolean anonymous) {
		double[] point = api.centroid(grid);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "RESIDENT_APP");
		body.put("categoryCode", "MANHOLE_COVER");
		body.put("description", "井盖破损 " + token);
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		body.put("anonymous", anonymous);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + reporter.token())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
			.build();
		var response = HTTP.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8)).join();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		Response created = new Response(response.statusCode(), response.headers(), response.body());
		return UUID.fromString(created.json().path("incident").path("id").asString());
	}

	private JsonNode incident(UUID id) {
		Response response = api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng"));
		assertThat(response.status()).isEqualTo(200);
		return response.json().path("incident");
	}

	private void step(UUID id, String step, String token, Map<String, Object> body) {
		Response response = api.post("/api/v1/incidents/" + id + "/" + step, token, body);
		assertThat(response.status()).as("%s: %s", step, response.brief()).isEqualTo(200);
	}

}

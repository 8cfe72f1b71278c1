package org.zhizhi.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.incident.IncidentEvent.IncidentClosed;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.points.PointsCommands.ReverseMovement;
import org.zhizhi.points.PointsCommands.ReviseRule;
import org.zhizhi.points.persistence.JdbcLedger;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * Issue 13, the ledger: points earned from an event once however often it is delivered; entries that sum to zero
 * and are never changed; balances equal to their entries; caps; reversals; the oldest points lapse first; rule
 * versions frozen once used. Each test earns on a day of its own (the caps count per day), away from the others.
 */
@ZhizhiIntegrationTest
class PointsLedgerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcLedger ledger;

	@Autowired
	JdbcSchemes schemes;

	@Autowired
	PointsEarning earning;

	@Autowired
	EventEarnings events;

	@Autowired
	PointsManagement management;

	@Autowired
	DataSource dataSource;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void anIncidentVerifiedAndClosedPaysItsHandlerOnceHoweverOftenItIsDelivered() throws Exception {
		// what the shared tokens read, before the clock moves past their expiry
		double[] point = api.centroid("东城社区第1网格");
		clock.advance(Duration.ofDays(101));
		String leader = api.login("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		String member = api.login("dangyuan01", ApiClient.DEMO_PASSWORD);
		String desk = api.login("dongcheng", ApiClient.DEMO_PASSWORD);
		UUID memberId = UUID.fromString(api.get("/api/v1/me", member).json().path("id").asString());
		Scheme scheme = schemes.byCode("member-500113000000").orElseThrow();
		long before = balanceOf(scheme, memberId);

		Map<String, Object> report = new LinkedHashMap<>();
		report.put("channel", "PATROL");
		report.put("categoryCode", "OTHER");
		report.put("description", "楼道堆放纸箱堵住通道 " + UUID.randomUUID());
		report.put("lat", point[0]);
		report.put("lng", point[1]);
		String incident = report(leader, report);
		step(incident, "accept", leader, Map.of());
		step(incident, "triage", leader, Map.of("triage", "COMMUNITY"));
		step(incident, "whistle", leader, Map.of("type", "QUICK"));
		step(incident, "claim", member, Map.of());
		step(incident, "check-in", member, withPhoto(incident, member, Map.of("lat", point[0], "lng", point[1])));
		step(incident, "resolve", member, withPhoto(incident, member, Map.of("note", "纸箱已清走")));
		step(incident, "verify", desk, Map.of());

		Awaitility.await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(balanceOf(scheme, memberId)).isEqualTo(before + 3));
		String key = "incident:" + incident + ":resolved:order";
		assertThat(ledger.movementOf(key)).isPresent();

		// the registry delivers it again (a crash after the listener's commit): nothing more is paid
		events.on(new IncidentClosed(UUID.fromString(incident), IncidentState.VERIFIED, IncidentState.CLOSED,
				clock.instant(), UUID.randomUUID()));
		assertThat(balanceOf(scheme, memberId)).isEqualTo(before + 3);
		assertThat(ledger.mismatches(scheme.id())).isEmpty();
		assertThat(ledger.sumOfEntries(scheme.id())).isZero();
	}

	@Test
	void capsReversalsAndALedgerThatIsNeverChanged() {
		clock.advance(Duration.ofDays(102));
		Scheme virtue = schemes.byCode("virtue-500113101001").orElseThrow();
		Rule advice = schemes.inForce(virtue.id(), "city-advice", clock.today()).orElseThrow();
		Holder person = person(virtue);

		// 5 points a deed, 5 a day: the second deed of the day earns nothing
		var first = earning.earn(virtue, advice, person, "test:" + UUID.randomUUID(), "文明劝导", clock.instant(), null,
				null);
		var second = earning.earn(virtue, advice, person, "test:" + UUID.randomUUID(), "文明劝导", clock.instant(), null,
				null);
		assertThat(first.points()).isEqualTo(5);
		assertThat(second.points()).isZero();
		assertThat(second.movementId()).isEmpty();
		PointsAccount account = ledger.find(virtue.id(), AccountKind.PERSON, person.id()).orElseThrow();
		assertThat(account.balance()).isEqualTo(5);
		assertThat(schemes.rule(advice.id()).orElseThrow().inUse()).as("a used version is frozen").isTrue();

		// a correction reverses the movement with its reason, once, by a desk whose scope holds the person
		Actor desk = new Actor(UUID.randomUUID(), "dongcheng", "东城社区工作站", Set.of(Role.COMMUNITY_STAFF),
				new DataScope(virtue.orgUnitId(), virtue.scopePath()));
		UUID movement = first.movementId().orElseThrow();
		management.reverse(desk, movement, new ReverseMovement("重复申报，予以冲正"));
		assertThat(ledger.accountById(account.id()).orElseThrow().balance()).isZero();
		assertThatThrownBy(() -> management.reverse(desk, movement, new ReverseMovement("再冲一次")))
			.isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("ALREADY_REVERSED");
		Actor elsewhere = new Actor(UUID.randomUUID(), "mudong", "金银桥社区工作站", Set.of(Role.COMMUNITY_STAFF),
				new DataScope(UUID.randomUUID(), "/nowhere/"));
		assertThatThrownBy(() -> management.reverse(elsewhere, movement, new ReverseMovement("不是我的")))
			.isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("NOT_FOUND");

		// the ledger is written once: a changed or removed entry is refused, and so is one that does not balance
		assertThatThrownBy(() -> sql("update points.entry set amount = amount + 1 where movement_id = ?", movement))
			.hasMessageContaining("insert-only");
		assertThatThrownBy(() -> sql("delete from points.movement where id = ?", movement))
			.hasMessageContaining("insert-only");
		assertThatThrownBy(() -> unbalanced(virtue, account.id())).hasMessageContaining("sum to zero");
		assertThat(ledger.mismatches(virtue.id())).isEmpty();
		assertThat(ledger.sumOfEntries(virtue.id())).isZero();
	}

	@Test
	void theOldestPointsLapseFirstOncePerDay() {
		clock.advance(Duration.ofDays(103));
		Scheme virtue = schemes.byCode("virtue-500113101001").orElseThrow();
		assertThat(virtue.expiryMonths()).isEqualTo(24);
		Rule stairwell = schemes.inForce(virtue.id(), "neighbours-stairwell", clock.today()).orElseThrow();
		Holder person = person(virtue);
		Instant first = clock.instant();
		Instant second = first.plus(Duration.ofDays(40));
		earning.earn(virtue, stairwell, person, "test:" + UUID.randomUUID(), "保持楼道整洁", first, null, null);
		earning.earn(virtue, stairwell, person, "test:" + UUID.randomUUID(), "保持楼道整洁", second, null, null);
		PointsAccount account = ledger.find(virtue.id(), AccountKind.PERSON, person.id()).orElseThrow();
		assertThat(account.balance()).isEqualTo(6);

		LocalDate firstLapses = clock.today().plusMonths(24);
		assertThat(ledger.lapsing(account.id(), firstLapses.minusDays(1))).isZero();
		assertThat(ledger.lapsing(account.id(), firstLapses)).isEqualTo(3);
		// (the sweep lapses every account due; this test lapses its own, leaving the demo's people their points)
		assertThat(management.lapse(account.id(), firstLapses)).isTrue();
		assertThat(ledger.accountById(account.id()).orElseThrow().balance()).isEqualTo(3);
		assertThat(management.lapse(account.id(), firstLapses)).isFalse();
		assertThat(ledger.accountById(account.id()).orElseThrow().balance()).as("once a day").isEqualTo(3);
		assertThat(ledger.accountsWithLapsingPoints(firstLapses.plusDays(40), 1_000_000)).contains(account.id());
		management.lapse(account.id(), firstLapses.plusDays(40));
		assertThat(ledger.accountById(account.id()).orElseThrow().balance()).isZero();
		assertThat(ledger.mismatches(virtue.id())).isEmpty();
	}

	@Test
	void aRuleChangeIsANewVersionFromADayOn() {
		clock.advance(Duration.ofDays(104));
		// the district's member points: the demo's boards counted by other tests are the riders' and 钱佳花园's
		Scheme riders = schemes.byCode("member-500113000000").orElseThrow();
		Actor desk = new Actor(UUID.randomUUID(), "banan", "巴南区治理中心", Set.of(Role.DISTRICT_ADMIN),
				new DataScope(riders.orgUnitId(), riders.scopePath()));
		String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
		Rule first = management.addRule(desk, riders.id(), new PointsCommands.NewRule(code, "夜间巡查", null,
				RuleSource.CLAIM, 4, null, null, clock.today().minusDays(10)));
		earning.earn(riders, first, new Holder(UUID.randomUUID(), "测试党员", schemes.byCode("virtue-500113101001")
			.orElseThrow().scopePath(), riders.districtId()), "test:" + UUID.randomUUID(), "夜间巡查", clock.instant(),
				null, null);

		assertThatThrownBy(() -> management.reviseRule(desk, riders.id(), code,
				new ReviseRule("夜间巡查", 6, null, null, clock.today().minusDays(1))))
			.isInstanceOf(DomainException.class);
		Rule next = management.reviseRule(desk, riders.id(), code,
				new ReviseRule("夜间巡查（两小时）", 6, null, null, clock.today().plusDays(1)));
		assertThat(next.version()).isEqualTo(2);
		assertThat(schemes.inForce(riders.id(), code, clock.today()).orElseThrow().points()).isEqualTo(4);
		assertThat(schemes.inForce(riders.id(), code, clock.today().plusDays(1)).orElseThrow().points()).isEqualTo(6);
		assertThat(schemes.rule(first.id()).orElseThrow().validUntil()).isEqualTo(clock.today().plusDays(1));
	}

	/** A report under an Idempotency-Key of its own, as a phone sends it. */
	private String report(String token, Map<String, Object> body) throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/incidents"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.json(body),
						java.nio.charset.StandardCharsets.UTF_8))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).path("incident")
			.path("id").asString();
	}

	private Holder person(Scheme scheme) {
		return new Holder(UUID.randomUUID(), "测试居民", scheme.scopePath(), scheme.districtId());
	}

	private long balanceOf(Scheme scheme, UUID holder) {
		return ledger.find(scheme.id(), AccountKind.PERSON, holder).map(PointsAccount::balance).orElse(0L);
	}

	private void step(String incident, String step, String token, Map<String, Object> body) {
		Response response = api.post("/api/v1/incidents/" + incident + "/" + step, token, body);
		assertThat(response.status()).as("%s: %s", step, response.brief()).isEqualTo(200);
	}

	private Map<String, Object> withPhoto(String incident, String token, Map<String, Object> body) {
		Map<String, Object> withPhoto = new LinkedHashMap<>(body);
		withPhoto.put("photoIds", List.of(api.uploadPhoto(token, incident)));
		return withPhoto;
	}

	private void sql(String statement, UUID id) throws Exception {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement update = connection.prepareStatement(statement)) {
			update.setObject(1, id);
			update.executeUpdate();
		}
	}

	/** A movement with one entry only, committed: the check at commit refuses it. */
	private void unbalanced(Scheme scheme, UUID account) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			UUID id = UUID.randomUUID();
			try (PreparedStatement movement = connection.prepareStatement("""
					insert into points.movement (id, scheme_id, kind, source_key, reason, at, district_id)
					values (?, ?, 'EARN', ?, '凭空加分', ?, ?)""")) {
				movement.setObject(1, id);
				movement.setObject(2, scheme.id());
				movement.setString(3, "test:" + id);
				movement.setTimestamp(4, Timestamp.from(clock.instant()));
				movement.setObject(5, scheme.districtId());
				movement.executeUpdate();
			}
			try (PreparedStatement entry = connection
				.prepareStatement("insert into points.entry (movement_id, account_id, amount, at) values (?, ?, 100, ?)")) {
				entry.setObject(1, id);
				entry.setObject(2, account);
				entry.setTimestamp(3, Timestamp.from(clock.instant()));
				entry.executeUpdate();
			}
			connection.commit();
		}
	}
}

package org.zhizhi.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.points.persistence.JdbcLedger;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.volunteer.HoursApproved;
import org.zhizhi.volunteer.HoursCorrected;
import org.zhizhi.volunteer.PairingVisited;

import tools.jackson.databind.JsonNode;

/**
 * Issue 13, points for volunteering beyond approved hours: hours corrected after approval pay the difference (more
 * hours under the caps, fewer taken back), once per correction; a pairing's visit (结对帮扶) pays the VISIT rules of
 * every scheme covering the visitor that he earns in, once per visit and under the daily cap. The events come as the
 * volunteer module publishes them — inside a transaction, through the event publication registry; one visit is logged
 * through the volunteer module's own API, end to end. Where the caps matter, the person is a fresh account: the caps
 * count per day, and no other test pays him today.
 */
@ZhizhiIntegrationTest
class VolunteerPointsIntegrationTests {

	private static final String MEMBERS = "member-500113000000";

	private static final String VIRTUE = "virtue-500113101001";

	private static final String RIDERS = "rider-500113001008";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcSchemes schemes;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	VolunteerEarnings volunteering;

	@Autowired
	PointsEarning earning;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcLedger ledger;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aPairingVisitPaysAMembersVisitRulesOncePerVisitUnderTheDailyCap() {
		UUID member = accountId("dangyuan01");
		PairingVisited first = visit(member, "陈党员");
		publish(first);
		eventually(() -> {
			assertThat(paid("visit:" + first.visitId() + ":" + MEMBERS + ":", member)).as("党员积分").isEqualTo(3);
			assertThat(paid("visit:" + first.visitId() + ":" + VIRTUE + ":", member)).as("道德积分银行·睦邻")
				.isEqualTo(3);
		});
		assertThat(reasons("visit:" + first.visitId() + ":")).containsOnly("结对帮扶走访");

		// the registry hands the same visit over again (a crash after the listener's commit): nothing more is paid
		publish(first);
		eventually(() -> assertThat(outstanding(first.visitId())).isZero());
		volunteering.on(first);
		assertThat(paid("visit:" + first.visitId() + ":", member)).isEqualTo(6);

		// a member who has earned nothing today: two visits pay, a third is over the cap of two visits' worth a day
		UUID fresh = UUID.fromString(newAccount("PARTY_MEMBER").path("id").asString());
		List<PairingVisited> visits = List.of(visit(fresh, "测试党员"), visit(fresh, "测试党员"),
				visit(fresh, "测试党员"));
		for (PairingVisited visit : visits) {
			publish(visit);
			eventually(() -> assertThat(outstanding(visit.visitId())).isZero());
		}
		assertThat(visits).extracting(v -> paid("visit:" + v.visitId() + ":" + MEMBERS + ":", fresh))
			.containsExactly(3L, 3L, 0L);
		assertThat(visits).extracting(v -> paid("visit:" + v.visitId() + ":" + VIRTUE + ":", fresh))
			.containsExactly(3L, 3L, 0L);
	}

	@Test
	void aVisitLoggedByTheHelperPaysHisPointsEndToEnd() {
		String desk = api.tokenOf("dongcheng");
		String elder = unpairedElder(desk);
		JsonNode account = newAccount("PARTY_MEMBER");
		UUID helperId = UUID.fromString(account.path("id").asString());
		String helper = api.login(account.path("username").asString(), ApiClient.TEST_PASSWORD);
		String pairing = ok(api.post("/api/v1/volunteer/pairings", desk, Map.of("residentId", elder, "helperId",
				helperId.toString(), "need", "ELDER_ALONE", "everyDays", 14))).path("id").asString();
		ok(api.post("/api/v1/volunteer/pairings/" + pairing + "/visits", helper, Map.of("note", "陪老人聊天，检查了燃气阀门")));
		UUID visit = jdbc.sql("SELECT id FROM volunteer.pairing_visit WHERE pairing_id = :pairing")
			.param("pairing", UUID.fromString(pairing))
			.query(UUID.class)
			.single();
		eventually(() -> {
			assertThat(paid("visit:" + visit + ":" + MEMBERS + ":", helperId)).isEqualTo(3);
			assertThat(paid("visit:" + visit + ":" + VIRTUE + ":", helperId)).isEqualTo(3);
		});
	}

	@Test
	void aResidentsVisitPaysTheVirtueBankButNoMemberPoints() {
		UUID resident = UUID.fromString(api.createResident("it-visitor").path("id").asString());
		PairingVisited visit = visit(resident, "测试居民");
		publish(visit);
		eventually(() -> assertThat(outstanding(visit.visitId())).isZero());
		assertThat(paid("visit:" + visit.visitId() + ":" + VIRTUE + ":", resident)).isEqualTo(3);
		assertThat(paid("visit:" + visit.visitId() + ":" + MEMBERS + ":", resident)).as("not a party member").isZero();
	}

	@Test
	void correctedHoursPayTheDifferenceOnceUnderTheCapsAndFewerTakeItBack() {
		// a member who has earned nothing today (the caps count per day), organised by dangyuan01; what the shared
		// tokens read, before the clock moves on past their expiry
		String dongcheng = api.orgUnitId("东城社区").toString();
		double[] venue = api.centroid("东城社区第1网格");
		JsonNode account = newAccount("PARTY_MEMBER");
		UUID volunteerId = UUID.fromString(account.path("id").asString());
		String desk = api.login("dongcheng", ApiClient.DEMO_PASSWORD);
		String leader = api.login("dangyuan01", ApiClient.DEMO_PASSWORD);
		String volunteer = api.login(account.path("username").asString(), ApiClient.TEST_PASSWORD);
		String leaderId = api.get("/api/v1/me", leader).json().path("id").asString();

		// two hours served and approved: 2 points an hour (the member scheme's 志愿服务, at most 16 a day)
		String activity = twoHoursServed(desk, leader, leaderId, volunteer, dongcheng, venue);
		String base = "/api/v1/volunteer/activities/" + activity;
		String hours = "hours:" + activity + ":" + volunteerId + ":";
		ok(api.post(base + "/participants/" + volunteerId + "/approval", leader, Map.of()));
		eventually(() -> assertThat(paid(MEMBERS, hours, volunteerId)).isEqualTo(4));

		// corrected to three hours: one hour more
		correct(base, volunteer, leader, volunteerId, 180);
		eventually(() -> assertThat(paid(MEMBERS, hours, volunteerId)).isEqualTo(6));
		assertThat(reasons(hours)).contains("志愿服务 2 小时", "志愿服务时长更正（120 → 180 分钟），补 1 小时");

		// the same correction handed over again, directly and through the registry: nothing more
		HoursCorrected again = accepted(activity, volunteerId, 180);
		volunteering.on(again);
		publish(again);
		eventually(() -> assertThat(outstanding(again.correctionId())).isZero());
		assertThat(paid(MEMBERS, hours, volunteerId)).isEqualTo(6);

		// corrected to a whole day: 21 hours more, but the day's cap leaves 10 of their 42 points
		correct(base, volunteer, leader, volunteerId, 1440);
		eventually(() -> assertThat(paid(MEMBERS, hours, volunteerId)).isEqualTo(16));

		// and down to one hour: what was paid beyond one hour's worth goes back to the pool, with its reason
		correct(base, volunteer, leader, volunteerId, 60);
		eventually(() -> assertThat(paid(MEMBERS, hours, volunteerId)).isEqualTo(2));
		assertThat(reasons(hours)).contains("志愿服务时长更正（1440 → 60 分钟），扣回 23 小时");
		assertThat(jdbc.sql("""
				SELECT kind FROM points.movement WHERE starts_with(source_key, :key) AND reason LIKE '%扣回%'""")
			.param("key", hours)
			.query(String.class)
			.list()).containsExactly("CORRECTION");
		Scheme members = schemes.byCode(MEMBERS).orElseThrow();
		assertThat(ledger.mismatches(members.id())).as("balances equal to their entries").isEmpty();
		assertThat(ledger.sumOfEntries(members.id())).isZero();
	}

	@Test
	void approvedHoursPayEverySchemeCoveringTheVolunteerThoughTheirRulesShareACode() {
		// a party member of 龙锦: the district's member points and 龙锦's riders' points each have an "hours" rule
		JsonNode account = api.createAccount(api.tokenOf("longjin"), ApiClient.newAccount(
				ApiClient.uniqueUsername("it-rider"), "PARTY_MEMBER", api.orgUnitId("龙锦社区"), null));
		UUID member = UUID.fromString(account.path("id").asString());
		Scheme riders = schemes.byCode(RIDERS).orElseThrow();
		HoursApproved hours = new HoursApproved(UUID.randomUUID(), member, "测试骑手", 150, UUID.randomUUID(),
				riders.scopePath(), clock.instant());
		publish(hours);
		String paidFor = "hours:" + hours.activityId() + ":" + member + ":";
		eventually(() -> {
			assertThat(paid(MEMBERS, paidFor, member)).as("2 full hours, 2 points each").isEqualTo(4);
			assertThat(paid(RIDERS, paidFor, member)).isEqualTo(4);
		});

		// hours the member scheme paid before the keys named the scheme are not paid there again when redelivered
		Scheme members = schemes.byCode(MEMBERS).orElseThrow();
		HoursApproved earlier = new HoursApproved(UUID.randomUUID(), member, "测试骑手", 120, UUID.randomUUID(),
				riders.scopePath(), clock.instant());
		String earlierFor = "hours:" + earlier.activityId() + ":" + member + ":";
		earning.earn(members, schemes.inForce(members.id(), "hours", clock.today()).orElseThrow(),
				new Holder(member, "测试骑手", riders.scopePath(), members.districtId()),
				earlierFor + "hours", "志愿服务 2 小时", clock.instant(), null, null, 2);
		publish(earlier);
		eventually(() -> assertThat(outstanding(earlier.activityId())).isZero());
		assertThat(paid(MEMBERS, earlierFor, member)).isEqualTo(4);
		assertThat(paid(RIDERS, earlierFor, member)).isEqualTo(4);
	}

	/** A team of 东城 led by the leader, an activity of two hours, the volunteer checked in before and out after it. */
	private String twoHoursServed(String desk, String leader, String leaderId, String volunteer, String dongcheng,
			double[] venue) {
		Map<String, Object> team = new LinkedHashMap<>();
		team.put("orgUnitId", dongcheng);
		team.put("name", "结对帮扶服务队 " + UUID.randomUUID().toString().substring(0, 6));
		team.put("kind", "NEIGHBOURHOOD");
		team.put("leaderId", leaderId);
		String teamId = ok(api.post("/api/v1/volunteer/teams", desk, team)).path("id").asString();
		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("teamId", teamId);
		activity.put("title", "陪独居老人体检");
		activity.put("description", "陪同 1 栋独居老人到社区卫生服务站体检");
		activity.put("place", "东城公租房 1 栋楼下");
		activity.put("lat", venue[0]);
		activity.put("lng", venue[1]);
		activity.put("startsAt", clock.instant().plus(Duration.ofHours(1)).toString());
		activity.put("endsAt", clock.instant().plus(Duration.ofHours(3)).toString());
		activity.put("slots", 5);
		String id = ok(api.post("/api/v1/volunteer/activities", leader, activity)).path("activity").path("id")
			.asString();
		String base = "/api/v1/volunteer/activities/" + id;
		ok(api.post(base + "/participants", volunteer, Map.of()));
		clock.advance(Duration.ofMinutes(55));
		ok(api.post(base + "/check-in", volunteer, spot(api.get(base + "/code", leader).json(), venue)));
		clock.advance(Duration.ofMinutes(130));
		ok(api.post(base + "/check-out", volunteer, spot(api.get(base + "/code", leader).json(), venue)));
		return id;
	}

	/** The volunteer asks for his minutes to be corrected; the organiser accepts. */
	private void correct(String base, String volunteer, String leader, UUID volunteerId, int minutes) {
		ok(api.post(base + "/corrections", volunteer, Map.of("minutes", minutes, "reason", "签到签退记录有误，按实际时间更正")));
		JsonNode decided = ok(api.post(base + "/participants/" + volunteerId + "/correction", leader,
				Map.of("accepted", true, "note", "与现场照片核对属实")));
		assertThat(decided.path("parts").findParents("personId")
			.stream()
			.filter(p -> p.path("personId").asString().equals(volunteerId.toString()))
			.findFirst()
			.orElseThrow()
			.path("minutes")
			.asInt()).isEqualTo(minutes);
	}

	/** The event the accepted correction to {@code minutes} published, as the registry would hand it over again. */
	private HoursCorrected accepted(String activity, UUID person, int minutes) {
		return jdbc.sql("""
				SELECT c.id, c.from_minutes, c.decided_at, a.team_id, a.scope_path
				  FROM volunteer.hours_correction c JOIN volunteer.activity a ON a.id = c.activity_id
				 WHERE c.activity_id = :activity AND c.person_id = :person AND c.to_minutes = :minutes
				   AND c.decision = 'ACCEPTED'""")
			.param("activity", UUID.fromString(activity))
			.param("person", person)
			.param("minutes", minutes)
			.query((rs, n) -> new HoursCorrected(UUID.fromString(activity), person, "孙党员", rs.getInt(2), minutes,
					rs.getObject(4, UUID.class), rs.getString(5), rs.getTimestamp(3).toInstant(),
					rs.getObject(1, UUID.class)))
			.single();
	}

	private static Map<String, Object> spot(JsonNode code, double[] venue) {
		return Map.of("code", code.path("code").asString(), "lat", venue[0], "lng", venue[1]);
	}

	private static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.brief()).isBetween(200, 201);
		return response.json();
	}

	/** A fresh account of 东城社区 with the role, made by its desk: nobody else pays it points today. */
	private JsonNode newAccount(String role) {
		return api.createAccount(api.tokenOf("dongcheng"),
				ApiClient.newAccount(ApiClient.uniqueUsername("it-volunteer"), role, api.orgUnitId("东城社区"), null));
	}

	/** An elder living alone in 东城 whom no pairing looks after yet. */
	private String unpairedElder(String desk) {
		java.util.Set<String> paired = new java.util.HashSet<>(jdbc.sql(
				"SELECT CAST(resident_id AS text) FROM volunteer.pairing")
			.query(String.class)
			.list());
		return api.get("/api/v1/residents?tag=ELDER_ALONE&size=100", desk).json().path("items")
			.findValuesAsString("id")
			.stream()
			.filter(id -> !paired.contains(id))
			.findFirst()
			.orElseThrow();
	}

	private PairingVisited visit(UUID person, String name) {
		return new PairingVisited(UUID.randomUUID(), UUID.randomUUID(), person, name,
				schemes.byCode(VIRTUE).orElseThrow().scopePath(), clock.instant());
	}

	/** Published as the volunteer module publishes it: inside its step's transaction, through the registry. */
	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	/** The points the person's accounts gained by the movements whose source keys begin so. */
	private long paid(String keyPrefix, UUID person) {
		return paid(null, keyPrefix, person);
	}

	/** The same in one scheme (null: in every scheme). */
	private long paid(String schemeCode, String keyPrefix, UUID person) {
		return jdbc.sql("""
				SELECT coalesce(sum(e.amount), 0) FROM points.entry e
				  JOIN points.movement m ON m.id = e.movement_id
				  JOIN points.account a ON a.id = e.account_id
				  JOIN points.scheme s ON s.id = a.scheme_id
				 WHERE a.holder_id = :person AND a.kind = 'PERSON' AND starts_with(m.source_key, :prefix)
				   AND (CAST(:scheme AS text) IS NULL OR s.code = CAST(:scheme AS text))""")
			.param("person", person)
			.param("prefix", keyPrefix)
			.param("scheme", schemeCode)
			.query(Long.class)
			.single();
	}

	private java.util.List<String> reasons(String keyPrefix) {
		return jdbc.sql("SELECT reason FROM points.movement WHERE starts_with(source_key, :prefix)")
			.param("prefix", keyPrefix)
			.query(String.class)
			.list();
	}

	/** The registry's publications of events naming this id that are not yet done (done ones are deleted). */
	private long outstanding(UUID id) {
		return jdbc.sql("""
				SELECT count(*) FROM events.event_publication
				 WHERE completion_date IS NULL AND serialized_event LIKE :id""")
			.param("id", "%" + id + "%")
			.query(Long.class)
			.single();
	}

	private UUID accountId(String username) {
		return UUID.fromString(api.get("/api/v1/me", api.tokenOf(username)).json().path("id").asString());
	}

	private static void eventually(ThrowingRunnable assertion) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(assertion);
	}
}

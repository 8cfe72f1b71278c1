package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.TestClock;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Possible duplicates and joining, over real HTTP against the embedded PostgreSQL with the demo accounts. Other test
 * classes report at the centroid of 东城社区第1网格, so each test here reports a little off it, in a category of its
 * own, and asserts on its own incidents.
 */
@ZhizhiIntegrationTest
class DuplicateApiIntegrationTests {

	@Autowired
	TestClock clock;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** Degrees of latitude per metre, near enough for placing test incidents. */
	private static final double DEG_PER_M = 1 / 111_195.0;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	private ApiClient api;

	private double[] spot;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
		double[] centroid = api.centroid(api.orgUnitId("东城社区第1网格"));
		// 35 m north of the centroid, where no other test reports
		spot = new double[] { centroid[0] + 35 * DEG_PER_M, centroid[1] };
	}

	// --- nearby -----------------------------------------------------------------------------------------------------

	@Test
	void openIncidentsOfTheCategoryWithinTheRadiusAreOfferedNearestFirstWithTheirDistance() {
		String far = report("TREE_PRUNING", north(22), "东侧黄葛树枝条压到电线，需要修剪");
		String near = report("TREE_PRUNING", north(5), "黄葛树枝条压线");
		// inside the bounding box (78 m north and 78 m east) but 110 m away: the exact distance leaves it out
		String corner = report("TREE_PRUNING", offset(78, 78), "树枝太长");
		String otherCategory = report("FACADE_HAZARD", north(1), "外墙瓷砖松动");

		List<JsonNode> offered = nearby("dongcheng-g01", "TREE_PRUNING", spot);

		List<String> ids = ids(offered);
		assertThat(ids).containsSubsequence(near, far).doesNotContain(corner, otherCategory);
		JsonNode first = offered.stream().filter(o -> id(o).equals(near)).findFirst().orElseThrow();
		assertThat(first.path("distanceM").asDouble()).isBetween(4.5, 5.5);
		assertThat(first.path("categoryCode").asString()).isEqualTo("TREE_PRUNING");
		assertThat(first.path("categoryName").asString()).isEqualTo("大树修枝");
		assertThat(first.path("description").asString()).isEqualTo("黄葛树枝条压线");
		assertThat(first.path("state").asString()).isEqualTo("REPORTED");
		assertThat(first.path("followers").asInt()).isZero();
		assertThat(first.path("reportedAt").asString()).isNotBlank();
		assertThat(offered).allSatisfy(o -> assertThat(o.path("distanceM").asDouble()).isLessThanOrEqualTo(100));
	}

	@Test
	void atMostFiveAreOfferedAndTheyAreTheNearest() {
		List<String> reported = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			reported.add(report("ILLEGAL_ADVERTISING", north(-30 + 3 * i), "楼道小广告 " + i));
		}
		double[] here = point(-30 + 3 * 5 + 1);

		List<String> ids = ids(nearby("dongcheng-g01", "ILLEGAL_ADVERTISING", here));

		assertThat(ids).containsExactly(reported.get(5), reported.get(4), reported.get(3), reported.get(2),
				reported.get(1));
	}

	@Test
	void eachCategoryHasItsOwnRadius() {
		// potholes are point-like: 50 m; elevator retrofits too; the default is 100 m
		String pruning = report("TREE_PRUNING", north(-60), "西侧大树需修枝");
		String retrofit = report("ELEVATOR_RETROFIT", north(-60), "3栋想加装电梯");
		String retrofitNear = report("ELEVATOR_RETROFIT", north(-20), "3栋加装电梯意见征集");
		double[] here = point(-120);

		assertThat(ids(nearby("dongcheng-g01", "TREE_PRUNING", here))).contains(pruning);
		assertThat(ids(nearby("dongcheng-g01", "ELEVATOR_RETROFIT", here))).doesNotContain(retrofit, retrofitNear);
		assertThat(ids(nearby("dongcheng-g01", "ELEVATOR_RETROFIT", point(-20)))).contains(retrofit, retrofitNear);
	}

	@Test
	void personalMattersAreNeverOfferedEvenOnTheSameSpot() {
		report("NEIGHBOUR_DISPUTE", north(0), "楼上楼下噪音纠纷");

		assertThat(nearby("dongcheng-g01", "NEIGHBOUR_DISPUTE", spot)).isEmpty();
	}

	@Test
	void onlyIncidentsReportedWithinTheWindowAreOffered() {
		String recent = report("MESSY_WIRING", north(-10), "飞线充电 71 小时前");
		String old = report("MESSY_WIRING", north(-11), "飞线充电 73 小时前");
		backdate(recent, Duration.ofHours(71));
		backdate(old, Duration.ofHours(73));

		List<String> ids = ids(nearby("dongcheng-g01", "MESSY_WIRING", point(-10)));

		assertThat(ids).contains(recent).doesNotContain(old);
	}

	@Test
	void closedAndRejectedIncidentsAreNotOffered() {
		String open = report("SANITATION_BLACKSPOT", north(40), "垃圾堆放 未处理");
		String closed = report("SANITATION_BLACKSPOT", north(41), "垃圾堆放 已结束");
		String rejected = report("SANITATION_BLACKSPOT", north(42), "垃圾堆放 重复");
		close(closed);
		reject(rejected);

		List<String> ids = ids(nearby("dongcheng-g01", "SANITATION_BLACKSPOT", point(41)));

		assertThat(ids).contains(open).doesNotContain(closed, rejected);
	}

	@Test
	void onlyIncidentsInTheCallersScopeAreOffered() {
		String id = report("FACADE_HAZARD", north(60), "外墙空鼓");

		assertThat(ids(nearby("dongcheng", "FACADE_HAZARD", point(60)))).contains(id);
		assertThat(ids(nearby("dongcheng-g02", "FACADE_HAZARD", point(60)))).doesNotContain(id);
		assertThat(ids(nearby("mudong", "FACADE_HAZARD", point(60)))).doesNotContain(id);
	}

	@Test
	void badParametersAreNamedAllAtOnce() {
		Response none = api.get("/api/v1/incidents/nearby", api.tokenOf("dongcheng"));
		assertThat(none.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(none.errorFields()).containsExactlyInAnyOrder("categoryCode", "lat", "lng");

		Response wrong = api.get("/api/v1/incidents/nearby?categoryCode=NO_SUCH&lat=91&lng=-181",
				api.tokenOf("dongcheng"));
		assertThat(wrong.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(wrong.errorFields()).containsExactlyInAnyOrder("categoryCode", "lat", "lng");
		assertThat(wrong.json().path("errors").toString()).contains("类别", "纬度", "经度");

		Response text = api.get("/api/v1/incidents/nearby?categoryCode=OTHER&lat=abc&lng=106.5",
				api.tokenOf("dongcheng"));
		assertThat(text.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(text.errorFields()).containsExactly("lat");
	}

	// --- join -------------------------------------------------------------------------------------------------------

	@Test
	void joiningTwiceIsHarmlessCountsFollowersAndTellsTheTimelineOncePerJoiner() {
		String id = report("TREE_PRUNING", north(-90), "枯枝随时可能掉落");
		int timeline = api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng")).json().path("timeline").size();
		String resident = api.tokenOf("jumin01");

		JsonNode first = join(id, resident);
		JsonNode second = join(id, resident);
		JsonNode other = join(id, api.tokenOf("dangyuan01"));

		assertThat(first.path("followers").asInt()).isEqualTo(1);
		assertThat(first.path("joinedNow").asBoolean()).isTrue();
		assertThat(second.path("followers").asInt()).isEqualTo(1);
		assertThat(second.path("joinedNow").asBoolean()).isFalse();
		assertThat(other.path("followers").asInt()).isEqualTo(2);
		assertThat(other.path("incidentId").asString()).isEqualTo(id);
		assertThat(followerRows(id)).isEqualTo(2);
		assertThat(nearby("dongcheng-g01", "TREE_PRUNING", point(-90)).stream().filter(o -> id(o).equals(id))
			.findFirst().orElseThrow().path("followers").asInt()).isEqualTo(2);
		JsonNode after = api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng")).json().path("timeline");
		assertThat(after.size()).isEqualTo(timeline + 2);
		List<String> joins = new ArrayList<>();
		after.forEach(e -> {
			if (e.path("action").asString().equals("JOIN")) {
				joins.add(e.path("actorRole").asString() + ":" + e.path("toState").asString());
			}
		});
		assertThat(joins).containsExactly("RESIDENT:REPORTED", "PARTY_MEMBER:REPORTED");
	}

	@Test
	void twentyConcurrentJoinsOfOneUserLeaveOneRow() {
		String id = report("FIRE_LANE_BLOCKED", north(-100), "消防通道被车辆堵住");
		String token = api.tokenOf("jumin01");

		List<CompletableFuture<Response>> futures = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			futures.add(api.sendAsync("POST", "/api/v1/incidents/" + id + "/join", token, null));
		}
		List<Response> responses = futures.stream().map(CompletableFuture::join).toList();

		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.brief()).isEqualTo(200));
		assertThat(responses).filteredOn(r -> r.json().path("joinedNow").asBoolean()).hasSize(1);
		assertThat(responses).allSatisfy(r -> assertThat(r.json().path("followers").asInt()).isEqualTo(1));
		assertThat(followerRows(id)).isEqualTo(1);
	}

	@Test
	void joiningAClosedOrRejectedIncidentIsAConflictNamingItsState() {
		String closed = report("OTHER", north(80), "已处理的小事");
		String rejected = report("OTHER", north(81), "无效上报");
		close(closed);
		reject(rejected);

		Response onClosed = api.post("/api/v1/incidents/" + closed + "/join", api.tokenOf("jumin01"), null);
		assertThat(onClosed.problemCode(409)).isEqualTo("INCIDENT_NOT_OPEN");
		assertThat(onClosed.json().path("detail").asString()).contains("CLOSED");
		Response onRejected = api.post("/api/v1/incidents/" + rejected + "/join", api.tokenOf("jumin01"), null);
		assertThat(onRejected.problemCode(409)).isEqualTo("INCIDENT_NOT_OPEN");
		assertThat(onRejected.json().path("detail").asString()).contains("REJECTED");
		assertThat(followerRows(closed) + followerRows(rejected)).isZero();
	}

	@Test
	void anIncidentOutsideTheCallersScopeCannotBeJoined() {
		String id = report("FACADE_HAZARD", north(70), "阳台花盆有坠落风险");

		assertThat(api.post("/api/v1/incidents/" + id + "/join", api.tokenOf("mudong"), null).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/v1/incidents/" + id + "/join", api.tokenOf("dongcheng-g02"), null).status())
			.isEqualTo(404);
		assertThat(api.post("/api/v1/incidents/" + UUID.randomUUID() + "/join", api.tokenOf("jumin01"), null)
			.status()).isEqualTo(404);
		assertThat(followerRows(id)).isZero();
	}

	@Test
	void aUnitsLiaisonIsNeitherOfferedNorLetJoinIncidentsOutsideHisUnitsOrders() {
		// issue 11.5: a position was a way round the liaison's scope (22 of 44 open 界石镇 incidents revealed), and
		// joining answered 200 and wrote his name into an incident he may not read
		String id = report("TREE_PRUNING", north(45), "小区门口黄葛树挡住路灯");
		String liaison = api.tokenOf("chengguan");
		assertThat(api.get("/api/v1/incidents/" + id, liaison).problemCode(404)).isEqualTo("NOT_FOUND");

		assertThat(ids(nearby("chengguan", "TREE_PRUNING", north(45)))).doesNotContain(id);
		assertThat(ids(nearby("dongcheng-g01", "TREE_PRUNING", north(45)))).contains(id);
		assertThat(api.post("/api/v1/incidents/" + id + "/join", liaison, null).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(followerRows(id)).isZero();

		// an order sent to his unit, at the same spot, is his to see — and so offered, beside the one he may not see
		String ours = report("TREE_PRUNING", north(46), "黄葛树挡路灯，已派执法大队");
		api.post("/api/v1/incidents/" + ours + "/accept", api.tokenOf("dongcheng-g01"), Map.of());
		api.post("/api/v1/incidents/" + ours + "/triage", api.tokenOf("dongcheng-g01"), Map.of("triage", "COMMUNITY"));
		api.post("/api/v1/incidents/" + ours + "/whistle", api.tokenOf("dongcheng-g01"), Map.of("type", "QUICK"));
		assertThat(api.post("/api/v1/incidents/" + ours + "/assign", api.tokenOf("dongcheng-g01"),
				Map.of("unitId", new IncidentFixture(port, dataSource).unitId("jieshi-zhifa"))).status())
			.isEqualTo(200);
		assertThat(ids(nearby("chengguan", "TREE_PRUNING", north(45)))).contains(ours).doesNotContain(id);
	}

	// --- helpers ----------------------------------------------------------------------------------------------------

	/** A position {@code metres} north of this test's spot. */
	private double[] point(double metres) {
		return new double[] { spot[0] + metres * DEG_PER_M, spot[1] };
	}

	private double[] north(double metres) {
		return point(metres);
	}

	private double[] offset(double northM, double eastM) {
		return new double[] { spot[0] + northM * DEG_PER_M,
				spot[1] + eastM * DEG_PER_M / Math.cos(Math.toRadians(spot[0])) };
	}

	private String report(String category, double[] point, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PATROL");
		body.put("categoryCode", category);
		body.put("description", description);
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + api.tokenOf("dongcheng-g01"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
			.build();
		Response response = HTTP.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()))
			.join();
		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		return response.json().path("incident").path("id").asString();
	}

	private List<JsonNode> nearby(String username, String category, double[] point) {
		Response response = api.get(String.format(Locale.ROOT, "/api/v1/incidents/nearby?categoryCode=%s&lat=%.7f&lng=%.7f",
				category, point[0], point[1]), api.tokenOf(username));
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		return response.list();
	}

	private JsonNode join(String id, String token) {
		Response response = api.post("/api/v1/incidents/" + id + "/join", token, null);
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		return response.json();
	}

	/** A private matter (私事) closes at triage: the shortest way to a closed incident. */
	private void close(String id) {
		String staff = api.tokenOf("dongcheng");
		assertThat(api.post("/api/v1/incidents/" + id + "/accept", staff, Map.of()).status()).isEqualTo(200);
		Response triaged = api.post("/api/v1/incidents/" + id + "/triage", staff,
				Map.of("triage", "PRIVATE", "note", "居民自行处理"));
		assertThat(triaged.json().path("incident").path("state").asString()).as(triaged.brief()).isEqualTo("CLOSED");
	}

	private void reject(String id) {
		Response rejected = api.post("/api/v1/incidents/" + id + "/reject", api.tokenOf("dongcheng"),
				Map.of("reason", "DUPLICATE"));
		assertThat(rejected.status()).as(rejected.brief()).isEqualTo(200);
	}

	private static List<String> ids(List<JsonNode> offered) {
		return offered.stream().map(DuplicateApiIntegrationTests::id).toList();
	}

	private static String id(JsonNode node) {
		return node.path("id").asString();
	}

	/** Stands in for a report made some time ago, by the platform's clock. */
	private void backdate(String id, Duration age) {
		update("update incident.incident set reported_at = ? where id = ?",
				clock.instant().minus(age).atOffset(java.time.ZoneOffset.UTC), UUID.fromString(id));
	}

	private int followerRows(String id) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement count = connection
					.prepareStatement("select count(*) from incident.incident_follower where incident_id = ?")) {
			count.setObject(1, UUID.fromString(id));
			try (var rs = count.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private void update(String sql, Object... args) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement update = connection.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				update.setObject(i + 1, args[i]);
			}
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

}

package org.zhizhi.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.command.EmergencyRequests.API;
import static org.zhizhi.command.EmergencyRequests.accountId;
import static org.zhizhi.command.EmergencyRequests.blowing;
import static org.zhizhi.command.EmergencyRequests.count;
import static org.zhizhi.command.EmergencyRequests.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.party.DutyRosters;
import org.zhizhi.party.PostHolder;
import org.zhizhi.territory.Boundaries;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.volunteer.PostKind;
import org.zhizhi.volunteer.VolunteerPosts;

import tools.jackson.databind.JsonNode;

/**
 * Issue 17's emergency whistle over a drawn area and its posts' forces, over HTTP against the embedded database: a
 * polygon drawn over 东城社区's grids 1 and 2 comes to exactly those grids (territory's own boundaries) and calls
 * exactly their forces, not grid 3's next door; a bad polygon — too few points, crossing edges, outside the leader's
 * scope — is a problem on {@code area}; the 党员示范岗 force calls exactly the holders the party rosters name for the
 * area; the 志愿岗位 force calls the holders of posts at the area's places, and names a holder without an account as
 * unreachable instead of dropping him; the preview counts what the whistle then calls.
 */
@ZhizhiIntegrationTest
class EmergencyAreaIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	DutyRosters duty;

	@Autowired
	VolunteerPosts volunteerPosts;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	Installation installation;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aPolygonOverTwoGridsCallsExactlyThoseGridsForces() {
		String desk = api.tokenOf("dongcheng");
		UUID g1 = api.orgUnitId("东城社区第1网格");
		UUID g2 = api.orgUnitId("东城社区第2网格");
		UUID g3 = api.orgUnitId("东城社区第3网格");
		String in1 = api.createAccount(desk, ApiClient.newAccount(ApiClient.uniqueUsername("it-ar-g1"), "GRID_WORKER",
				g1, "PART_TIME")).path("id").asString();
		String in2 = api.createAccount(desk, ApiClient.newAccount(ApiClient.uniqueUsername("it-ar-g2"), "GRID_WORKER",
				g2, "PART_TIME")).path("id").asString();
		String in3 = api.createAccount(desk, ApiClient.newAccount(ApiClient.uniqueUsername("it-ar-g3"), "GRID_WORKER",
				g3, "PART_TIME")).path("id").asString();
		// grids 1 and 2 side by side, drawn a metre inside their outline: it touches neither grid 3 nor the row above
		Map<String, Object> area = polygon(boundary(g1).union(boundary(g2)).buffer(-0.00001));

		// the form's preview says how many the grid teams of the area are before anything is blown
		Response preview = api.post(API + "/preview", desk, Map.of("area", area));
		assertThat(preview.status()).as(preview.brief()).isEqualTo(200);
		List<String> grids = new ArrayList<>();
		preview.json().path("grids").forEach(name -> grids.add(name.asString()));
		assertThat(grids).containsExactly("东城社区第1网格", "东城社区第2网格");

		Response blown = api.post(API, desk, blowing(null, List.of("GRID_TEAM"), area));
		assertThat(blown.status()).as(blown.brief()).isEqualTo(201);
		assertThat(blown.json().path("area").findValuesAsString("name"))
			.containsExactlyInAnyOrder("东城社区第1网格", "东城社区第2网格");
		assertThat(blown.json().path("drawnArea").asString()).contains("Polygon");
		JsonNode detail = api.get(API + "/" + blown.json().path("id").asString(), desk).json();
		List<String> called = detail.path("callees").findValuesAsString("accountId");
		assertThat(called).contains(in1, in2, accountId(api, "dongcheng-g01"), accountId(api, "dongcheng-g02"))
			.doesNotContain(in3, accountId(api, "dongcheng"));
		assertThat(count(preview.json(), "GRID_TEAM")).isEqualTo(called.size());
	}

	@Test
	void aBadPolygonIsAProblemOnArea() {
		String desk = api.tokenOf("dongcheng");
		String title = "坏区域" + UUID.randomUUID().toString().substring(0, 8);
		UUID g1 = api.orgUnitId("东城社区第1网格");
		Coordinate c = boundary(g1).getInteriorPoint().getCoordinate();
		// two points
		assertThat(api.post(API, desk, blowing(title, null, List.of("GRID_TEAM"), ring(List.of(c.x, c.y),
				List.of(c.x + 0.0005, c.y)))).errorFields()).containsExactly("area");
		// a figure eight
		Response crossing = api.post(API, desk, blowing(title, null, List.of("GRID_TEAM"), ring(List.of(c.x, c.y),
				List.of(c.x + 0.0005, c.y + 0.0005), List.of(c.x + 0.0005, c.y), List.of(c.x, c.y + 0.0005))));
		assertThat(crossing.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(crossing.errorFields()).containsExactly("area");
		assertThat(crossing.body()).contains("交叉");
		// over 金银桥社区's grid, in another street: outside 东城社区's scope
		Map<String, Object> elsewhere = polygon(boundary(api.orgUnitId("金银桥社区第1网格")).buffer(-0.00001));
		Response outside = api.post(API, desk, blowing(title, null, List.of("GRID_TEAM"), elsewhere));
		assertThat(outside.errorFields()).containsExactly("area");
		assertThat(api.post(API + "/preview", desk, Map.of("area", elsewhere)).errorFields()).containsExactly("area");
		// neither grids nor an area
		assertThat(api.post(API, desk, blowing(title, List.of(), List.of("GRID_TEAM"), null)).errorFields())
			.containsExactly("gridIds");
		// nothing was blown by the refusals
		assertThat(api.get(API, desk).json().path("ofScope").findValuesAsString("title"))
			.doesNotContain(title);
	}

	@Test
	void theModelPostsForceCallsExactlyTheHoldersThePartyRostersName() {
		String desk = api.tokenOf("dongcheng");
		UUID g1 = api.orgUnitId("东城社区第1网格");
		List<PostHolder> holders = duty.modelPostHolders(installation.whole(), List.of(g1), clock.instant());
		List<String> withAccount = holders.stream()
			.filter(h -> h.accountId() != null)
			.map(h -> h.accountId().toString())
			.distinct()
			.toList();
		assertThat(withAccount).as("the demo's 东城公租房1栋党员示范岗 roster").isNotEmpty();
		Response blown = api.post(API, desk, blowing(List.of(g1), List.of("MODEL_POSTS"), null));
		assertThat(blown.status()).as(blown.brief()).isEqualTo(201);
		JsonNode detail = api.get(API + "/" + blown.json().path("id").asString(), desk).json();
		assertThat(detail.path("callees").findValuesAsString("accountId"))
			.containsExactlyInAnyOrderElementsOf(withAccount);
		assertThat(detail.path("callees").findValuesAsString("force")).containsOnly("MODEL_POSTS");
		assertThat(detail.path("unreachable").findValuesAsString("name")).containsExactlyInAnyOrderElementsOf(
				holders.stream().filter(h -> h.accountId() == null).map(PostHolder::memberName).distinct().toList());
	}

	@Test
	void theVolunteerPostsForceCallsTheAreasHoldersAndNamesThoseWithoutAnAccount() {
		String desk = api.tokenOf("dongcheng");
		UUID g1 = api.orgUnitId("东城社区第1网格");
		UUID g3 = api.orgUnitId("东城社区第3网格");
		JsonNode holder = api.createAccount(desk, ApiClient.newAccount(ApiClient.uniqueUsername("it-vp-g1"),
				"RESIDENT", g1, null));
		JsonNode neighbour = api.createAccount(desk, ApiClient.newAccount(ApiClient.uniqueUsername("it-vp-g3"),
				"RESIDENT", g3, null));
		OrgUnit grid1 = orgUnits.find(installation.whole(), g1).orElseThrow();
		OrgUnit grid3 = orgUnits.find(installation.whole(), g3).orElseThrow();
		volunteerPosts.claim(grid1, PostKind.PATROL, UUID.fromString(holder.path("id").asString()), "巡逻志愿者",
				"每晚巡逻", clock.instant());
		volunteerPosts.claim(grid3, PostKind.PATROL, UUID.fromString(neighbour.path("id").asString()), "邻网格志愿者",
				"每晚巡逻", clock.instant());
		// a holder of the paper records: no account to tell
		String paperName = "纸质登记" + UUID.randomUUID().toString().substring(0, 4);
		volunteerPosts.claim(grid1, PostKind.LIAISON, UUID.randomUUID(), paperName, "每周走访", clock.instant());

		Response preview = api.post(API + "/preview", desk, Map.of("gridIds", List.of(g1)));
		Response blown = api.post(API, desk, blowing(List.of(g1), List.of("VOLUNTEER_POSTS"), null));
		assertThat(blown.status()).as(blown.brief()).isEqualTo(201);
		String id = blown.json().path("id").asString();
		JsonNode detail = api.get(API + "/" + id, desk).json();
		assertThat(detail.path("callees").findValuesAsString("accountId")).contains(holder.path("id").asString())
			.doesNotContain(neighbour.path("id").asString());
		assertThat(detail.path("callees").findValuesAsString("force")).containsOnly("VOLUNTEER_POSTS");
		assertThat(row(detail, holder.path("id").asString()).path("post").asString()).startsWith("治安巡逻");
		assertThat(detail.path("unreachable").findValuesAsString("name")).contains(paperName);
		assertThat(count(preview.json(), "VOLUNTEER_POSTS")).isEqualTo(detail.path("callees").size());

		// he is told and answers from his phone like the others
		String token = api.login(holder.path("username").asString(), ApiClient.TEST_PASSWORD);
		assertThat(api.get("/api/v1/inbox", token).list())
			.anySatisfy(m -> assertThat(m.path("link").asString()).isEqualTo("/m/emergency/" + id));
		assertThat(api.post(API + "/" + id + "/answer", token, Map.of("answer", "COMING")).json().path("myAnswer")
			.asString()).isEqualTo("COMING");
	}

	private Geometry boundary(UUID gridId) {
		return Boundaries.parse(orgUnits.find(installation.whole(), gridId).orElseThrow().boundary());
	}

	private static Map<String, Object> polygon(Geometry area) {
		assertThat(area).isInstanceOf(Polygon.class);
		List<List<Double>> ring = new ArrayList<>();
		for (Coordinate c : ((Polygon) area).getExteriorRing().getCoordinates()) {
			ring.add(List.of(c.x, c.y));
		}
		return Map.of("type", "Polygon", "coordinates", List.of(ring));
	}

	@SafeVarargs
	private static Map<String, Object> ring(List<Double>... positions) {
		return Map.of("type", "Polygon", "coordinates", List.of(List.of(positions)));
	}
}

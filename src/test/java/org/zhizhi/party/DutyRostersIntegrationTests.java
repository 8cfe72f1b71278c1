package org.zhizhi.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.OrgUnitQueries;

import tools.jackson.databind.JsonNode;

/**
 * 党员示范岗 and 责任区 through the API on the real database: a post of 走马梁社区's grid branch over its grid, a night
 * shift and a one-off shift on its roster, and who is on duty at chosen moments — through the API and through the
 * public read the emergency whistle calls, in a scope that holds the grid and one that does not. Each test sets up its
 * own post and looks only at it, whatever other tests left in the grid.
 */
@ZhizhiIntegrationTest
class DutyRostersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DutyRosters rosters;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	Installation installation;

	private ApiClient api;

	private String banan;

	private JsonNode branch;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		banan = api.tokenOf("banan");
		branch = api.get("/api/v1/party-orgs", banan)
			.list()
			.stream()
			.filter(o -> o.path("name").asString().equals("攀钢家属区第1网格党支部"))
			.findFirst()
			.orElseThrow();
	}

	private static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(TestClock.CHINA).toInstant();
	}

	private String gridId() {
		return branch.path("placeId").asString();
	}

	private List<JsonNode> members() {
		return api.get("/api/v1/party-members?orgId=" + branch.path("id").asString(), banan).list();
	}

	private JsonNode newPost(String name) {
		Response created = api.post("/api/v1/duty-posts", banan, Map.of("orgId", branch.path("id").asString(), "kind",
				"MODEL_POST", "name", name, "duty", "出入口登记、测温，夜间巡查楼道", "gridIds", List.of(gridId())));
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		return created.json();
	}

	private List<JsonNode> onDuty(String postId, Instant at) {
		return api.get("/api/v1/on-duty?gridIds=" + gridId() + "&at=" + at, banan)
			.list()
			.stream()
			.filter(line -> line.path("postId").asString().equals(postId))
			.toList();
	}

	@Test
	void theRosterSaysWhoIsOnDutyInTheGridAtAMoment() {
		String post = newPost("夜间值守岗" + UUID.randomUUID().toString().substring(0, 6)).path("id").asString();
		JsonNode night = members().get(0);
		JsonNode day = members().get(1);
		// Wednesday nights from 20:00 to 08:00 the next morning; 2026-06-10 is the test clock's Wednesday
		Response weekly = api.post("/api/v1/duty-posts/" + post + "/weekly-shifts", banan,
				Map.of("memberId", night.path("id").asString(), "dayOfWeek", "WEDNESDAY", "startTime", "20:00",
						"endTime", "08:00", "validFrom", "2026-06-10"));
		assertThat(weekly.status()).as(weekly.brief()).isEqualTo(201);
		Response once = api.post("/api/v1/duty-posts/" + post + "/once-shifts", banan,
				Map.of("memberId", day.path("id").asString(), "startsAt", local("2026-06-12T09:00").toString(),
						"endsAt", local("2026-06-12T17:00").toString()));
		assertThat(once.status()).as(once.brief()).isEqualTo(201);

		List<JsonNode> atNight = onDuty(post, local("2026-06-11T03:00"));
		assertThat(atNight).extracting(line -> line.path("memberName").asString())
			.containsExactly(night.path("name").asString());
		assertThat(atNight.get(0).path("gridId").asString()).isEqualTo(gridId());
		assertThat(atNight.get(0).path("until").asString()).isEqualTo(local("2026-06-11T08:00").toString());
		assertThat(onDuty(post, local("2026-06-10T19:00"))).isEmpty();
		assertThat(onDuty(post, local("2026-06-12T12:00"))).extracting(line -> line.path("memberId").asString())
			.containsExactly(day.path("id").asString());

		assertThat(api.get("/api/v1/duty-posts/" + post, banan).json().path("roster").size()).isEqualTo(2);
	}

	@Test
	void theWhistlesReadAnswersInsideItsScopeOnly() {
		String post = newPost("责任区" + UUID.randomUUID().toString().substring(0, 6)).path("id").asString();
		JsonNode member = members().get(2);
		api.post("/api/v1/duty-posts/" + post + "/once-shifts", banan, Map.of("memberId", member.path("id").asString(),
				"startsAt", local("2026-06-13T08:00").toString(), "endsAt", local("2026-06-13T20:00").toString()));
		UUID grid = UUID.fromString(gridId());
		Instant noon = local("2026-06-13T12:00");

		var zoumaliang = orgUnits.find(installation.whole(), api.orgUnitId("走马梁社区")).orElseThrow().scope();
		assertThat(rosters.onDuty(zoumaliang, List.of(grid), noon)).filteredOn(d -> d.postId().toString().equals(post))
			.extracting(OnDuty::memberName)
			.containsExactly(member.path("name").asString());
		var dongcheng = orgUnits.find(installation.whole(), api.orgUnitId("东城社区")).orElseThrow().scope();
		assertThat(rosters.onDuty(dongcheng, List.of(grid), noon)).isEmpty();

		// a grid worker of another community: the post does not exist for him
		assertThat(api.get("/api/v1/duty-posts/" + post, api.tokenOf("dongcheng-g01")).problemCode(404))
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void aBadPostOrShiftIsRefusedFieldByFieldAndNothingIsWritten() {
		int before = api.get("/api/v1/duty-posts?orgId=" + branch.path("id").asString(), banan).list().size();
		Response refused = api.post("/api/v1/duty-posts", banan,
				Map.of("orgId", branch.path("id").asString(), "kind", "DUTY_ZONE", "name", "岗", "duty", "",
						"gridIds", List.of()));
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("name", "duty", "gridIds");
		assertThat(refused.body()).contains("请至少选择一个网格");

		// a community's staff cannot reach past his community for a grid
		Response otherGrid = api.post("/api/v1/duty-posts", api.tokenOf("dongcheng"),
				Map.of("orgId", branch.path("id").asString(), "kind", "DUTY_ZONE", "name", "越界责任区", "duty",
						"越界", "gridIds", List.of(gridId())));
		assertThat(otherGrid.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(otherGrid.errorFields()).containsExactly("orgId", "gridIds");
		assertThat(api.get("/api/v1/duty-posts?orgId=" + branch.path("id").asString(), banan).list())
			.hasSize(before);

		String post = newPost("临时岗" + UUID.randomUUID().toString().substring(0, 6)).path("id").asString();
		Response backwards = api.post("/api/v1/duty-posts/" + post + "/once-shifts", banan,
				Map.of("memberId", members().get(0).path("id").asString(), "startsAt",
						local("2026-06-12T17:00").toString(), "endsAt", local("2026-06-12T09:00").toString()));
		assertThat(backwards.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(backwards.errorFields()).containsExactly("endsAt");
		Response noDay = api.post("/api/v1/duty-posts/" + post + "/weekly-shifts", banan,
				Map.of("startTime", "08:00", "endTime", "08:00", "validFrom", "2026-06-10"));
		assertThat(noDay.errorFields()).containsExactly("memberId", "dayOfWeek", "endTime");
		assertThat(api.get("/api/v1/duty-posts/" + post, banan).json().path("roster").size()).isZero();
	}

	@Test
	void aClosedPostHasNobodyOnDutyAndTakesNoMoreShifts() {
		String post = newPost("疫情卡口" + UUID.randomUUID().toString().substring(0, 6)).path("id").asString();
		String member = members().get(3).path("id").asString();
		api.post("/api/v1/duty-posts/" + post + "/weekly-shifts", banan, Map.of("memberId", member, "dayOfWeek",
				"WEDNESDAY", "startTime", "08:00", "endTime", "18:00", "validFrom", "2026-06-01"));
		assertThat(onDuty(post, local("2026-06-10T10:00"))).hasSize(1);

		assertThat(api.post("/api/v1/duty-posts/" + post + "/close", banan, null).status()).isEqualTo(200);
		assertThat(onDuty(post, local("2026-06-10T10:00"))).isEmpty();
		Response late = api.post("/api/v1/duty-posts/" + post + "/once-shifts", banan, Map.of("memberId", member,
				"startsAt", local("2026-06-12T09:00").toString(), "endsAt", local("2026-06-12T17:00").toString()));
		assertThat(late.problemCode(409)).isEqualTo("DUTY_POST_CLOSED");
		assertThat(api.post("/api/v1/duty-posts/" + post + "/close", banan, null).problemCode(409))
			.isEqualTo("DUTY_POST_CLOSED");
	}
}

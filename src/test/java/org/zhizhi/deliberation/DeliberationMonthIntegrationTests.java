package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * A month's deliberation of a scope ({@link DeliberationQueries#month}): 东城社区's desk raises a topic, decides it,
 * carries it out and holds a meeting in June — all counted in its June, none in May; a topic of another community is
 * not; and a caller who does not follow the desk's topics and meetings is refused.
 */
@ZhizhiIntegrationTest
class DeliberationMonthIntegrationTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	DeliberationQueries queries;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	TestClock clock;

	@Test
	void aCommunitysMonthCountsItsOwnTopicsAndMeetingsOfThatMonth() {
		ApiClient api = new ApiClient(port);
		String desk = api.tokenOf("dongcheng");
		Actor dongcheng = deskOf(api.orgUnitId("东城社区"));
		LocalDate today = clock.today();
		Instant juneFrom = today.withDayOfMonth(1).atStartOfDay(SHANGHAI).toInstant();
		Instant juneEnd = today.withDayOfMonth(1).plusMonths(1).atStartOfDay(SHANGHAI).toInstant();
		DeliberationMonth before = queries.month(dongcheng, juneFrom, juneEnd);
		Instant mayFrom = juneFrom.atZone(SHANGHAI).minusMonths(1).toInstant();
		DeliberationMonth may = queries.month(dongcheng, mayFrom, juneFrom);

		String topic = raise(api, desk, "东城社区", "月报核对：单元门禁常坏");
		assertThat(api.post(topic + "/admission", desk, Map.of()).status()).isEqualTo(200);
		Response decided = api.post(topic + "/decision", desk,
				Map.of("rule", "REPRESENTATIVES", "passed", true, "minutes", "居民代表会议同意更换门禁"));
		assertThat(decided.status()).as(decided.brief()).isEqualTo(200);
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("title", "更换 2 单元门禁");
		task.put("owner", "社区");
		task.put("dueOn", today.plusDays(7).toString());
		task.put("kind", "PLAIN");
		Response added = api.post(topic + "/tasks", desk, task);
		assertThat(added.status()).as(added.brief()).isEqualTo(201);
		String taskId = added.json().path("tasks").get(0).path("id").asString();
		assertThat(api.post(topic + "/tasks/" + taskId + "/completion", desk, Map.of("note", "已更换")).status())
			.isEqualTo(200);
		assertThat(api.post(topic + "/execution/finish", desk, Map.of()).json().path("state").asString())
			.isEqualTo("EVALUATING");
		// a second topic decided against
		String refused = raise(api, desk, "东城社区", "月报核对：拆除花坛改车位");
		api.post(refused + "/admission", desk, Map.of());
		assertThat(api.post(refused + "/decision", desk,
				Map.of("rule", "REPRESENTATIVES", "passed", false, "minutes", "多数代表反对")).status()).isEqualTo(200);
		Map<String, Object> meeting = new LinkedHashMap<>();
		meeting.put("format", "SECRETARY_TEA");
		meeting.put("placeKind", "COMMUNITY");
		meeting.put("placeId", api.orgUnitId("东城社区").toString());
		meeting.put("title", "月报核对书记茶话会");
		meeting.put("location", "社区党群服务中心");
		meeting.put("date", today.toString());
		meeting.put("time", "10:30");
		meeting.put("monthly", false);
		Response scheduled = api.post("/api/v1/deliberation-meetings", desk, meeting);
		assertThat(scheduled.status()).as(scheduled.brief()).isEqualTo(201);
		Response held = api.post("/api/v1/deliberation-meetings/" + scheduled.json().path("id").asString() + "/held",
				desk, Map.of("minutes", "到会居民 12 人，议定门禁更换事宜。"));
		assertThat(held.status()).as(held.brief()).isEqualTo(200);
		// another community's topic
		raise(api, api.tokenOf("mudong"), "金银桥社区", "月报核对：别的社区的议题");

		DeliberationMonth after = queries.month(dongcheng, juneFrom, juneEnd);
		assertThat(after.raised() - before.raised()).isEqualTo(2);
		assertThat(after.decided() - before.decided()).isEqualTo(2);
		assertThat(after.passed() - before.passed()).isEqualTo(1);
		assertThat(after.failed() - before.failed()).isEqualTo(1);
		assertThat(after.carriedOut() - before.carriedOut()).isEqualTo(1);
		assertThat(after.meetingsHeld() - before.meetingsHeld()).isEqualTo(1);

		// the month before holds none of it
		assertThat(queries.month(dongcheng, mayFrom, juneFrom)).isEqualTo(may);
		// a period that ends before our steps (the first of June to an hour ago) holds none of them either
		DeliberationMonth earlier = queries.month(dongcheng, juneFrom, clock.instant().minusSeconds(3600));
		assertThat(after.raised() - earlier.raised()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aCallerWhoDoesNotFollowTheDesksTopicsIsRefused() {
		Actor grid = new Actor(UUID.randomUUID(), "grid", "网格员", Set.of(Role.GRID_WORKER),
				deskOf(new ApiClient(port).orgUnitId("东城社区")).scope());
		assertThatThrownBy(() -> queries.month(grid, clock.instant().minusSeconds(86_400), clock.instant()))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.category()).isEqualTo(DomainException.Category.FORBIDDEN));
	}

	private static String raise(ApiClient api, String token, String community, String title) {
		String estate = api.get("/api/v1/estates?communityId=" + api.orgUnitId(community), token).json().get(0)
			.path("id").asString();
		Response raised = api.post("/api/v1/topics", token, Map.of("title", title + " "
				+ UUID.randomUUID().toString().substring(0, 6), "description", "月报核对用的议题", "placeKind", "ESTATE",
				"placeId", estate));
		assertThat(raised.status()).as(raised.brief()).isEqualTo(201);
		return "/api/v1/topics/" + raised.json().path("id").asString();
	}

	private Actor deskOf(UUID community) {
		return new Actor(UUID.randomUUID(), "desk", "desk", Set.of(Role.COMMUNITY_STAFF),
				orgUnits.bindingOf(community).orElseThrow().scope());
	}
}

package org.zhizhi.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.incident.DeskFilter;
import org.zhizhi.incident.IncidentLists;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.wish.WishQueries;
import org.zhizhi.wish.WishState;
import tools.jackson.databind.JsonNode;

/**
 * Every figure on the screen is the figure its module's own page and API show for the same node and period: the
 * incident KPIs of today and of this month and this year's trend (as {@code /api/v1/incident-kpis} answers them),
 * the partnership rates (as {@code /api/v1/partnership/rates}), and the desk's own counts for whistle types, overdue
 * incidents and wishes (as {@code IncidentLists} and {@code WishQueries} answer the desk pages for a person of that
 * node). A new report moves the screen's figures exactly as it moves the modules'. Whoever is not of the node, or
 * not of the people who run the whistle, gets no screen.
 */
@ZhizhiIntegrationTest
class CommandScreenFiguresIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IncidentLists incidents;

	@Autowired
	WishQueries wishes;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	SentinelQueries sentinel;

	@Autowired
	org.zhizhi.party.DutyRosters duty;

	@Test
	void theDistrictStreetAndCommunityScreensShowTheModulesOwnFigures() {
		ApiClient api = new ApiClient(port);
		String banan = api.tokenOf("banan");
		// a report of today, so that today's figures are not all zero
		api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "大屏核对：楼下垃圾堆放");
		for (String name : new String[] { null, "界石镇", "东城社区" }) {
			UUID node = name == null ? null : api.orgUnitId(name);
			String scope = node == null ? "" : "?scope=" + node;
			String unit = node == null ? "" : "orgUnitId=" + node + "&";
			JsonNode screen = ok(api.get("/api/v1/command/screen" + scope, banan));
			String day = screen.path("day").asString();

			assertThat(screen.path("today").path("figures"))
				.isEqualTo(ok(api.get("/api/v1/incident-kpis?" + unit + "from=" + day + "&to=" + day, banan))
					.path("figures"));
			assertThat(screen.path("month").path("figures"))
				.isEqualTo(ok(api.get("/api/v1/incident-kpis?" + unit + "preset=MONTH", banan)).path("figures"));
			assertThat(screen.path("trend").path("points"))
				.isEqualTo(ok(api.get("/api/v1/incident-kpis/trend?" + unit + "preset=YEAR&granularity=MONTH", banan))
					.path("points"));
			assertThat(screen.path("today").path("figures").path("reported").asLong()).isPositive();

			OrgUnit at = orgUnits.bindingOf(UUID.fromString(screen.path("node").path("id").asString())).orElseThrow();
			Actor desk = new Actor(UUID.randomUUID(), "desk", "desk", Set.of(Role.DISTRICT_ADMIN), at.scope());
			long open = 0;
			for (JsonNode whistles : screen.path("whistles")) {
				Map<IncidentState, Long> counts = incidents.countsByState(desk,
						new DeskFilter(null, WhistleType.valueOf(whistles.path("type").asString()), null, null, false));
				assertThat(whistles.path("total").asLong()).isEqualTo(sum(counts, EnumSet.allOf(IncidentState.class)));
				assertThat(whistles.path("open").asLong()).isEqualTo(sum(counts,
						EnumSet.complementOf(EnumSet.of(IncidentState.CLOSED, IncidentState.RATED, IncidentState.REJECTED))));
			}
			Map<IncidentState, Long> overdue = incidents.countsByState(desk, new DeskFilter(null, null, null, null, true));
			assertThat(screen.path("overdue").path("count").asLong())
				.isEqualTo(sum(overdue, EnumSet.allOf(IncidentState.class)));
			long gridsOverdue = 0;
			Map<UUID, Long> alerts = new java.util.HashMap<>();
			for (JsonNode grid : screen.path("grids")) {
				gridsOverdue += grid.path("overdue").asLong();
				open += grid.path("open").asLong();
				if (grid.path("alerts").asLong() > 0) {
					alerts.put(UUID.fromString(grid.path("gridId").asString()), grid.path("alerts").asLong());
				}
			}
			assertThat(alerts).as("the map's alerts are the sentinel's open alerts per grid")
				.isEqualTo(sentinel.openCountsByGrid(at.scope()));
			// the members on duty: the party rosters' answer for the node's grids and micro-grids at the snapshot's moment
			List<UUID> places = new java.util.ArrayList<>();
			for (var level : List.of(org.zhizhi.territory.OrgLevel.GRID, org.zhizhi.territory.OrgLevel.MICRO_GRID)) {
				orgUnits.list(at.scope(), new org.zhizhi.territory.OrgUnitFilter(null, null, level))
					.forEach(u -> places.add(u.id()));
			}
			var onDuty = duty.onDuty(at.scope(), places, java.time.Instant.parse(screen.path("at").asString()));
			assertThat(screen.path("onDuty").path("members").asLong())
				.isEqualTo(onDuty.stream().map(d -> d.memberId()).distinct().count());
			assertThat(screen.path("onDuty").path("first").findValuesAsString("memberName"))
				.isEqualTo(onDuty.stream().limit(12).map(d -> d.memberName()).toList());
			assertThat(gridsOverdue).as("the grids' overdue add up to the desk's 超时未办结")
				.isEqualTo(screen.path("overdue").path("count").asLong());
			Map<IncidentState, Long> all = incidents.countsByState(desk, DeskFilter.none());
			assertThat(open).as("the grids' open incidents add up to the desk's open states")
				.isEqualTo(sum(all, EnumSet.complementOf(EnumSet.of(IncidentState.CLOSED, IncidentState.RATED,
						IncidentState.REJECTED))));

			Map<String, Long> wishCounts = new LinkedHashMap<>();
			wishes.counts(desk).forEach((state, n) -> wishCounts.put(state.name(), n));
			Map<String, Long> shown = new LinkedHashMap<>();
			for (WishState state : WishState.values()) {
				shown.put(state.name(), screen.path("wishes").path(state.name()).asLong());
			}
			assertThat(shown).isEqualTo(wishCounts);
		}
		// the partnership desk's rates: the district's, and a community's as its desk asks for them
		assertThat(ok(api.get("/api/v1/command/screen", banan)).path("partnership"))
			.isEqualTo(ok(api.get("/api/v1/partnership/rates", banan)));
		// the property desk's ratings of last year, its API's default year
		assertThat(ok(api.get("/api/v1/command/screen", banan)).path("property"))
			.isEqualTo(ok(api.get("/api/v1/property/ratings", banan)));
		UUID jinyinqiao = api.orgUnitId("金银桥社区");
		assertThat(ok(api.get("/api/v1/command/screen?scope=" + jinyinqiao, banan)).path("partnership"))
			.isEqualTo(ok(api.get("/api/v1/partnership/rates?communityId=" + jinyinqiao, banan)));
	}

	@Test
	void aReportMovesTheScreenAsItMovesTheDesk() {
		ApiClient api = new ApiClient(port);
		String dongcheng = api.tokenOf("dongcheng");
		JsonNode before = ok(api.get("/api/v1/command/screen", dongcheng));
		String id = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "大屏核对：新上报计入今日");
		JsonNode after = ok(api.get("/api/v1/command/screen", dongcheng));
		assertThat(after.path("node").path("small").asBoolean()).as("a community's screen is the smaller one").isTrue();
		assertThat(after.path("today").path("figures").path("reported").asLong())
			.isEqualTo(before.path("today").path("figures").path("reported").asLong() + 1);
		// the newest reports come first: this one, unless reports stamped later (by tests that moved the clock ahead)
		// fill the list before it
		java.time.Instant reportedAt = java.time.Instant
			.parse(ok(api.get("/api/v1/incidents/" + id, dongcheng)).path("incident").path("reportedAt").asString());
		List<String> latest = after.path("latest").findValuesAsString("id");
		if (!latest.contains(id)) {
			assertThat(after.path("latest").findValuesAsString("reportedAt"))
				.allSatisfy(at -> assertThat(java.time.Instant.parse(at)).isAfterOrEqualTo(reportedAt));
		}
		else {
			assertThat(after.path("latest").findValuesAsString("reportedAt").subList(0, latest.indexOf(id)))
				.allSatisfy(at -> assertThat(java.time.Instant.parse(at)).isAfterOrEqualTo(reportedAt));
		}
	}

	@Test
	void aScreenIsOnlyOfTheViewersOwnScopeAndOnlyForThoseWhoRunTheWhistle() {
		ApiClient api = new ApiClient(port);
		String jieshi = api.tokenOf("jieshi");
		UUID mudong = api.orgUnitId("木洞镇");
		assertThat(api.get("/api/v1/command/screen?scope=" + mudong, jieshi).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/command/screen?scope=" + mudong, api.tokenOf("banan")).status()).isEqualTo(200);
		var bad = api.get("/api/v1/command/screen?scope=not-an-id", jieshi);
		assertThat(bad.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(bad.errorFields()).containsExactly("scope");
		UUID grid = api.orgUnitId("东城社区第1网格");
		assertThat(api.get("/api/v1/command/screen?scope=" + grid, jieshi).errorFields()).containsExactly("scope");
		assertThat(api.get("/api/v1/command/screen", api.tokenOf("jumin01")).problemCode(403))
			.isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(api.get("/api/v1/command/screen", api.tokenOf("dongcheng-g01")).errorFields())
			.as("a grid worker reads KPIs, but a grid has no command centre").containsExactly("scope");
	}

	private static long sum(Map<IncidentState, Long> counts, Set<IncidentState> states) {
		return counts.entrySet().stream().filter(e -> states.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
	}

	private static JsonNode ok(ApiClient.Response response) {
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		return response.json();
	}
}
